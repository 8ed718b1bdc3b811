package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What an {@code EscalationNotifier} is told: the kind, the channel, the conversation when there is one,
 * the reason, the priority and when. Immutable; holds no customer data beyond ids.
 */
public record EscalationNotice(
        Kind kind,
        ChannelId channel,
        Optional<ConversationId> conversation,
        String reason,
        Priority priority,
        Instant at) {

    /** What needs attention. */
    public enum Kind {
        CONVERSATION_ESCALATED,
        CHANNEL_UNHEALTHY,
        ACCOUNT_HIJACK_SUSPECTED
    }

    public EscalationNotice {
        Checks.notNull(kind, "kind");
        Checks.notNull(channel, "channel");
        Checks.notNull(conversation, "conversation");
        Checks.notBlank(reason, "reason");
        Checks.notNull(priority, "priority");
        Checks.notNull(at, "at");
    }
}
