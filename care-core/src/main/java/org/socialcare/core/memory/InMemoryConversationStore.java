package org.socialcare.core.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.out.ConversationStore;

/**
 * {@link ConversationStore} in a concurrent map. Queries scan all conversations: fine for tests, demos and
 * small desks; use the JDBC store for indexed queries. Thread-safe.
 */
public final class InMemoryConversationStore implements ConversationStore {
    /** Queue order: priority descending, response due ascending (absent last), opened ascending, id. */
    public static final Comparator<Conversation> QUEUE_ORDER = Comparator
            .comparing(Conversation::priority, Comparator.reverseOrder())
            .thenComparing(c -> c.responseDueAt().orElse(Instant.MAX))
            .thenComparing(Conversation::openedAt)
            .thenComparing(c -> c.id().value());

    private final ConcurrentMap<ConversationId, Conversation> byId = new ConcurrentHashMap<>();

    @Override
    public Conversation save(Conversation conversation) {
        Conversation[] saved = new Conversation[1];
        byId.compute(conversation.id(), (id, existing) -> {
            long stored = existing == null ? 0 : existing.version();
            if (existing == null ? conversation.version() != 0 : existing.version() != conversation.version()) {
                throw new ConcurrentUpdateException(id, conversation.version());
            }
            saved[0] = conversation.withVersion(stored + 1);
            return saved[0];
        });
        return saved[0];
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId) {
        return byId.values().stream()
                .filter(c -> c.channel().equals(channel) && c.customer().platformUserId().equals(customerPlatformUserId))
                .max(Comparator.comparing(Conversation::lastCustomerMessageAt).thenComparing(Conversation::openedAt));
    }

    @Override
    public List<Conversation> unassignedQueue(TeamId team, int limit) {
        return byId.values().stream()
                .filter(c -> c.state().isActive() && c.assignee().isEmpty() && c.team().filter(team::equals).isPresent())
                .sorted(QUEUE_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public List<Conversation> assignedTo(AgentId agent) {
        return byId.values().stream()
                .filter(c -> c.state().isActive() && c.isAssignedTo(agent))
                .sorted(QUEUE_ORDER)
                .toList();
    }

    @Override
    public List<Conversation> dueBy(Instant instant, int limit) {
        return byId.values().stream()
                .filter(c -> c.state().isActive())
                .filter(c -> earliestDue(c).filter(d -> !d.isAfter(instant)).isPresent())
                .sorted(Comparator.comparing((Conversation c) -> earliestDue(c).orElseThrow()).thenComparing(c -> c.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Conversation> openedBetween(Instant from, Instant to) {
        return byId.values().stream()
                .filter(c -> !c.openedAt().isBefore(from) && c.openedAt().isBefore(to))
                .sorted(Comparator.comparing(Conversation::openedAt).thenComparing(c -> c.id().value()))
                .toList();
    }

    private static Optional<Instant> earliestDue(Conversation c) {
        return c.responseDueAt()
                .map(r -> c.resolutionDueAt().filter(s -> s.isBefore(r)).orElse(r))
                .or(c::resolutionDueAt);
    }
}
