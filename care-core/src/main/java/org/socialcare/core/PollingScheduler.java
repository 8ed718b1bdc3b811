package org.socialcare.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.internal.runtime.MaskedFailure;
import org.socialcare.core.internal.runtime.SourcePoller;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Polls many {@link ChannelSource}s through one {@link CareDesk}, each at its own interval, fairly: every
 * pass polls each due source for one page only, in the order they became due, so a backlog on one page or
 * account (its batches say {@code hasMore}) is worked page by page between the other sources, never ahead of
 * them. Rate limits wait until the platform's reset time; other errors back off exponentially up to the
 * source's interval times 8 and are logged with their (masked) message and stack trace. No busy waiting.
 *
 * <p>Use {@link #runDuePass()} to drive it yourself (tests, your own executor) or {@link #start()} for one
 * background (non-daemon) thread; {@link #close()} stops it within {@link #DEFAULT_CLOSE_BOUND}. Thread-safe.
 *
 * @deprecated use {@link org.socialcare.core.runtime.DeskRuntime}: it polls the same way and also dispatches the
 *     outbox, sweeps, routes and delivers escalation notices, stops within a bound and reports its health
 */
@Deprecated
public final class PollingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingScheduler.class);
    /** How long {@link #close()} waits for a running pass before interrupting it. */
    public static final Duration DEFAULT_CLOSE_BOUND = Duration.ofSeconds(30);

    private final Clock clock;
    private final SourcePoller poller;
    private ScheduledExecutorService executor;
    private volatile boolean closing;

    private PollingScheduler(CareDesk desk, Map<ChannelSource, Duration> sources) {
        this.clock = desk.clock();
        this.poller = new SourcePoller(sources, desk::poll, clock);
    }

    public static Builder builder(CareDesk desk) {
        return new Builder(desk);
    }

    /**
     * Polls every source that is due now, once each, in due order, and reschedules each. Returns what was
     * ingested. Errors of one source never stop the others.
     */
    public IngestResult runDuePass() {
        return poller.runDuePass(() -> !closing);
    }

    /** When the next source is due, if any source is registered. */
    public Optional<Instant> nextDue() {
        return poller.nextDue();
    }

    /** How many polls the source has had (for monitoring and fairness checks). */
    public long pollCount(String sourceId) {
        return poller.pollCount(sourceId);
    }

    /**
     * Starts one background thread (not a daemon: a {@code main} that starts the scheduler stays alive until
     * {@link #close()}) that runs passes when sources are due.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("scheduler already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "care-polling");
            t.setDaemon(false);
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
        executor.schedule(
                () -> {
                    try {
                        runDuePass();
                    } catch (RuntimeException e) {
                        LOG.error("polling pass failed: {}", MaskedFailure.describe(e), MaskedFailure.of(e));
                    }
                    scheduleNext();
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    /** {@link #close(Duration)} within {@link #DEFAULT_CLOSE_BOUND}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_BOUND);
    }

    /**
     * Stops the background thread: no new pass or poll starts; a poll in flight may finish within {@code bound},
     * then it is interrupted (its checkpoint did not advance: the next poller reads the page again).
     *
     * @return true when the thread ended within the bound
     */
    public boolean close(Duration bound) {
        Checks.notNull(bound, "bound");
        ScheduledExecutorService running;
        synchronized (this) {
            closing = true;
            running = executor;
            if (running == null) {
                return true;
            }
            running.shutdown();
        }
        try {
            if (running.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.shutdownNow();
        LOG.warn("polling did not stop within {}; the poll in flight was interrupted", bound);
        return false;
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
