package org.socialcare.core.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.out.ConversationStore;

/**
 * {@link ConversationStore} in memory, indexed like a database would be: by customer on a channel (threading),
 * by team for the unassigned queue, by agent, and by earliest due instant (sweeps), so ingest and sweeps cost
 * the same with ten or a million open conversations; an agent's load and whether a team has waiting work are read
 * from those indexes without listing. Writes are serialised; reads never block. Thread-safe.
 */
public final class InMemoryConversationStore implements ConversationStore {
    /**
     * Queue order: priority descending, then the customer who has waited longest for an answer
     * ({@code awaitingResponseSince} ascending, absent last), opened ascending, id. See {@link ConversationStore}.
     */
    public static final Comparator<Conversation> QUEUE_ORDER = Comparator.comparing(
                    Conversation::priority, Comparator.reverseOrder())
            .thenComparing(c -> c.awaitingResponseSince().orElse(Instant.MAX))
            .thenComparing(Conversation::openedAt)
            .thenComparing(c -> c.id().value());

    /** Earliest due instant (none last), then id; allocates nothing per comparison (the due index's hot path). */
    private static final Comparator<Conversation> DUE_ORDER = (a, b) -> {
        int byDue = dueOrMax(a).compareTo(dueOrMax(b));
        return byDue != 0 ? byDue : a.id().value().compareTo(b.id().value());
    };

    private record CustomerKey(ChannelId channel, String customer) {}

    private final ConcurrentMap<ConversationId, Conversation> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<CustomerKey, ConversationId> latestByCustomer = new ConcurrentHashMap<>();
    private final ConcurrentMap<TeamId, NavigableSet<Conversation>> unassignedByTeam = new ConcurrentHashMap<>();
    private final ConcurrentMap<AgentId, Set<ConversationId>> activeByAgent = new ConcurrentHashMap<>();
    private final NavigableSet<Conversation> dueIndex = new ConcurrentSkipListSet<>(DUE_ORDER);
    private final ConcurrentMap<String, Set<ConversationId>> byCustomer = new ConcurrentHashMap<>();
    private final ConcurrentMap<ChannelId, Instant> lastReplyByChannel = new ConcurrentHashMap<>();

    @Override
    public synchronized Conversation save(Conversation conversation) {
        Conversation existing = byId.get(conversation.id());
        long stored = existing == null ? 0 : existing.version();
        if (existing == null ? conversation.version() != 0 : stored != conversation.version()) {
            throw new ConcurrentUpdateException(conversation.id(), conversation.version());
        }
        Conversation saved = conversation.withVersion(stored + 1);
        if (existing != null) {
            unindex(existing);
        }
        byId.put(saved.id(), saved);
        index(saved);
        return saved;
    }

    private void index(Conversation c) {
        byCustomer
                .computeIfAbsent(c.customer().platformUserId(), k -> ConcurrentHashMap.newKeySet())
                .add(c.id());
        c.lastAgentReplyAt().ifPresent(at -> lastReplyByChannel.merge(c.channel(), at, (a, b) -> a.isAfter(b) ? a : b));
        latestByCustomer.merge(
                new CustomerKey(c.channel(), c.customer().platformUserId()),
                c.id(),
                (current, candidate) -> isLater(byId.get(candidate), byId.get(current)) ? candidate : current);
        if (!c.state().isActive()) {
            return;
        }
        if (c.assignee().isEmpty()) {
            c.team().ifPresent(t -> unassignedByTeam
                    .computeIfAbsent(t, k -> new ConcurrentSkipListSet<>(QUEUE_ORDER))
                    .add(c));
        } else {
            activeByAgent
                    .computeIfAbsent(c.assignee().get(), k -> ConcurrentHashMap.newKeySet())
                    .add(c.id());
        }
        if (dueOrMax(c) != Instant.MAX) {
            dueIndex.add(c);
        }
    }

    private void unindex(Conversation c) {
        c.team().map(unassignedByTeam::get).ifPresent(set -> set.remove(c));
        c.assignee().map(activeByAgent::get).ifPresent(set -> set.remove(c.id()));
        dueIndex.remove(c);
    }

    private static boolean isLater(Conversation a, Conversation b) {
        int byMessage = a.lastCustomerMessageAt().compareTo(b.lastCustomerMessageAt());
        return byMessage != 0 ? byMessage > 0 : a.openedAt().isAfter(b.openedAt());
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId) {
        return Optional.ofNullable(latestByCustomer.get(new CustomerKey(channel, customerPlatformUserId)))
                .map(byId::get);
    }

    @Override
    public List<Conversation> unassignedQueue(TeamId team, int limit) {
        NavigableSet<Conversation> queue = unassignedByTeam.get(team);
        return queue == null ? List.of() : queue.stream().limit(limit).toList();
    }

    /** Reads the team's queue index head, O(1) whatever the backlog. */
    @Override
    public boolean hasUnassigned(TeamId team) {
        NavigableSet<Conversation> queue = unassignedByTeam.get(team);
        return queue != null && !queue.isEmpty();
    }

    /** The size of the agent's index entry, which holds exactly the agent's active conversations. */
    @Override
    public int countAssigned(AgentId agent) {
        return activeByAgent.getOrDefault(agent, Set.of()).size();
    }

    @Override
    public List<Conversation> assignedTo(AgentId agent) {
        Set<ConversationId> ids = activeByAgent.getOrDefault(agent, Set.of());
        return ids.stream()
                .map(byId::get)
                .filter(c -> c != null && c.isAssignedTo(agent) && c.state().isActive())
                .sorted(QUEUE_ORDER)
                .toList();
    }

    @Override
    public List<Conversation> dueBy(Instant instant, int limit) {
        return dueIndex.stream()
                .takeWhile(c -> !earliestDue(c).orElseThrow().isAfter(instant))
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

    @Override
    public int countOpenedByCustomer(String customerPlatformUserId, Set<ChannelId> channels, Instant from, Instant to) {
        return (int) byCustomer.getOrDefault(customerPlatformUserId, Set.of()).stream()
                .map(byId::get)
                .filter(c -> channels.contains(c.channel())
                        && !c.openedAt().isBefore(from)
                        && c.openedAt().isBefore(to))
                .count();
    }

    @Override
    public Optional<Instant> lastAgentReplyAt(ChannelId channel) {
        return Optional.ofNullable(lastReplyByChannel.get(channel));
    }

    /** Conversations held, for monitoring. */
    public int size() {
        return byId.size();
    }

    private static Optional<Instant> earliestDue(Conversation c) {
        Instant due = dueOrMax(c);
        return due == Instant.MAX ? Optional.empty() : Optional.of(due);
    }

    /** The earlier of the response and resolution due instants, {@code Instant.MAX} when neither is set. */
    private static Instant dueOrMax(Conversation c) {
        Instant response = c.responseDueAt().orElse(Instant.MAX);
        Instant resolution = c.resolutionDueAt().orElse(Instant.MAX);
        return resolution.isBefore(response) ? resolution : response;
    }
}
