package org.socialcare.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

/**
 * Ingest cost per message on the in-memory desk while {@code open} conversations wait unworked (the busiest
 * hour: an outage), for the {@code default} desk and the {@code bank} configuration, against a same-run
 * baseline of the least any ingest must do: one concurrent-map dedupe per message.
 *
 * <p>Every invocation ingests one batch of {@value #BATCH} messages from new customers (new conversations,
 * triaged, routed, SLA-scheduled, escalation-reviewed) at a moving clock (10 ms a message); after it, outside
 * the measurement, those conversations are closed in storage, so the backlog stays at {@code open} for the whole
 * run instead of drifting up with every batch. Scores are per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
public class IngestBenchmark {
    static final int BATCH = 100;
    private static final Duration STEP = Duration.ofMillis(10);

    @Param({"default", "bank"})
    String config;

    @Param({"1000", "10000", "100000"})
    int open;

    /** {@code counted}: the store's load counters (now); {@code listed}: the port's listing defaults (before). */
    @Param({"counted", "listed"})
    String loads;

    private MovingClock clock;
    private CareStorage storage;
    private CareDesk desk;
    private List<Desks.Entry> entries;
    private long ids;
    private List<InboundMessage> last = List.of();
    private final ConcurrentHashMap<MessageKey, Boolean> baseline = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void fillTheBacklog() {
        BenchmarkLogging.warnOnly();
        clock = new MovingClock(Desks.MONDAY_MORNING);
        storage = InMemoryStorage.create();
        desk = Desks.build(config, loads.equals("listed") ? ListingLoads.wrap(storage) : storage, clock);
        entries = Desks.entries(config);
        for (int i = 0; i < open; i += BATCH) {
            desk.ingest(Batch.of(batch()));
        }
        long active = storage.conversations().openedBetween(java.time.Instant.EPOCH, java.time.Instant.MAX).stream()
                .filter(c -> c.state().isActive())
                .count();
        if (active != open) {
            throw new IllegalStateException("backlog is " + active + " open conversations, wanted " + open);
        }
    }

    /** A batch of messages from new customers, 10 ms apart on the moving clock. */
    private List<InboundMessage> batch() {
        List<InboundMessage> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = ++ids;
            Desks.Entry entry = entries.get((int) (id % entries.size()));
            clock.advance(STEP);
            out.add(InboundMessage.builder(
                            MessageKey.of(entry.platform(), Long.toString(id)),
                            entry.channel(),
                            Party.of("u" + id, "user" + id))
                    .text(Desks.TEXTS.get((int) (id % Desks.TEXTS.size())))
                    .createdAt(clock.instant())
                    .build());
        }
        last = out;
        return out;
    }

    /** Closes the conversations the last batch opened, so the backlog stays at {@code open} (not measured). */
    @TearDown(Level.Invocation)
    public void keepTheBacklogConstant() {
        for (InboundMessage m : last) {
            storage.conversations()
                    .findLatestOfCustomer(m.channel(), m.author().platformUserId())
                    .filter(c -> c.state().isActive())
                    .ifPresent(c -> storage.conversations().save(close(c)));
        }
        last = List.of();
    }

    private Conversation close(Conversation c) {
        return c.resolve(clock.instant()).close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineMapDedupe(Blackhole bh) {
        for (InboundMessage m : batch()) {
            bh.consume(baseline.putIfAbsent(m.key(), Boolean.TRUE));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deskIngestNewCustomers(Blackhole bh) {
        bh.consume(desk.ingest(Batch.of(batch())));
    }
}
