-- care-persistence-jdbc schema, version 1, for MariaDB 10.6 or later (10.3+ works without SKIP LOCKED claims).
-- Flyway and Liquibase can run this file as it is. Instants are DATETIME(6) holding UTC (TIMESTAMP would end in
-- 2038 and convert through the session time zone). Tables use utf8mb4 with the binary no-pad collation, so
-- strings compare as Java compares them (case and trailing spaces count). No foreign keys: a message is stored
-- before its new conversation in the same transaction.

CREATE TABLE care_conversation (
    id                       VARCHAR(128) NOT NULL,
    channel_id               VARCHAR(128) NOT NULL,
    customer_id              VARCHAR(255) NOT NULL,
    customer_handle          VARCHAR(255) NOT NULL,
    customer_name            VARCHAR(512),
    customer_followers       BIGINT NOT NULL,
    customer_verified        BOOLEAN NOT NULL,
    state                    VARCHAR(20) NOT NULL,
    priority                 VARCHAR(10) NOT NULL,
    priority_rank            SMALLINT NOT NULL,
    category                 VARCHAR(20) NOT NULL,
    risk_flags               VARCHAR(500),
    team_id                  VARCHAR(128),
    assignee_id              VARCHAR(128),
    opened_at                DATETIME(6) NOT NULL,
    last_customer_message_at DATETIME(6) NOT NULL,
    awaiting_response_since  DATETIME(6),
    first_response_at        DATETIME(6),
    last_agent_reply_at      DATETIME(6),
    resolved_at              DATETIME(6),
    public_leg               BOOLEAN NOT NULL,
    private_leg              BOOLEAN NOT NULL,
    response_due_at          DATETIME(6),
    resolution_due_at        DATETIME(6),
    next_due_at              DATETIME(6),
    customer_message_count   INTEGER NOT NULL,
    language                 VARCHAR(35),
    negative_streak          INTEGER NOT NULL,
    version                  BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- SLA sweeps: active states, earliest due first
CREATE INDEX care_conversation_due_idx ON care_conversation (state, next_due_at);
-- threading: the customer's latest conversation on a channel
CREATE INDEX care_conversation_customer_idx ON care_conversation (channel_id, customer_id, last_customer_message_at);
-- team queues and agents' work lists
CREATE INDEX care_conversation_queue_idx ON care_conversation (team_id, assignee_id, state);
CREATE INDEX care_conversation_assignee_idx ON care_conversation (assignee_id, state);
-- reports: conversations opened in a period; account activity (last agent reply per channel)
CREATE INDEX care_conversation_opened_idx ON care_conversation (opened_at);
-- repeat-contact rules count a customer's conversations in a period
CREATE INDEX care_conversation_customer_opened_idx ON care_conversation (customer_id, opened_at);
CREATE INDEX care_conversation_activity_idx ON care_conversation (channel_id, last_agent_reply_at);

-- one row per customer and channel, locked while a transaction threads that customer's messages, so two
-- nodes ingesting the same customer at once do not both open a conversation
CREATE TABLE care_customer_lock (
    channel_id  VARCHAR(128) NOT NULL,
    customer_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (channel_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE care_message (
    seq             BIGINT NOT NULL AUTO_INCREMENT,
    platform        VARCHAR(32) NOT NULL,
    message_id      VARCHAR(255) NOT NULL,
    conversation_id VARCHAR(128) NOT NULL,
    channel_id      VARCHAR(128) NOT NULL,
    direction       VARCHAR(10) NOT NULL,
    author_id       VARCHAR(255) NOT NULL,
    author_handle   VARCHAR(255) NOT NULL,
    body            MEDIUMTEXT NOT NULL,
    visibility      VARCHAR(10) NOT NULL,
    in_reply_to     VARCHAR(255),
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT care_message_key UNIQUE (platform, message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX care_message_conversation_idx ON care_message (conversation_id, created_at, seq);

CREATE TABLE care_outbox (
    id                  VARCHAR(128) NOT NULL,
    seq                 BIGINT NOT NULL AUTO_INCREMENT,
    conversation_id     VARCHAR(128) NOT NULL,
    channel_id          VARCHAR(128) NOT NULL,
    kind                VARCHAR(30) NOT NULL,
    target              VARCHAR(255),
    recipient           VARCHAR(255),
    body                MEDIUMTEXT NOT NULL,
    author_id           VARCHAR(128),
    created_at          DATETIME(6) NOT NULL,
    status              VARCHAR(10) NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at     DATETIME(6),
    last_error          MEDIUMTEXT,
    platform_message_id VARCHAR(255),
    sent_at             DATETIME(6),
    failure_reason      MEDIUMTEXT,
    failed_at           DATETIME(6),
    lease_until         DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT care_outbox_seq UNIQUE (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- the dispatcher's claim: QUEUED entries in claim order (next attempt, then seq), so the locking read walks the
-- index and locks only the rows it returns (a sort would make MariaDB lock every due row)
CREATE INDEX care_outbox_due_idx ON care_outbox (status, next_attempt_at, seq);
CREATE INDEX care_outbox_conversation_idx ON care_outbox (conversation_id, seq);
-- echo matching and queued-per-channel
CREATE INDEX care_outbox_platform_idx ON care_outbox (channel_id, platform_message_id);
CREATE INDEX care_outbox_channel_idx ON care_outbox (channel_id, status, seq);

CREATE TABLE care_audit (
    seq             BIGINT NOT NULL,
    occurred_at     DATETIME(6) NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    action          VARCHAR(40) NOT NULL,
    conversation_id VARCHAR(128),
    channel_id      VARCHAR(128),
    detail          MEDIUMTEXT NOT NULL,
    prev_hash       CHAR(64) NOT NULL,
    row_hash        CHAR(64) NOT NULL,
    PRIMARY KEY (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX care_audit_conversation_idx ON care_audit (conversation_id, seq);

-- the hash chain's head: one row, locked by each appending transaction just before it commits
CREATE TABLE care_audit_head (
    id        SMALLINT NOT NULL,
    last_seq  BIGINT NOT NULL,
    last_hash CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO care_audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE care_checkpoint (
    source_id       VARCHAR(255) NOT NULL,
    source_position MEDIUMTEXT NOT NULL,
    PRIMARY KEY (source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE care_dead_letter (
    seq         BIGINT NOT NULL AUTO_INCREMENT,
    id          VARCHAR(128) NOT NULL,
    source      VARCHAR(255) NOT NULL,
    raw_payload LONGBLOB NOT NULL,
    reason      MEDIUMTEXT NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT care_dead_letter_id UNIQUE (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- escalation rule firings: one row per (conversation, rule, episode); the unique key lets only one desk record
-- an episode; only the newest episode of a pair can be open (ended_at NULL)
CREATE TABLE care_escalation_firing (
    seq             BIGINT NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(128) NOT NULL,
    rule_id         VARCHAR(200) NOT NULL,
    episode         INTEGER NOT NULL,
    fired_at        DATETIME(6) NOT NULL,
    reason          MEDIUMTEXT NOT NULL,
    actions         MEDIUMTEXT NOT NULL,
    ended_at        DATETIME(6),
    PRIMARY KEY (seq),
    CONSTRAINT care_escalation_firing_key UNIQUE (conversation_id, rule_id, episode)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- replies held for four-eyes approval (JdbcApprovalGateway): the whole reply as the outbox would hold it, why
-- approval is needed (length-prefixed list) and when it was asked for; seq is submission order; a decision
-- deletes the row, so exactly one desk can take it
CREATE TABLE care_approval (
    id                  VARCHAR(128) NOT NULL,
    seq                 BIGINT NOT NULL AUTO_INCREMENT,
    conversation_id     VARCHAR(128) NOT NULL,
    channel_id          VARCHAR(128) NOT NULL,
    kind                VARCHAR(30) NOT NULL,
    target              VARCHAR(255),
    recipient           VARCHAR(255),
    body                MEDIUMTEXT NOT NULL,
    author_id           VARCHAR(128),
    created_at          DATETIME(6) NOT NULL,
    status              VARCHAR(10) NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at     DATETIME(6),
    last_error          MEDIUMTEXT,
    platform_message_id VARCHAR(255),
    sent_at             DATETIME(6),
    failure_reason      MEDIUMTEXT,
    failed_at           DATETIME(6),
    reasons             MEDIUMTEXT NOT NULL,
    requested_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT care_approval_seq UNIQUE (seq)

);

-- channel kill switch, shared by every desk on the database: one row per channel with its latest pause or resume
-- (paused, the pause's reason, who, when); a channel without a row keeps its configured state
CREATE TABLE care_channel_state (
    channel_id VARCHAR(128) NOT NULL,
    paused     BOOLEAN NOT NULL,
    reason     MEDIUMTEXT,
    actor      MEDIUMTEXT NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (channel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
