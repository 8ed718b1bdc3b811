package org.socialcare.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;

/**
 * Ingest cost per message on the in-memory desk, with {@code openConversations} already open, against a
 * baseline of the least any ingest must do: one concurrent-map dedupe per message. The ratio shows what
 * threading, storing and auditing add, and whether it grows with the number of open conversations (it
 * should not: lookups are indexed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IngestBenchmark {
    static final int BATCH = 100;

    @Param({"1000", "20000"})
    int openConversations;

    private CareDesk desk;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<MessageKey, Boolean> baseline = new ConcurrentHashMap<>();
    private final ChannelId channel = ChannelId.of("tw");
    private final Instant t0 = Instant.parse("2026-03-02T08:00:00Z");

    @Setup(Level.Iteration)
    public void setUp() {
        desk = CareDesk.builder()
                .clock(Clock.fixed(t0, ZoneOffset.UTC))
                .team(Team.of("care", "Care"))
                .channel(Channel.of("tw", Platform.TWITTER, "Bank", "1", ChannelKind.DEDICATED_CARE, TeamId.of("care")))
                .build();
        for (int i = 0; i < openConversations; i += BATCH) {
            desk.ingest(Batch.of(batch()));
        }
        baseline.clear();
    }

    /** A batch of messages from new customers. */
    private List<InboundMessage> batch() {
        List<InboundMessage> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = ids.incrementAndGet();
            out.add(InboundMessage.builder(
                            MessageKey.of(Platform.TWITTER, Long.toString(id)),
                            channel,
                            Party.of("u" + id, "user" + id))
                    .text("@Bank my card was declined again, why?")
                    .createdAt(t0)
                    .build());
        }
        return out;
    }

    @Benchmark
    public void baselineMapDedupe(Blackhole bh) {
        for (InboundMessage m : batch()) {
            bh.consume(baseline.putIfAbsent(m.key(), Boolean.TRUE));
        }
    }

    @Benchmark
    public void deskIngestNewCustomers(Blackhole bh) {
        bh.consume(desk.ingest(Batch.of(batch())));
    }
}
