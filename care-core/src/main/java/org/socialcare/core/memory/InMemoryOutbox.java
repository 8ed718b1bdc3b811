package org.socialcare.core.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;

/**
 * {@link Outbox} in memory, guarded by one monitor and indexed like a table would be: due QUEUED entries by next
 * attempt, QUEUED entries per channel, entries per conversation and by published platform id, so dispatch and
 * echo matching cost what is due or asked for, not the whole history. Each entry has a fencing token that every
 * claim and every unfenced update advances. Thread-safe.
 */
public final class InMemoryOutbox implements Outbox {
    /** By creation time; the sort is stable, so entries created at the same instant stay in enqueue order. */
    private static final Comparator<Reply> OLDEST_FIRST = Comparator.comparing(Reply::createdAt);

    private record DueKey(Instant nextAttemptAt, long seq, ReplyId id) {}

    private final Map<ReplyId, Reply> entries = new LinkedHashMap<>();
    private final Map<ReplyId, Long> sequence = new HashMap<>();
    private final Map<ReplyId, Instant> leases = new HashMap<>();
    private final Map<ReplyId, Long> tokens = new HashMap<>();
    private final TreeSet<DueKey> due =
            new TreeSet<>(Comparator.comparing(DueKey::nextAttemptAt).thenComparingLong(DueKey::seq));
    private final Map<ChannelId, Set<ReplyId>> queuedByChannel = new HashMap<>();
    private final Map<ChannelId, Long> failedByChannel = new HashMap<>();
    private final Map<ConversationId, List<ReplyId>> byConversation = new HashMap<>();
    private final Map<String, ReplyId> byPlatformId = new HashMap<>();
    private final java.util.TreeMap<Long, ReplyId> failedBySeq = new java.util.TreeMap<>();
    private long nextSeq;

    @Override
    public synchronized void enqueue(Reply reply) {
        if (entries.putIfAbsent(reply.id(), reply) != null) {
            throw new IllegalArgumentException("outbox already holds an entry with id " + reply.id());
        }
        sequence.put(reply.id(), nextSeq++);
        byConversation
                .computeIfAbsent(reply.conversation(), k -> new ArrayList<>())
                .add(reply.id());
        index(reply);
    }

    @Override
    public synchronized List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
        List<Reply> claimed = new ArrayList<>();
        for (DueKey key : due) {
            if (claimed.size() >= limit || key.nextAttemptAt().isAfter(now)) {
                break;
            }
            Instant leasedUntil = leases.get(key.id());
            if (leasedUntil == null || !leasedUntil.isAfter(now)) {
                claimed.add(entries.get(key.id()));
            }
        }
        List<OutboxClaim> out = new ArrayList<>();
        for (Reply r : claimed) {
            leases.put(r.id(), now.plus(lease));
            out.add(new OutboxClaim(r, tokens.merge(r.id(), 1L, Long::sum)));
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void update(Reply reply) {
        Reply previous = entries.get(reply.id());
        if (previous == null) {
            throw new IllegalArgumentException("no outbox entry with id " + reply.id());
        }
        unindex(previous);
        entries.put(reply.id(), reply);
        index(reply);
        leases.remove(reply.id());
        tokens.merge(reply.id(), 1L, Long::sum);
    }

    @Override
    public synchronized boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
        if (!claim.reply().id().equals(reply.id())) {
            throw new IllegalArgumentException(
                    "claim of entry " + claim.reply().id() + " cannot write entry " + reply.id());
        }
        Reply previous = entries.get(reply.id());
        if (previous == null) {
            throw new IllegalArgumentException("no outbox entry with id " + reply.id());
        }
        if (tokens.getOrDefault(reply.id(), 0L) != claim.token()) {
            return false;
        }
        unindex(previous);
        entries.put(reply.id(), reply);
        index(reply);
        leaseUntil.ifPresentOrElse(until -> leases.put(reply.id(), until), () -> leases.remove(reply.id()));
        return true;
    }

    private void index(Reply r) {
        if (r.status() instanceof DeliveryStatus.Queued q) {
            due.add(new DueKey(q.nextAttemptAt(), sequence.get(r.id()), r.id()));
            queuedByChannel
                    .computeIfAbsent(r.channel(), k -> new LinkedHashSet<>())
                    .add(r.id());
        } else if (r.status() instanceof DeliveryStatus.Failed) {
            failedByChannel.merge(r.channel(), 1L, Long::sum);
        }
        if (r.status() instanceof DeliveryStatus.Failed) {
            failedBySeq.put(sequence.get(r.id()), r.id());
        }
        r.platformMessageId().ifPresent(p -> byPlatformId.put(r.channel().value() + "\u0000" + p, r.id()));
    }

    private void unindex(Reply r) {
        if (r.status() instanceof DeliveryStatus.Queued q) {
            due.remove(new DueKey(q.nextAttemptAt(), sequence.get(r.id()), r.id()));
            Set<ReplyId> queued = queuedByChannel.get(r.channel());
            if (queued != null) {
                queued.remove(r.id());
            }
        } else if (r.status() instanceof DeliveryStatus.Failed) {
            failedByChannel.merge(r.channel(), -1L, Long::sum);
        }
        if (r.status() instanceof DeliveryStatus.Failed) {
            failedBySeq.remove(sequence.get(r.id()));
        }
        r.platformMessageId().ifPresent(p -> byPlatformId.remove(r.channel().value() + "\u0000" + p, r.id()));
    }

    @Override
    public synchronized List<Reply> failed(Optional<ReplyId> after, int limit) {
        Checks.positive(limit, "limit");
        Long from = after.map(sequence::get).orElse(null);
        var tail = from == null ? failedBySeq : failedBySeq.tailMap(from, false);
        return tail.values().stream().limit(limit).map(entries::get).toList();
    }

    @Override
    public synchronized Optional<Reply> find(ReplyId id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<Reply> findByConversation(ConversationId conversation) {
        return byConversation.getOrDefault(conversation, List.of()).stream()
                .map(entries::get)
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
        return Optional.ofNullable(byPlatformId.get(channel.value() + "\u0000" + platformMessageId))
                .map(entries::get);
    }

    @Override
    public synchronized Counts count(ChannelId channel) {
        long held = 0;
        Set<ReplyId> queued = queuedByChannel.getOrDefault(channel, Set.of());
        for (ReplyId id : queued) {
            if (entries.get(id).status() instanceof DeliveryStatus.Queued q
                    && q.lastError().isPresent()) {
                held++;
            }
        }
        return new Counts(queued.size() - held, held, failedByChannel.getOrDefault(channel, 0L));
    }

    @Override
    public synchronized List<Reply> queued(ChannelId channel) {
        return queuedByChannel.getOrDefault(channel, Set.of()).stream()
                .map(entries::get)
                .sorted(OLDEST_FIRST)
                .toList();
    }
}
