package org.socialcare.core.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.TeamId;

/**
 * Agents' work on conversations: queues, claims, resolution, escalation, presence and phone callbacks. Each
 * change is saved with its audit line in one transaction. Unknown agents or teams fail with a
 * {@link org.socialcare.core.error.CareException} naming the configured ones. Implementations are thread-safe.
 */
public interface WorkConversations {
    /** The team's unassigned active conversations in queue order (priority, then due time). */
    List<Conversation> queue(TeamId team, int limit);

    /** The agent's active conversations in queue order. */
    List<Conversation> assignedTo(AgentId agent);

    /** The agent takes the conversation. @throws org.socialcare.core.error.AlreadyClaimedException if another agent holds it */
    Conversation claim(ConversationId id, AgentId agent);

    /**
     * Marks the conversation RESOLVED. Only the agent who holds it, or a supervisor
     * ({@link Agent#supervisor()}), may resolve it.
     *
     * @throws org.socialcare.core.error.NotAssignedException if {@code agent} neither holds the conversation nor
     *     is a supervisor
     */
    Conversation resolve(ConversationId id, AgentId agent);

    /** Closes a RESOLVED conversation for good. */
    Conversation close(ConversationId id);

    /** Escalates the conversation (to a supervisor), notifying the {@code EscalationNotifier}. */
    Conversation escalate(ConversationId id, String actor, String reason);

    /**
     * Changes an agent's presence. An agent going OFFLINE gives back their active conversations: they return to
     * their team queue, keeping their priority and due times, and (with auto-assignment) are re-routed to the
     * team's agents who can take more. An agent coming ONLINE gets waiting work.
     */
    Agent setPresence(AgentId agentId, Presence presence);

    /**
     * The assigned agent asks the bank's phone team to call the customer. Audited with the number masked,
     * then handed to the {@code CallbackGateway}.
     *
     * @throws IllegalStateException if the desk was built without a callback gateway
     */
    CallbackRequest requestCallback(
            ConversationId id, AgentId agent, String phoneNumber, Optional<Instant> preferredAt);
}
