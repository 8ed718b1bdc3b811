package org.socialcare.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;

/**
 * The transactional outbox of everything the desk publishes. An entry is enqueued in the same transaction
 * as the conversation change that caused it, and dispatched later.
 *
 * <p>Promises: {@link #claim} hands each QUEUED entry whose next attempt is due to at most one caller
 * until its lease ends or it is written (several desks may share one store). Each claim carries a fencing token;
 * {@link #updateClaimed} writes the entry only while that token is current, so a dispatcher whose lease ran out
 * and whose entry was claimed again (or changed by anyone through {@link #update}) learns it and writes nothing.
 * Reads never return null. Thread-safe; takes part in the current transaction.
 */
public interface Outbox {
    /** Adds a new entry; its id must be new. */
    void enqueue(Reply reply);

    /**
     * Leases up to {@code limit} due QUEUED entries (next attempt at or before {@code now}, lease free), oldest due
     * first, each with a new fencing token that invalidates every earlier claim of the entry.
     */
    List<OutboxClaim> claim(Instant now, int limit, Duration lease);

    /** {@link #claim} without the tokens, for callers that only look. */
    default List<Reply> claimDue(Instant now, int limit, Duration lease) {
        return claim(now, limit, lease).stream().map(OutboxClaim::reply).toList();
    }

    /**
     * Stores the entry's new status and ends its lease, whoever holds it; invalidates every outstanding claim (the
     * holder's {@link #updateClaimed} then returns false). For writers outside the dispatcher (echo matching).
     */
    void update(Reply reply);

    /**
     * Stores {@code reply} (the claimed entry's new status) only if {@code claim}'s token is still the entry's
     * current one. With {@code leaseUntil} present the claim stays (same token) and its lease is set to that instant
     * (an attempt about to call the platform); with it empty the lease ends.
     *
     * @return false, writing nothing, when the claim was taken over or the entry was written by someone else
     * @throws IllegalArgumentException when the entry does not exist or {@code reply} is another entry
     */
    boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil);

    Optional<Reply> find(ReplyId id);

    /** The conversation's entries, oldest first. */
    List<Reply> findByConversation(ConversationId conversation);

    /** The entry that published this platform message id on this channel, if any (echo matching). */
    Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId);

    /** Entries still QUEUED on the channel, oldest first. */
    List<Reply> queued(ChannelId channel);

    /**
     * How many of the channel's entries are waiting, held back and failed, read cheaply (an index count, meant for a
     * metrics scrape): see {@link Counts}. Not locking; may be slightly stale under concurrent writes.
     */
    Counts count(ChannelId channel);

    /**
     * A channel's outbox entries by state: {@code pending} are QUEUED with no recorded error (never held back),
     * {@code held} are QUEUED with one (held back by a pause, an unhealthy channel, the rate cap or a platform error,
     * waiting for their next attempt; an attempt under way counts here too), {@code failed} are FAILED for good.
     * SENT entries are not counted.
     */
    record Counts(long pending, long held, long failed) {
        public Counts {
            if (pending < 0 || held < 0 || failed < 0) {
                throw new IllegalArgumentException(
                        "outbox counts must not be negative but were " + pending + "/" + held + "/" + failed);
            }
        }
    }

    /**
     * The oldest entry still QUEUED on the channel (due or waiting out a backoff), for the outbox lag a runtime
     * reports. The default reads {@link #queued}; stores should read one row.
     */
    default Optional<Reply> oldestQueued(ChannelId channel) {
        return queued(channel).stream().findFirst();
    }

    /**
     * Up to {@code limit} FAILED entries of every channel, in enqueue order, starting after the entry {@code after}
     * (empty: from the first); pass the last id of one page as {@code after} of the next. An {@code after} that is
     * not in the outbox starts from the first. The default throws {@link UnsupportedOperationException}: outboxes
     * written before this method existed cannot list failures (the desk's operator API needs it).
     *
     * @throws IllegalArgumentException unless {@code limit} is positive
     */
    default List<Reply> failed(java.util.Optional<ReplyId> after, int limit) {
        throw new UnsupportedOperationException(
                getClass().getName() + " cannot list FAILED entries; implement failed(..)");
    }
}
