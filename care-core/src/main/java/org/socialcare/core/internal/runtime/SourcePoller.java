package org.socialcare.core.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Polls many {@link ChannelSource}s, each at its own interval, fairly: a pass polls each due source for one page,
 * in the order they became due, so a backlog on one source is worked page by page between the others. Rate limits
 * wait until the platform's reset time; other errors back off exponentially up to the interval times 8, and are
 * logged with their masked message and stack trace ({@link MaskedFailure}). Not API.
 *
 * <p>A source whose channel is not active (retired by an operator, or not added yet) is skipped: it is looked at
 * again after its interval, and polled once its channel is active again.
 *
 * <p>Thread-safe: passes and additions are serialized; {@link #status()} may be read from any thread while a pass
 * runs.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger("org.socialcare.core.runtime.DeskRuntime.polling");

    /** One source's record of its polls. Immutable. */
    public record SourceStatus(
            String sourceId,
            ChannelId channel,
            Duration interval,
            long polls,
            int consecutiveFailures,
            Optional<Instant> lastSuccess,
            Optional<Instant> lastFailureAt,
            Optional<String> lastError,
            Instant nextDue) {}

    private final Function<ChannelSource, PollResult> poll;
    private final Predicate<ChannelId> active;
    private final Clock clock;
    private final Instant createdAt;
    private final PriorityQueue<Slot> queue =
            new PriorityQueue<>(Comparator.comparing((Slot s) -> s.dueAt).thenComparingLong(s -> s.sequence));
    private final Map<String, Slot> bySource = new LinkedHashMap<>();
    /** The source ids in registration order, readable without the lock. */
    private final List<String> order = new CopyOnWriteArrayList<>();

    private final Map<String, SourceStatus> status = new ConcurrentHashMap<>();
    private long sequence;

    private static final class Slot {
        final ChannelSource source;
        final Duration interval;
        Instant dueAt;
        long sequence;
        int failures;
        long polls;
        Optional<Instant> lastSuccess = Optional.empty();
        Optional<Instant> lastFailureAt = Optional.empty();
        Optional<String> lastError = Optional.empty();

        Slot(ChannelSource source, Duration interval, Instant dueAt) {
            this.source = source;
            this.interval = interval;
            this.dueAt = dueAt;
        }
    }

    /**
     * @param sources each source with its interval, in registration order
     * @throws IllegalArgumentException when two sources have the same id
     */
    public SourcePoller(Map<ChannelSource, Duration> sources, Function<ChannelSource, PollResult> poll, Clock clock) {
        this(sources, poll, channel -> true, clock);
    }

    /**
     * @param sources each source with its interval, in registration order
     * @param active whether a channel is active: the sources of one that is not are skipped
     * @throws IllegalArgumentException when two sources have the same id
     */
    public SourcePoller(
            Map<ChannelSource, Duration> sources,
            Function<ChannelSource, PollResult> poll,
            Predicate<ChannelId> active,
            Clock clock) {
        this.poll = poll;
        this.active = active;
        this.clock = clock;
        this.createdAt = clock.instant();
        sources.forEach((source, interval) -> add(source, interval, createdAt));
    }

    /**
     * Adds a source, due at once. Waits for a pass under way to end.
     *
     * @throws IllegalArgumentException when a source with the same id is registered
     */
    public synchronized void add(ChannelSource source, Duration interval) {
        add(source, interval, clock.instant());
    }

    private void add(ChannelSource source, Duration interval, Instant dueAt) {
        if (bySource.containsKey(source.sourceId())) {
            throw new IllegalArgumentException("source id '" + source.sourceId() + "' is registered twice");
        }
        Slot slot = new Slot(source, interval, dueAt);
        bySource.put(source.sourceId(), slot);
        slot.sequence = sequence++;
        queue.add(slot);
        publish(slot);
        order.add(source.sourceId());
    }

    /** Polls every due source once, in due order; stops before the next source once {@code keepGoing} is false. */
    public synchronized IngestResult runDuePass(BooleanSupplier keepGoing) {
        Instant now = clock.instant();
        List<Slot> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().dueAt.isAfter(now)) {
            due.add(queue.poll());
        }
        IngestResult total = IngestResult.nothing();
        try {
            for (Slot slot : due) {
                if (keepGoing.getAsBoolean()) {
                    total = total.plus(pollOnce(slot));
                }
            }
        } finally {
            for (Slot slot : due) {
                slot.sequence = sequence++;
                queue.add(slot);
            }
        }
        return total;
    }

    private IngestResult pollOnce(Slot slot) {
        Instant started = clock.instant();
        if (!active.test(slot.source.channel())) {
            slot.dueAt = started.plus(slot.interval);
            publish(slot);
            return IngestResult.nothing();
        }
        slot.polls++;
        try {
            PollResult r = poll.apply(slot.source);
            Instant now = clock.instant();
            slot.failures = 0;
            slot.lastSuccess = Optional.of(now);
            slot.dueAt = r.hasMore() ? now : now.plus(slot.interval);
            return r.ingested();
        } catch (PlatformException e) {
            Instant now = clock.instant();
            failed(slot, now, e);
            slot.dueAt = e.retryAt().filter(now::isBefore).orElseGet(() -> now.plus(backoff(slot)));
            LOG.warn(
                    "source {} failed ({}), next poll at {}",
                    slot.source.sourceId(),
                    MaskedFailure.describe(e),
                    slot.dueAt,
                    MaskedFailure.of(e));
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            failed(slot, now, e);
            slot.dueAt = now.plus(backoff(slot));
            if (Thread.currentThread().isInterrupted()) {
                // a stop interrupted the poll: expected, and its checkpoint did not move
                LOG.info("source {} interrupted by a stop ({})", slot.source.sourceId(), MaskedFailure.describe(e));
                return IngestResult.nothing();
            }
            LOG.warn(
                    "source {} failed unexpectedly ({}) after {} ms, next poll at {}",
                    slot.source.sourceId(),
                    MaskedFailure.describe(e),
                    Duration.between(started, now).toMillis(),
                    slot.dueAt,
                    MaskedFailure.of(e));
        } finally {
            publish(slot);
        }
        return IngestResult.nothing();
    }

    private static void failed(Slot slot, Instant now, RuntimeException e) {
        slot.failures++;
        slot.lastFailureAt = Optional.of(now);
        slot.lastError = Optional.of(MaskedFailure.describe(e));
    }

    private void publish(Slot slot) {
        status.put(
                slot.source.sourceId(),
                new SourceStatus(
                        slot.source.sourceId(),
                        slot.source.channel(),
                        slot.interval,
                        slot.polls,
                        slot.failures,
                        slot.lastSuccess,
                        slot.lastFailureAt,
                        slot.lastError,
                        slot.dueAt));
    }

    private static Duration backoff(Slot slot) {
        return slot.interval.multipliedBy(1L << Math.min(3, Math.max(0, slot.failures - 1)));
    }

    /** When the next source is due, if any source is registered. */
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(queue.peek()).map(s -> s.dueAt);
    }

    /** When this poller was made (the poll lag of a source never polled successfully counts from here). */
    public Instant createdAt() {
        return createdAt;
    }

    /** Each source's record, in registration order. Never blocks on a running pass. */
    public List<SourceStatus> status() {
        List<SourceStatus> out = new ArrayList<>();
        for (String id : order) {
            out.add(status.get(id));
        }
        return out;
    }

    /**
     * How many polls the source has had.
     *
     * @throws IllegalArgumentException naming the registered ids when there is no such source
     */
    public long pollCount(String sourceId) {
        SourceStatus s = status.get(sourceId);
        if (s == null) {
            throw new IllegalArgumentException("unknown source id '" + sourceId + "'; registered: " + order);
        }
        return s.polls();
    }
}
