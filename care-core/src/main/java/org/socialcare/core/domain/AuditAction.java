package org.socialcare.core.domain;

/** What an {@link AuditEntry} records. */
public enum AuditAction {
    MESSAGE_RECEIVED,
    DUPLICATE_IGNORED,
    CONVERSATION_OPENED,
    CONVERSATION_REOPENED,
    TRIAGED,
    ROUTED,
    CLAIMED,
    UNASSIGNED,
    REPLY_QUEUED,
    REPLY_SENT,
    REPLY_FAILED,
    REPLY_HELD,
    MOVED_TO_PRIVATE,
    CALLBACK_REQUESTED,
    RESOLVED,
    CLOSED,
    ESCALATED,
    ESCALATION_RULE_FIRED,
    MODERATION_ACTION,
    COMPLIANCE_BLOCKED,
    APPROVAL_REQUESTED,
    APPROVAL_DECIDED,
    CHANNEL_PAUSED,
    CHANNEL_RESUMED,
    CHANNEL_HEALTH_CHANGED,
    ECHO_MATCHED,
    ECHO_UNMATCHED,
    HIJACK_SUSPECTED,
    WEBHOOK_REJECTED,
    DEAD_LETTERED,
    /** One customer's data was erased or anonymised on request (GDPR); the detail names no identifier. */
    CUSTOMER_ERASED,
    /** Closed conversations past the retention period were purged. */
    RETENTION_PURGED,
    /** An operator put a FAILED reply back in the outbox. */
    REPLY_RETRIED,
    /** An operator had a dead letter read again and its messages ingested. */
    DEAD_LETTER_REPROCESSED,
    /** An operator added a team to the running desk. */
    TEAM_ADDED,
    /** An operator retired a team from the running desk. */
    TEAM_RETIRED,
    /** An operator added an agent to the running desk. */
    AGENT_ADDED,
    /** An operator retired an agent from the running desk; their open conversations went back to the queue. */
    AGENT_RETIRED,
    /** An operator added a channel to the running desk. */
    CHANNEL_ADDED,
    /** An operator retired a channel from the running desk; nothing more is read or published on it. */
    CHANNEL_RETIRED
}
