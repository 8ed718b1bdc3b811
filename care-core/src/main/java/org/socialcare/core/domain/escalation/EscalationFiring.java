package org.socialcare.core.domain.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;

/**
 * A rule fired for a conversation: the episode number (1, 2, ... per conversation and rule), when it fired,
 * why, the actions it took (in rules-file form, e.g. {@code require-approval}), and when the episode ended
 * (the condition stopped holding). While {@link #isOpen()}, the rule does not fire again for the conversation.
 * Immutable.
 */
public record EscalationFiring(
        ConversationId conversation,
        String ruleId,
        int episode,
        Instant firedAt,
        String reason,
        List<String> actions,
        Optional<Instant> endedAt) {

    public EscalationFiring {
        Checks.notNull(conversation, "conversation");
        Checks.notBlank(ruleId, "ruleId");
        Checks.positive(episode, "episode");
        Checks.notNull(firedAt, "firedAt");
        Checks.notBlank(reason, "reason");
        actions = List.copyOf(Checks.notNull(actions, "actions"));
        Checks.notNull(endedAt, "endedAt");
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    public EscalationFiring ended(Instant at) {
        return new EscalationFiring(
                conversation, ruleId, episode, firedAt, reason, actions, Optional.of(Checks.notNull(at, "at")));
    }
}
