package org.socialcare.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.out.CareStorage;

/**
 * The escalation sweep of the bank configuration in memory: time per reviewed conversation while {@code open}
 * conversations wait in the social-care queue, none of them due. The same run measures 10,000 (the baseline)
 * and 1,000,000 open: the sweep's cost must grow with what is due, not with what is open.
 *
 * <p>Before every invocation {@value #DUE} conversations whose response target has passed are stored (not
 * measured); the sweep reviews them (SLA-breach rules fire, supervisors are chosen, the queue is offered to the
 * agents); afterwards they are closed in storage, so the backlog stays at {@code open}. The open conversations
 * are stored directly (a million through ingest would take the trial's whole budget) with the state ingest
 * gives them: team queue, response due later today.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
public class SweepBenchmark {
    static final int DUE = 100;

    @Param({"10000", "1000000"})
    int open;

    /** {@code counted}: the store's load counters (now); {@code listed}: the port's listing defaults (before). */
    @Param({"counted", "listed"})
    String loads;

    private MovingClock clock;
    private CareStorage storage;
    private CareDesk desk;
    private long ids;
    private List<ConversationId> due = List.of();

    @Setup(Level.Trial)
    public void fillTheBacklog() {
        BenchmarkLogging.warnOnly();
        clock = new MovingClock(Desks.MONDAY_MORNING);
        storage = InMemoryStorage.create();
        desk = Desks.build("bank", loads.equals("listed") ? ListingLoads.wrap(storage) : storage, clock);
        Instant later = Desks.MONDAY_MORNING.plus(Duration.ofHours(8));
        for (int i = 0; i < open; i++) {
            clock.advance(Duration.ofNanos(1_000));
            storage.conversations().save(waiting(Optional.of(later)));
        }
    }

    private Conversation waiting(Optional<Instant> responseDue) {
        return Desks.waitingConversation(++ids, clock.instant(), responseDue);
    }

    /** Stores {@value #DUE} conversations whose response target passed a minute ago (not measured). */
    @Setup(Level.Invocation)
    public void makeSomeDue() {
        clock.advance(Duration.ofSeconds(1));
        Instant passed = clock.instant().minus(Duration.ofMinutes(1));
        List<ConversationId> made = new ArrayList<>(DUE);
        for (int i = 0; i < DUE; i++) {
            made.add(storage.conversations().save(waiting(Optional.of(passed))).id());
        }
        due = made;
    }

    /** Closes what the sweep reviewed, so the backlog stays at {@code open} (not measured). */
    @TearDown(Level.Invocation)
    public void keepTheBacklogConstant() {
        for (ConversationId id : due) {
            storage.conversations().find(id).filter(c -> c.state().isActive()).ifPresent(c -> storage.conversations()
                    .save(c.resolve(clock.instant()).close()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DUE)
    public void sweepPerReviewedConversation(Blackhole bh) {
        SweepResult result = desk.sweep(DUE);
        if (result.reviewed() != DUE) {
            throw new IllegalStateException("the sweep reviewed " + result.reviewed() + " of " + DUE + " due");
        }
        bh.consume(result);
    }
}
