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
 * <p>Promises: {@link #claimDue} hands each QUEUED entry whose next attempt is due to at most one caller
 * until its lease ends or {@link #update} is called for it (several desks may share one store: each entry is
 * sent once). Reads never return null. Thread-safe; takes part in the current transaction.
 */
public interface Outbox {
    /** Adds a new entry; its id must be new. */
    void enqueue(Reply reply);

    /** Leases up to {@code limit} due QUEUED entries (next attempt at or before {@code now}), oldest due first. */
    List<Reply> claimDue(Instant now, int limit, Duration lease);

    /** Stores the entry's new status and ends its lease. */
    void update(Reply reply);

    Optional<Reply> find(ReplyId id);

    /** The conversation's entries, oldest first. */
    List<Reply> findByConversation(ConversationId conversation);

    /** The entry that published this platform message id on this channel, if any (echo matching). */
    Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId);

    /** Entries still QUEUED on the channel, oldest first. */
    List<Reply> queued(ChannelId channel);
}
