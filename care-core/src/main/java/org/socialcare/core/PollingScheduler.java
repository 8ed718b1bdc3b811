package org.socialcare.core;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Polls many {@link ChannelSource}s through one {@link CareDesk}, each at its own interval, fairly: every
 * pass polls each due source for one page only, in the order they became due, so a backlog on one page or
 * account (its batches say {@code hasMore}) is worked page by page between the other sources, never ahead of
 * them. Rate limits wait until the platform's reset time; other errors back off exponentially up to the
 * source's interval times 8. No busy waiting: between passes the thread sleeps until the next source is due.
 *
 * <p>Use {@link #runDuePass()} to drive it yourself (tests, your own executor) or {@link #start()} for a
 * single background thread; {@link #close()} stops it. Thread-safe.
 */
public final class PollingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingScheduler.class);

    private final CareDesk desk;
    private final Clock clock;
    private final PriorityQueue<Slot> queue =
            new PriorityQueue<>(Comparator.comparing((Slot s) -> s.dueAt).thenComparingLong(s -> s.sequence));
    private final Map<String, Slot> bySource = new LinkedHashMap<>();
    private long sequence;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;

    private static final class Slot {
        final ChannelSource source;
        final Duration interval;
        Instant dueAt;
        long sequence;
        int failures;
        long polls;

        Slot(ChannelSource source, Duration interval, Instant dueAt) {
            this.source = source;
            this.interval = interval;
            this.dueAt = dueAt;
        }
    }

    private PollingScheduler(CareDesk desk, Map<ChannelSource, Duration> sources) {
        this.desk = desk;
        this.clock = desk.clock();
        Instant now = clock.instant();
        sources.forEach((source, interval) -> {
            Slot slot = new Slot(source, interval, now);
            if (bySource.put(source.sourceId(), slot) != null) {
                throw new IllegalArgumentException("source id '" + source.sourceId() + "' is registered twice");
            }
            slot.sequence = sequence++;
            queue.add(slot);
        });
    }

    public static Builder builder(CareDesk desk) {
        return new Builder(desk);
    }

    /**
     * Polls every source that is due now, once each, in due order, and reschedules each. Returns what was
     * ingested. Errors of one source never stop the others.
     */
    public synchronized IngestResult runDuePass() {
        Instant now = clock.instant();
        List<Slot> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().dueAt.isAfter(now)) {
            due.add(queue.poll());
        }
        IngestResult total = IngestResult.nothing();
        for (Slot slot : due) {
            total = total.plus(pollOnce(slot));
            slot.sequence = sequence++;
            queue.add(slot);
        }
        return total;
    }

    private IngestResult pollOnce(Slot slot) {
        Instant now = clock.instant();
        slot.polls++;
        try {
            PollResult r = desk.poll(slot.source);
            slot.failures = 0;
            slot.dueAt = r.hasMore() ? now : now.plus(slot.interval);
            return r.ingested();
        } catch (PlatformException e) {
            slot.failures++;
            slot.dueAt = e.retryAt().filter(now::isBefore).orElseGet(() -> now.plus(backoff(slot)));
            LOG.warn("source {} failed ({}), next poll at {}", slot.source.sourceId(), e.getMessage(), slot.dueAt);
        } catch (RuntimeException e) {
            slot.failures++;
            slot.dueAt = now.plus(backoff(slot));
            LOG.warn(
                    "source {} failed unexpectedly ({}), next poll at {}",
                    slot.source.sourceId(),
                    e.getClass().getName(),
                    slot.dueAt);
        }
        return IngestResult.nothing();
    }

    private static Duration backoff(Slot slot) {
        Duration d = slot.interval.multipliedBy(1L << Math.min(3, slot.failures - 1));
        return d;
    }

    /** When the next source is due, if any source is registered. */
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(queue.peek()).map(s -> s.dueAt);
    }

    /** How many polls the source has had (for monitoring and fairness checks). */
    public synchronized long pollCount(String sourceId) {
        Slot s = bySource.get(sourceId);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown source id '" + sourceId + "'; registered: " + bySource.keySet());
        }
        return s.polls;
    }

    /** Starts a background thread that runs passes when sources are due. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("scheduler already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "care-polling");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        long delay = nextDue()
                .map(d -> Math.max(0, Duration.between(clock.instant(), d).toMillis()))
                .orElse(1000L);
        next = executor.schedule(
                () -> {
                    try {
                        runDuePass();
                    } catch (RuntimeException e) {
                        LOG.error("polling pass failed", e);
                    }
                    scheduleNext();
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            if (next != null) {
                next.cancel(false);
            }
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Registers sources with their intervals. Not thread-safe. */
    public static final class Builder {
        private final CareDesk desk;
        private final Map<ChannelSource, Duration> sources = new LinkedHashMap<>();

        private Builder(CareDesk desk) {
            this.desk = Checks.notNull(desk, "desk");
        }

        /** Adds a source polled at its own {@link ChannelSource#pollInterval()}. */
        public Builder source(ChannelSource source) {
            return source(source, source.pollInterval());
        }

        /** Adds a source polled every {@code interval} when it has no backlog. */
        public Builder source(ChannelSource source, Duration interval) {
            Checks.notNull(source, "source");
            Checks.positive(interval, "interval");
            desk.channel(source.channel());
            sources.put(source, interval);
            return this;
        }

        public PollingScheduler build() {
            return new PollingScheduler(desk, sources);
        }
    }
}
