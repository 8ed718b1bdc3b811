package org.socialcare.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Team;
import org.socialcare.core.error.UnknownChannelException;
import org.socialcare.core.internal.runtime.MaskedFailure;
import org.socialcare.core.internal.runtime.SourcePoller;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.in.NoticeResult;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.NoticeOutbox;

/**
 * Runs a {@link CareDesk} in a plain Java application: one object that owns the desk's background work, each loop
 * on its own thread at its own cadence: polling the {@link ChannelSource}s (fairly, one page per due source per
 * pass), {@link CareDesk#dispatchOutbox()}, {@link CareDesk#sweep()}, and routing of waiting work
 * ({@link CareDesk#assignWaiting}) for every team, and delivery of queued escalation notices
 * ({@link CareDesk#deliverNotices()}). A loop that finds more work (a backlog page, a full dispatch or
 * sweep) runs again at once; a failing loop backs off and is logged with the failure's masked message and stack
 * trace; one failing source never stops the others. Sources may be added while it runs ({@link #addSource}); the
 * sources of a channel an operator retired are not polled (nor reported in {@link #health()}) until it is added
 * again.
 *
 * <p>Lifecycle: {@link #start()} once; the default threads are not daemons, so a {@code main} that starts the
 * runtime stays alive until {@link #stop(Duration)}. A stop starts no new work, lets work in flight finish within
 * the bound, then interrupts it and reports it in the {@link StopResult}: a poll whose batch was not stored did not
 * move its checkpoint, and an outbox entry mid-publish keeps its lease and fencing token, so another node (or the
 * next start) takes it over and asks the platform whether it went out before sending again. Call {@code stop} from
 * a JVM shutdown hook to stop on SIGTERM. {@link #health()} is a snapshot for a health endpoint.
 *
 * <p>Thread-safe. Several runtimes (one per node) may run desks on one shared storage.
 */
