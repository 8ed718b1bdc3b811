package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit trail: when, who ("system", "agent:ab1", "supervisor:x"), what, on which
 * conversation or channel, and why. {@code detail} never holds secrets or unmasked card numbers. Immutable.
 */
public record AuditEntry(
        Instant at,
        String actor,
        AuditAction action,
        Optional<ConversationId> conversation,
        Optional<ChannelId> channel,
        String detail) {

    public AuditEntry {
        Checks.notNull(at, "at");
        Checks.notBlank(actor, "actor");
        Checks.notNull(action, "action");
        Checks.notNull(conversation, "conversation");
        Checks.notNull(channel, "channel");
        Checks.notNull(detail, "detail");
    }

    public static AuditEntry of(
            Instant at,
            String actor,
            AuditAction action,
            ConversationId conversation,
            ChannelId channel,
            String detail) {
        return new AuditEntry(
                at, actor, action, Optional.ofNullable(conversation), Optional.ofNullable(channel), detail);
    }
}
