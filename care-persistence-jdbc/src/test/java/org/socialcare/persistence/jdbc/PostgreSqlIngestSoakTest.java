package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;
import org.socialcare.testkit.fault.FaultyStorage;
import org.socialcare.testkit.fault.ScriptedSource;

/**
 * Ingest soak: {@value #DESKS} desks on one PostgreSQL poll the same sources at the same time while faults stop
 * them at random ingest steps (before the first insert, mid-batch, before the checkpoint); a stopped desk is
 * rebuilt on the same database and goes on. At the end every message is stored exactly once. Sized for CI by
 * {@code -Dcare.soak.messages} (default {@value #DEFAULT_MESSAGES}) and {@code -Dcare.soak.faultPercent}
 * (default 10); docs/reliability.md gives a larger setting.
 */
@Tag("databases")
class PostgreSqlIngestSoakTest {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.POSTGRESQL);
    private static final int DESKS = 3;
    private static final int SOURCES = 6;
    private static final int PAGE = 50;
    private static final int DEFAULT_MESSAGES = 6_000;

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Test
    void threeDesksWithInjectedStopsStoreEveryMessageExactlyOnce() throws Exception {
        int messages = Integer.getInteger("care.soak.messages", DEFAULT_MESSAGES);
        int faultPercent = Integer.getInteger("care.soak.faultPercent", 10);
        CareStorage storage = DATABASE.fresh();
        MutableClock clock = new MutableClock(TestData.T0.plus(Duration.ofDays(1)));
        List<Party> customers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            customers.add(TestData.customer());
        }
        List<InboundMessage> all = new ArrayList<>();
        List<ScriptedSource> sources = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            List<InboundMessage> backlog = new ArrayList<>();
            for (int i = s; i < messages; i += SOURCES) {
                backlog.add(TestData.inbound(
                        TestData.TWITTER_CARE,
                        customers.get(i % customers.size()),
                        "@BankCare soak message " + i,
                        TestData.T0.plusSeconds(i)));
            }
            all.addAll(backlog);
            sources.add(new ScriptedSource("soak:" + s, TestData.TWITTER_CARE.id(), backlog, PAGE));
        }
        AtomicInteger stops = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        List<Future<?>> running = new ArrayList<>();
        for (int d = 0; d < DESKS; d++) {
            Random random = new Random(42 + d);
            running.add(pool.submit(() -> {
                FaultyStorage faulty = new FaultyStorage(storage);
                CareDesk desk = desk(faulty.storage(), clock);
                Set<Integer> done = new HashSet<>();
                int source = random.nextInt(SOURCES);
                while (done.size() < SOURCES) {
                    if (random.nextInt(100) < faultPercent) {
                        switch (random.nextInt(3)) {
                            case 0 -> faulty.failInsert(1);
                            case 1 -> faulty.failInsert(1 + random.nextInt(PAGE));
                            default -> faulty.failCheckpointSave();
                        }
                    }
                    try {
                        PollResult r = desk.poll(sources.get(source));
                        polls.incrementAndGet();
                        if (!r.hasMore()) {
                            done.add(source);
                            source = (source + 1) % SOURCES;
                        } else if (random.nextInt(4) == 0) {
                            source = random.nextInt(SOURCES);
                        }
                    } catch (RuntimeException e) {
                        stops.incrementAndGet(); // the desk stopped: rebuild it on the same database
                        faulty = new FaultyStorage(storage);
                        desk = desk(faulty.storage(), clock);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(20, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        Set<MessageKey> expected = new HashSet<>();
        Set<ConversationId> conversations = new HashSet<>();
        int lost = 0;
        for (InboundMessage m : all) {
            expected.add(m.key());
            var stored = storage.messages().find(m.key());
            if (stored.isEmpty()) {
                lost++;
            } else {
                conversations.add(stored.get().conversation());
            }
        }
        List<MessageKey> listed = conversations.stream()
                .flatMap(c -> storage.messages().listByConversation(c).stream())
                .map(StoredMessage::key)
                .filter(expected::contains)
                .toList();
        int duplicated = listed.size() - new HashSet<>(listed).size();
        System.out.printf(
                "ingest soak: %d desks, %d messages, %d polls, %d injected stops, %d lost, %d duplicated, %d s%n",
                DESKS, all.size(), polls.get(), stops.get(), lost, duplicated, seconds);
        assertThat(lost).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
        assertThat(listed).hasSize(all.size());
        assertThat(stops.get()).as("faults were injected").isPositive();
    }

    private static CareDesk desk(CareStorage storage, MutableClock clock) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of(TestData.CARE_TEAM.value(), "Care"))
                .channel(TestData.TWITTER_CARE)
                .receiveOnly(TestData.TWITTER_CARE.id())
                .build();
    }
}
