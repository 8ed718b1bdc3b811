package org.socialcare.core.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.TeamId;

/**
 * Keeps {@link Conversation} aggregates, with optimistic locking.
 *
 * <p>Promises: {@link #save} inserts a conversation whose version is 0 and updates one whose stored version
 * equals the given version, returning it with the version incremented; any other case throws
 * {@link org.socialcare.core.error.ConcurrentUpdateException} and writes nothing. Reads never return null.
 * Queue orders: priority descending, then the customer waiting longest for an answer ({@code awaitingResponseSince}
 * ascending, absent last), then opened ascending. Within one priority this is the order of the response SLA's due
 * times, and unlike the stored SLA checkpoints ({@code responseDueAt}, which the sweep moves on and clears after a
 * breach) it never lets an overdue customer fall behind a newer one.
 *
 * <p>Thread safety: implementations are safe for concurrent use. Calls made inside
 * {@link TransactionManager#inTransaction} take part in that transaction.
 */
public interface ConversationStore {
    /** Inserts (version 0) or updates (version = stored version); returns the stored copy with version + 1. */
    Conversation save(Conversation conversation);

    Optional<Conversation> find(ConversationId id);

    /** The customer's most recently active conversation on this channel (any state), if any. */
    Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId);

    /**
     * {@link #findLatestOfCustomer} for several customers of one channel at once (a batch's threading lookup):
     * customer platform user id to that customer's latest conversation; customers without one are absent. A
     * store that serializes transactions per customer in {@code findLatestOfCustomer} does the same here for
     * every given customer, taking them in ascending order. The default calls {@code findLatestOfCustomer} for
     * each customer in ascending order; stores should override it with set-based statements.
     */
    default Map<String, Conversation> findLatestOfCustomers(
            ChannelId channel, Collection<String> customerPlatformUserIds) {
        Map<String, Conversation> latest = new HashMap<>();
        for (String customer : new TreeSet<>(customerPlatformUserIds)) {
            findLatestOfCustomer(channel, customer).ifPresent(c -> latest.put(customer, c));
        }
        return latest;
    }

    /** Active (not RESOLVED/CLOSED) conversations of the team that no agent holds, in queue order. */
    List<Conversation> unassignedQueue(TeamId team, int limit);

    /** Active conversations held by the agent, in queue order. */
    List<Conversation> assignedTo(AgentId agent);

    /**
     * Whether the team has at least one active conversation that no agent holds: {@code
     * !unassignedQueue(team, 1).isEmpty()} without reading or ordering the queue. The default does exactly that;
     * stores should override it with an indexed existence check (routing asks it on every batch).
     */
    default boolean hasUnassigned(TeamId team) {
        return !unassignedQueue(team, 1).isEmpty();
    }

    /**
     * How many active conversations the agent holds: {@code assignedTo(agent).size()} without listing them.
     * The default does exactly that; stores should override it with a maintained counter or an indexed
     * {@code COUNT} (routing and escalation ask it for every candidate agent, so its cost must not grow with the
     * agent's backlog).
     */
    default int countAssigned(AgentId agent) {
        return assignedTo(agent).size();
    }

    /** Active conversations whose response or resolution due instant is at or before {@code instant}, earliest first. */
    List<Conversation> dueBy(Instant instant, int limit);

    /** Conversations opened in [from, to), oldest first (for metrics and reports). */
    List<Conversation> openedBetween(Instant from, Instant to);

    /**
     * One page of {@link #openedBetween(Instant, Instant)}, in the same order (opened instant, then id): up to
     * {@code limit} conversations that come after {@code after} (the last conversation of the previous page; empty
     * for the first page). Reading a period page by page holds one page at a time. The default slices
     * {@link #openedBetween(Instant, Instant)} and so loads the whole period: a database store overrides it.
     *
     * @throws IllegalArgumentException unless {@code limit} is positive
     */
    default List<Conversation> openedBetween(Instant from, Instant to, Optional<Conversation> after, int limit) {
        Checks.positive(limit, "limit");
        Checks.notNull(after, "after");
        return openedBetween(from, to).stream()
                .filter(c -> after.map(a -> c.openedAt().isAfter(a.openedAt())
                                || (c.openedAt().equals(a.openedAt())
                                        && c.id().value().compareTo(a.id().value()) > 0))
                        .orElse(true))
                .limit(limit)
                .toList();
    }

    /**
     * How many conversations of the customer (platform user id) on any of {@code channels} were opened in
     * [from, to): the repeat-contact escalation condition. The default filters {@link #openedBetween}; stores
     * with an index on the customer should override it.
     */
    default int countOpenedByCustomer(
            String customerPlatformUserId, java.util.Set<ChannelId> channels, Instant from, Instant to) {
        return (int) openedBetween(from, to).stream()
                .filter(c ->
                        c.customer().platformUserId().equals(customerPlatformUserId) && channels.contains(c.channel()))
                .count();
    }

    /**
     * When an agent last replied on any conversation of the channel (account activity for metrics). The
     * default scans {@link #openedBetween}; stores should override it with an indexed query.
     */
    default Optional<Instant> lastAgentReplyAt(ChannelId channel) {
        return openedBetween(Instant.EPOCH, Instant.MAX).stream()
                .filter(c -> c.channel().equals(channel))
                .map(Conversation::lastAgentReplyAt)
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }
}
