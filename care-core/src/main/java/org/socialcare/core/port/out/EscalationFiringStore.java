package org.socialcare.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationFiring;

/**
 * Remembers which escalation rules fired on which conversation, per condition episode, so a rule fires once
 * per episode even with several desks sharing the store, and so other parts can read what is in force (for
 * example, the approval flow reads open firings whose actions include {@code require-approval}).
 *
 * <p>Promises: {@link #fire} records a new episode only when the (conversation, rule) pair has no open one,
 * atomically (a JDBC implementation keeps a unique (conversation, rule, episode) key and checks for an open
 * row in the same transaction); episodes are numbered 1, 2, ... per pair. Reads never return null. Thread-safe;
 * takes part in the current transaction. The in-memory implementation is
 * {@code org.socialcare.core.memory.InMemoryEscalationFiringStore}; the JDBC module implements it next.
 */
public interface EscalationFiringStore {
    /**
     * Records that {@code ruleId} fired on the conversation, as the next episode; empty (and nothing written)
     * when the pair already has an open episode (another desk fired it).
     */
    Optional<EscalationFiring> fire(
            ConversationId conversation, String ruleId, Instant at, String reason, List<String> actions);

    /** Ends the pair's open episode at {@code at}; false when none was open. */
    boolean endEpisode(ConversationId conversation, String ruleId, Instant at);

    /** The conversation's open episodes, in firing order. */
    List<EscalationFiring> open(ConversationId conversation);

    /** Every firing of the conversation, open or ended, in firing order. */
    List<EscalationFiring> history(ConversationId conversation);
}
