package org.socialcare.core.domain;

import java.util.List;
import java.util.Optional;

/**
 * What one poll or one webhook call delivered: customer messages, the bank's own echoes, payloads that
 * could not be parsed, and the checkpoint to store once all of it is stored. {@code hasMore} says the source
 * has a backlog and wants to be polled again soon.
 *
 * <p>Immutable; lists are copied.
 */
public record Batch(
        List<InboundMessage> messages,
        List<OwnMessage> ownMessages,
        List<RejectedPayload> rejected,
        Optional<Checkpoint> nextCheckpoint,
        boolean hasMore) {

    public Batch {
        messages = List.copyOf(Checks.notNull(messages, "messages"));
        ownMessages = List.copyOf(Checks.notNull(ownMessages, "ownMessages"));
        rejected = List.copyOf(Checks.notNull(rejected, "rejected"));
        Checks.notNull(nextCheckpoint, "nextCheckpoint");
    }

    public static Batch of(List<InboundMessage> messages) {
        return new Batch(messages, List.of(), List.of(), Optional.empty(), false);
    }

    public static Batch empty() {
        return of(List.of());
    }

    public Batch withCheckpoint(Checkpoint checkpoint) {
        return new Batch(messages, ownMessages, rejected, Optional.of(checkpoint), hasMore);
    }

    public Batch withOwnMessages(List<OwnMessage> own) {
        return new Batch(messages, own, rejected, nextCheckpoint, hasMore);
    }

    public Batch withRejected(List<RejectedPayload> bad) {
        return new Batch(messages, ownMessages, bad, nextCheckpoint, hasMore);
    }

    public Batch withHasMore(boolean more) {
        return new Batch(messages, ownMessages, rejected, nextCheckpoint, more);
    }

    public boolean isEmpty() {
        return messages.isEmpty() && ownMessages.isEmpty() && rejected.isEmpty();
    }
}
