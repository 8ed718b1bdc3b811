package org.socialcare.core.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.port.out.Outbox;

/** {@link Outbox} in insertion-ordered maps guarded by one monitor. Thread-safe. */
public final class InMemoryOutbox implements Outbox {
    /** By creation time; the sort is stable, so entries created at the same instant stay in enqueue order. */
    private static final Comparator<Reply> OLDEST_FIRST = Comparator.comparing(Reply::createdAt);

    private final Map<ReplyId, Reply> entries = new LinkedHashMap<>();
    private final Map<ReplyId, Instant> leases = new HashMap<>();

    @Override
    public synchronized void enqueue(Reply reply) {
        if (entries.putIfAbsent(reply.id(), reply) != null) {
            throw new IllegalArgumentException("outbox already holds an entry with id " + reply.id());
        }
    }

    @Override
    public synchronized List<Reply> claimDue(Instant now, int limit, Duration lease) {
        List<Reply> due = new ArrayList<>();
        for (Reply r : entries.values()) {
            if (r.status() instanceof DeliveryStatus.Queued q && !q.nextAttemptAt().isAfter(now)) {
                Instant leasedUntil = leases.get(r.id());
                if (leasedUntil == null || !leasedUntil.isAfter(now)) {
                    due.add(r);
                }
            }
        }
        due.sort(Comparator.comparing((Reply r) -> ((DeliveryStatus.Queued) r.status()).nextAttemptAt()));
        List<Reply> claimed = due.subList(0, Math.min(limit, due.size()));
        claimed.forEach(r -> leases.put(r.id(), now.plus(lease)));
        return List.copyOf(claimed);
    }

    @Override
    public synchronized void update(Reply reply) {
        if (!entries.containsKey(reply.id())) {
            throw new IllegalArgumentException("no outbox entry with id " + reply.id());
        }
        entries.put(reply.id(), reply);
        leases.remove(reply.id());
    }

    @Override
    public synchronized Optional<Reply> find(ReplyId id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<Reply> findByConversation(ConversationId conversation) {
        return entries.values().stream().filter(r -> r.conversation().equals(conversation)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
        return entries.values().stream()
                .filter(r -> r.channel().equals(channel) && r.platformMessageId().filter(platformMessageId::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized List<Reply> queued(ChannelId channel) {
        return entries.values().stream().filter(r -> r.channel().equals(channel) && r.isQueued()).sorted(OLDEST_FIRST).toList();
    }
}
