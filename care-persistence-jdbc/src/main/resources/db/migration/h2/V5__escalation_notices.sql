-- V5: durable escalation notices (JdbcNoticeOutbox). A notice is inserted in the same transaction as the change that
-- caused it and deleted once the notifier took it; a failed delivery keeps it with its attempts, its masked last
-- error and its next attempt. A claim moves next_attempt_at to the end of its lease and adds one to version, and is
-- a conditional UPDATE ... WHERE version = <read>, so two desks never take the same notice at once.
CREATE TABLE care_notice (
    id              VARCHAR(64) NOT NULL,
    kind            VARCHAR(40) NOT NULL,
    channel_id      VARCHAR(128) NOT NULL,
    conversation_id VARCHAR(128),
    reason          CHARACTER VARYING NOT NULL,
    priority        VARCHAR(16) NOT NULL,
    notice_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    enqueued_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts        INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error      CHARACTER VARYING,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT care_notice_pk PRIMARY KEY (id)
);
CREATE INDEX care_notice_due_idx ON care_notice (next_attempt_at, enqueued_at);
