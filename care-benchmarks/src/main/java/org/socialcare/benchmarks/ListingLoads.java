package org.socialcare.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ConversationStore;

/**
 * The in-memory store as it was before issue 17: every method of the real store except {@code countAssigned}
 * and {@code hasUnassigned}, which fall back to the port's defaults (list the agent's conversations to take
 * their size; read the queue head to see whether it is empty). Measures "before" in the same run as "after".
 */
final class ListingLoads implements ConversationStore {
    private final ConversationStore real;

    private ListingLoads(ConversationStore real) {
        this.real = real;
    }

    /** {@code storage} with its conversation store seen through the listing defaults. */
    static CareStorage wrap(CareStorage storage) {
        return new CareStorage(
                new ListingLoads(storage.conversations()),
                storage.messages(),
                storage.outbox(),
                storage.audit(),
                storage.checkpoints(),
                storage.deadLetters(),
                storage.escalationFirings(),
                storage.channelStates(),
                storage.approvals(),
                storage.notices(),
                storage.transactions());
    }

    @Override
    public Conversation save(Conversation conversation) {
        return real.save(conversation);
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return real.find(id);
    }

    @Override
    public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId) {
        return real.findLatestOfCustomer(channel, customerPlatformUserId);
    }

    @Override
    public List<Conversation> unassignedQueue(TeamId team, int limit) {
        return real.unassignedQueue(team, limit);
    }

    @Override
    public List<Conversation> assignedTo(AgentId agent) {
        return real.assignedTo(agent);
    }

    @Override
    public List<Conversation> dueBy(Instant instant, int limit) {
        return real.dueBy(instant, limit);
    }

    @Override
    public List<Conversation> openedBetween(Instant from, Instant to) {
        return real.openedBetween(from, to);
    }

    @Override
    public int countOpenedByCustomer(String customerPlatformUserId, Set<ChannelId> channels, Instant from, Instant to) {
        return real.countOpenedByCustomer(customerPlatformUserId, channels, from, to);
    }

    @Override
    public Optional<Instant> lastAgentReplyAt(ChannelId channel) {
        return real.lastAgentReplyAt(channel);
    }
}