public final class DeskRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskRuntime.class);

    /** Default cadence of {@link CareDesk#dispatchOutbox()} when the outbox had nothing to send. */
    public static final Duration DEFAULT_DISPATCH_EVERY = Duration.ofSeconds(1);
    /** Default cadence of {@link CareDesk#sweep()}. */
    public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofSeconds(30);
    /** Default cadence of routing waiting work ({@link CareDesk#assignWaiting}) for every team. */
    public static final Duration DEFAULT_ROUTE_EVERY = Duration.ofSeconds(30);
    /** Default cadence of escalation-notice delivery ({@link CareDesk#deliverNotices()}). */
    public static final Duration DEFAULT_NOTICES_EVERY = Duration.ofSeconds(5);
    /** How many failing notices {@link #health()} lists at most. */
    public static final int HEALTH_FAILING_NOTICES = 20;
    /** Default bound of {@link #close()}. */
    public static final Duration DEFAULT_STOP_BOUND = Duration.ofSeconds(30);
    /** The longest a failing loop waits before trying again. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The longest the polling loop sleeps before it looks at the sources' due times again. */
    static final Duration POLL_CHECK = Duration.ofSeconds(1);

    /** Where a runtime is in its life. */
    public enum State {
        NEW,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final CareDesk desk;
    private final Clock clock;
    private final ThreadFactory threads;
    private final Duration stopBound;
    private final SourcePoller poller;
    private final List<Loop> loops = new ArrayList<>();
    private volatile State state = State.NEW;
    private volatile boolean stopping;
    private volatile Instant startedAt;
    private StopResult stopped;

    private DeskRuntime(Builder b) {
        this.desk = b.desk;
        this.clock = b.clock != null ? b.clock : b.desk.clock();
        this.threads = b.threads;
        this.stopBound = b.stopBound;
        this.poller = new SourcePoller(b.sources, desk::poll, this::isActive, clock);
        this.startedAt = clock.instant();
        // always there, so a source added while the runtime runs is polled
        loops.add(new Loop("poll", POLL_CHECK, () -> {
            poller.runDuePass(() -> !stopping);
            Instant now = clock.instant();
            Duration untilDue =
                    poller.nextDue().map(d -> Duration.between(now, d)).orElse(POLL_CHECK);
            return untilDue.isNegative() ? Duration.ZERO : min(untilDue, POLL_CHECK);
        }));
        loops.add(new Loop("dispatch", b.dispatchEvery, () -> {
            DispatchResult r = desk.dispatchOutbox();
            return r.sent() + r.failed() > 0 ? Duration.ZERO : b.dispatchEvery;
        }));
        loops.add(new Loop("sweep", b.sweepEvery, () -> {
            SweepResult r = desk.sweep();
            return r.hasMore() ? Duration.ZERO : b.sweepEvery;
        }));
        loops.add(new Loop("notices", b.noticesEvery, () -> {
            NoticeResult r = desk.deliverNotices();
            return r.hasMore() && r.delivered() > 0 ? Duration.ZERO : b.noticesEvery;
        }));
        loops.add(new Loop("route", b.routeEvery, () -> {
            for (Team team : desk.teams()) {
                if (stopping) {
                    break;
                }
                desk.assignWaiting(team.id());
            }
            return b.routeEvery;
        }));
    }

    /** Whether the desk has the channel active (not retired by an operator): only then are its sources polled. */
    private boolean isActive(ChannelId channel) {
        return desk.channels().stream().anyMatch(c -> c.id().equals(channel));
    }

    /**
     * Adds a source while the runtime runs (or before it starts), polled at its own
     * {@link ChannelSource#pollInterval()}: for a channel an operator added ({@code Operations.addChannel}). It is
     * due at once. Thread-safe; waits for a polling pass under way to end.
     *
     * @throws IllegalArgumentException when a source with the same id is added already
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no active channel of the source
     */
    public DeskRuntime addSource(ChannelSource source) {
        return addSource(Checks.notNull(source, "source"), source.pollInterval());
    }

    /**
     * {@link #addSource(ChannelSource)} polled every {@code interval} when it has no backlog.
     *
     * @throws IllegalArgumentException when the interval is not positive or a source with the same id is added
     *     already
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no active channel of the source
     */
    public DeskRuntime addSource(ChannelSource source, Duration interval) {
        Checks.notNull(source, "source");
        Checks.positive(interval, "poll interval of source '" + source.sourceId() + "'");
        if (!isActive(source.channel())) {
            throw new UnknownChannelException(
                    source.channel(), desk.channels().stream().map(c -> c.id()).toList());
        }
        poller.add(source, interval);
        LOG.info("source {} of channel {} added, polled every {}", source.sourceId(), source.channel(), interval);
        return this;
    }

    /** A builder for a runtime of {@code desk}. */
    public static Builder builder(CareDesk desk) {
        return new Builder(desk);
    }

    /**
     * Starts every loop on its own thread (from the builder's thread factory; by default non-daemon threads named
     * {@code care-runtime-<loop>}). Each loop runs at once, then at its cadence.
     *
     * @throws IllegalStateException when the runtime was already started (a stopped runtime cannot be restarted)
     */
    public synchronized DeskRuntime start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the runtime was already started (state " + state + "); build a new one");
        }
        startedAt = clock.instant();
        for (Loop loop : loops) {
            loop.start();
        }
        state = State.RUNNING;
        LOG.info(
                "desk runtime started: {}",
                loops.stream().map(l -> l.name + " every " + l.cadence).toList());
        return this;
    }

    /**
     * Stops within {@code bound}: no loop starts new work (a polling pass stops before its next source, routing
     * before its next team); work in flight may finish until the bound, then its thread is interrupted and the work
     * is reported as left (see {@link StopResult}). Idempotent: a second call returns the first call's result; a
     * runtime never started stops at once.
     *
     * @throws IllegalArgumentException when {@code bound} is negative
     */
    public StopResult stop(Duration bound) {
        Checks.notNull(bound, "bound");
        if (bound.isNegative()) {
            throw new IllegalArgumentException("bound must not be negative but was " + bound);
        }
        synchronized (this) {
            if (stopped != null) {
                return stopped;
            }
            stopping = true;
            if (state == State.NEW) {
                state = State.STOPPED;
                stopped = new StopResult(Duration.ZERO, bound, List.of());
                return stopped;
            }
            state = State.STOPPING;
        }
        long begin = System.nanoTime();
        long deadline = begin + bound.toNanos();
        loops.forEach(Loop::shutdown);
        List<String> left = new ArrayList<>();
        boolean interrupted = false;
        for (Loop loop : loops) {
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                if (loop.executor.awaitTermination(remaining, TimeUnit.NANOSECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            left.add(loop.name + ": " + loop.inFlight().orElse("between runs"));
            loop.executor.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        StopResult result = new StopResult(Duration.ofNanos(System.nanoTime() - begin), bound, left);
        if (result.clean()) {
            LOG.info("desk runtime stopped in {} ms", result.took().toMillis());
        } else {
            LOG.warn("desk runtime stopped at its bound of {}; interrupted and left for another node: {}", bound, left);
        }
        synchronized (this) {
            state = State.STOPPED;
            stopped = result;
        }
        return result;
    }

    /** {@link #stop(Duration)} within the builder's stop bound (default {@link #DEFAULT_STOP_BOUND}). */
    @Override
    public void close() {
        stop(stopBound);
    }

    public State state() {
        return state;
    }

    /**
     * A snapshot: reads the storage once (the oldest queued reply, which is the outbox lag and the database
     * check), each channel's health, and each source's and loop's record. Never throws for an unreachable
     * database: it reports it.
     */
    public RuntimeHealth health() {
        Instant now = clock.instant();
        RuntimeHealth.Database database;
        Optional<Duration> outboxLag;
        List<NoticeOutbox.Entry> failingNotices = List.of();
        try {
            outboxLag = desk.oldestQueuedReply().map(oldest -> nonNegative(Duration.between(oldest, now)));
            failingNotices = desk.failingNotices(HEALTH_FAILING_NOTICES);
            database = new RuntimeHealth.Database(true, Optional.empty());
        } catch (RuntimeException e) {
            outboxLag = Optional.empty();
            database = new RuntimeHealth.Database(false, Optional.of(MaskedFailure.describe(e)));
        }
        List<ChannelHealth> channels =
                desk.channels().stream().map(c -> desk.health(c.id())).toList();
        Instant since = startedAt;
        List<RuntimeHealth.Source> sources = poller.status().stream()
                .filter(s -> isActive(s.channel())) // a retired channel's sources are not polled: no lag to report
                .map(s -> new RuntimeHealth.Source(
                        s.sourceId(),
                        nonNegative(Duration.between(s.lastSuccess().orElse(since), now)),
                        s.lastSuccess(),
                        s.consecutiveFailures(),
                        s.lastError()))
                .toList();
        List<RuntimeHealth.Loop> loopHealth = loops.stream()
                .map(l -> new RuntimeHealth.Loop(
                        l.name,
                        Optional.ofNullable(l.lastCompleted),
                        l.failures.get(),
                        Optional.ofNullable(l.lastError)))
                .toList();
        return new RuntimeHealth(now, state, database, channels, outboxLag, sources, loopHealth, failingNotices);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One loop: a unit of work on its own single-thread executor, rescheduled by what the work returns. */
    private final class Loop {
        final String name;
        final Duration cadence;
        final Supplier<Duration> work;
        final AtomicInteger failures = new AtomicInteger();
        ScheduledThreadPoolExecutor executor;
        volatile boolean running;
        volatile Instant lastCompleted;
        volatile String lastError;

        Loop(String name, Duration cadence, Supplier<Duration> work) {
            this.name = name;
            this.cadence = cadence;
            this.work = work;
        }

        void start() {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = threads.newThread(r);
                if (threads instanceof DefaultThreads) {
                    t.setName("care-runtime-" + name);
                }
                return t;
            });
            // a stop drops what is scheduled; only a run already in progress may finish
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            executor.setRemoveOnCancelPolicy(true);
            schedule(Duration.ZERO);
        }

        void schedule(Duration delay) {
            if (stopping) {
                return;
            }
            try {
                executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: the executor no longer takes work
            }
        }

        void runOnce() {
            if (stopping) {
                return;
            }
            Duration next;
            running = true;
            try {
                next = work.get();
                failures.set(0);
                lastError = null;
                lastCompleted = clock.instant();
            } catch (Throwable e) { // NOPMD: a loop must outlive any failure of one run; VM errors are rethrown below
                int n = failures.incrementAndGet();
                lastError = MaskedFailure.describe(e);
                next = backoff(n);
                if (stopping && Thread.currentThread().isInterrupted()) {
                    LOG.info("{} interrupted by the runtime's stop: {}", name, lastError);
                } else {
                    LOG.warn(
                            "{} failed ({} in a row): {}; trying again in {}",
                            name,
                            n,
                            lastError,
                            next,
                            MaskedFailure.of(e));
                }
                if (e instanceof VirtualMachineError vm) {
                    throw vm;
                }
            } finally {
                running = false;
            }
            schedule(next);
        }

        Duration backoff(int failures) {
            Duration d = cadence.multipliedBy(1L << Math.min(8, failures - 1));
            return min(d, MAX_BACKOFF.compareTo(cadence) < 0 ? cadence : MAX_BACKOFF);
        }

        Optional<String> inFlight() {
            return running ? Optional.of(describeWork()) : Optional.empty();
        }

        private String describeWork() {
            return switch (name) {
                case "poll" -> "polling pass";
                case "dispatch" -> "dispatchOutbox";
                case "sweep" -> "sweep";
                case "route" -> "assignWaiting";
                case "notices" -> "deliverNotices";
                default -> name;
            };
        }

        void shutdown() {
            executor.shutdown();
        }
    }

    /** Non-daemon threads, so a {@code main} that starts the runtime stays alive. */
    private static final class DefaultThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r);
            t.setDaemon(false);
            return t;
        }
    }

    /**
     * Configures a {@link DeskRuntime}. Defaults: no sources, dispatch every {@link #DEFAULT_DISPATCH_EVERY}, sweep
     * every {@link #DEFAULT_SWEEP_EVERY}, routing every {@link #DEFAULT_ROUTE_EVERY}, notices every
     * {@link #DEFAULT_NOTICES_EVERY}, the desk's clock, non-daemon
     * threads, {@link #close()} bound {@link #DEFAULT_STOP_BOUND}. Not thread-safe.
     */
    public static final class Builder {
        private final CareDesk desk;
        private final Map<ChannelSource, Duration> sources = new LinkedHashMap<>();
        private Duration dispatchEvery = DEFAULT_DISPATCH_EVERY;
        private Duration sweepEvery = DEFAULT_SWEEP_EVERY;
        private Duration routeEvery = DEFAULT_ROUTE_EVERY;
        private Duration noticesEvery = DEFAULT_NOTICES_EVERY;
        private Duration stopBound = DEFAULT_STOP_BOUND;
        private Clock clock;
        private ThreadFactory threads = new DefaultThreads();

        private Builder(CareDesk desk) {
            this.desk = Checks.notNull(desk, "desk");
        }

        /** Adds a source polled at its own {@link ChannelSource#pollInterval()}. */
        public Builder source(ChannelSource source) {
            return source(Checks.notNull(source, "source"), source.pollInterval());
        }

        /**
         * Adds a source polled every {@code interval} when it has no backlog (at once again when it has).
         *
         * @throws IllegalArgumentException when the interval is not positive or a source with the same id is added
         * @throws org.socialcare.core.error.UnknownChannelException when the desk has no channel of the source
         */
        public Builder source(ChannelSource source, Duration interval) {
            Checks.notNull(source, "source");
            Checks.positive(interval, "poll interval of source '" + source.sourceId() + "'");
            desk.channel(source.channel());
            for (ChannelSource s : sources.keySet()) {
                if (s.sourceId().equals(source.sourceId())) {
                    throw new IllegalArgumentException("source id '" + source.sourceId() + "' is added twice");
                }
            }
            sources.put(source, interval);
            return this;
        }

        /** How often the outbox is dispatched when it had nothing to send. Positive; default 1 s. */
        public Builder dispatchEvery(Duration value) {
            dispatchEvery = Checks.positive(value, "dispatchEvery");
            return this;
        }

        /** How often the SLA sweep runs (at once again while more is due). Positive; default 30 s. */
        public Builder sweepEvery(Duration value) {
            sweepEvery = Checks.positive(value, "sweepEvery");
            return this;
        }

        /** How often every team's waiting work is routed to its agents. Positive; default 30 s. */
        public Builder routeEvery(Duration value) {
            routeEvery = Checks.positive(value, "routeEvery");
            return this;
        }

        /** How often queued escalation notices are handed to the notifier again. Positive; default 5 s. */
        public Builder noticesEvery(Duration value) {
            noticesEvery = Checks.positive(value, "noticesEvery");
            return this;
        }

        /** The bound {@link DeskRuntime#close()} stops within. Positive; default 30 s. */
        public Builder stopBound(Duration value) {
            stopBound = Checks.positive(value, "stopBound");
            return this;
        }

        /** The clock of due times, lags and health; default the desk's. */
        public Builder clock(Clock value) {
            clock = Checks.notNull(value, "clock");
            return this;
        }

        /** Makes the loops' threads (one per loop); default non-daemon threads named {@code care-runtime-<loop>}. */
        public Builder threadFactory(ThreadFactory value) {
            threads = Checks.notNull(value, "threadFactory");
            return this;
        }

        public DeskRuntime build() {
            return new DeskRuntime(this);
        }
    }
}
