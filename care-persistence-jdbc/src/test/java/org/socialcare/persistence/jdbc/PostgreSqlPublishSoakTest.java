package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.reply.EchoText;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;

/**
 * Publish soak: {@value #DESKS} desks on one PostgreSQL dispatch the same outbox at the same time through one
 * platform that answers lookups from what it published, while faults hit random publishes: the answer is lost
 * (stored, then UNKNOWN), the publishing desk stalls past its attempt lease after the platform stored the reply (the
 * shared clock jumps; another desk claims the entry, looks it up and marks it sent; the stalled desk's late "sent"
 * is refused by the fence), or recording the attempt fails (a storage blip). At the end every reply is SENT, was
 * published exactly once, and is recorded with its copy's id. Sized by {@code -Dcare.soak.replies} (default
 * {@value #DEFAULT_REPLIES}) and {@code -Dcare.soak.faultPercent} (default 10).
 */
@Tag("databases")
class PostgreSqlPublishSoakTest {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.POSTGRESQL);
    private static final int DESKS = 3;
    private static final int DEFAULT_REPLIES = 3_000;
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Test
    void threeDesksWithLostAnswersStallsAndBlipsPublishEveryReplyExactlyOnce() throws Exception {
        int count = Integer.getInteger("care.soak.replies", DEFAULT_REPLIES);
        int faultPercent = Integer.getInteger("care.soak.faultPercent", 10);
        CareStorage storage = DATABASE.fresh();
        MutableClock clock = new MutableClock(TestData.T0.plus(Duration.ofDays(1)));
        Platform platform = new Platform(clock, faultPercent);
        BlippingOutbox blipping = new BlippingOutbox(storage.outbox(), faultPercent);

        List<Reply> replies = new ArrayList<>();
        CareDesk setup = desk(storage, clock, platform);
        for (int i = 0; i < count; i++) {
            ConversationId c = setup.ingest(Batch.of(List.of(TestData.inbound(
                            TestData.TWITTER_CARE,
                            TestData.customer(),
                            "@BankCare soak question " + i,
                            TestData.T0.plusSeconds(i)))))
                    .touched()
                    .get(0);
            setup.claim(c, TestData.AGENT_ANNA);
            replies.add(setup.reply(c, TestData.AGENT_ANNA, "Soak answer number " + i + " ^AA"));
        }

        long started = System.nanoTime();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger dispatches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        List<Future<?>> running = new ArrayList<>();
        for (int d = 0; d < DESKS; d++) {
            CareDesk desk = desk(withOutbox(storage, blipping), clock, platform);
            running.add(pool.submit(() -> {
                while (!done.get()) {
                    clock.advance(Duration.ofMillis(50)); // backoffs run out
                    desk.dispatchOutbox();
                    dispatches.incrementAndGet();
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        List<Reply> unsent = new ArrayList<>(replies);
        while (!unsent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            unsent.removeIf(r -> isSent(storage, r)); // a sent reply stays sent: only the rest is read again
        }
        done.set(true);
        for (Future<?> f : running) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        int lost = 0;
        int twice = 0;
        int wrongId = 0;
        for (Reply r : replies) {
            Reply stored = storage.outbox().find(r.id()).orElseThrow();
            List<String> copies = platform.copiesOf(r.text());
            if (!stored.isSent() || copies.isEmpty()) {
                lost++;
            }
            if (copies.size() > 1) {
                twice++;
            }
            if (copies.size() == 1 && !stored.platformMessageId().equals(Optional.of(copies.get(0)))) {
                wrongId++;
            }
        }
        System.out.printf(
                "publish soak: %d desks, %d replies, %d dispatch rounds, %d lost answers, %d stalls past the lease,"
                        + " %d storage blips, %d lookups, %d lost, %d published twice, %d wrong ids, %d s%n",
                DESKS,
                count,
                dispatches.get(),
                platform.lostAnswers.get(),
                platform.stalls.get(),
                blipping.blips.get(),
                platform.lookups.get(),
                lost,
                twice,
                wrongId,
                seconds);
        assertThat(lost).as("lost").isZero();
        assertThat(twice).as("published twice").isZero();
        assertThat(wrongId).as("recorded with another id").isZero();
        assertThat(platform.lostAnswers.get() + platform.stalls.get() + blipping.blips.get())
                .as("faults were injected")
                .isPositive();
    }

    private static boolean isSent(CareStorage storage, Reply reply) {
        return storage.outbox().find(reply.id()).map(Reply::isSent).orElse(false);
    }

    private static CareDesk desk(CareStorage storage, MutableClock clock, ChannelPublisher publisher) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .settings(DeskSettings.ofDefaults()
                        .withDispatchLease(LEASE)
                        .withPublishTimeout(PUBLISH_TIMEOUT)
                        .withRetry(Duration.ofMillis(10), Duration.ofMillis(100))
                        .withMaxAttempts(50)
                        .withDispatchBatchSize(20))
                .team(Team.of(TestData.CARE_TEAM.value(), "Care"))
                .agent(Agent.of(TestData.AGENT_ANNA.value(), "Anna Alder", "AA", TestData.CARE_TEAM))
                .channel(TestData.TWITTER_CARE)
                .publisher(publisher)
                .build();
    }

    private static CareStorage withOutbox(CareStorage s, Outbox outbox) {
        return s.withOutbox(outbox);
    }

    /** One platform for all desks: keeps what it publishes, answers lookups from it, injects lost answers and stalls. */
    private static final class Platform implements ChannelPublisher {
        private final MutableClock clock;
        private final int faultPercent;
        private final Map<String, List<String>> byText = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        final AtomicInteger lostAnswers = new AtomicInteger();
        final AtomicInteger stalls = new AtomicInteger();
        final AtomicInteger lookups = new AtomicInteger();
        private final Random random = new Random(42);

        Platform(MutableClock clock, int faultPercent) {
            this.clock = clock;
            this.faultPercent = faultPercent;
        }

        List<String> copiesOf(String text) {
            return List.copyOf(byText.getOrDefault(text, List.of()));
        }

        @Override
        public org.socialcare.core.domain.Platform platform() {
            return org.socialcare.core.domain.Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            String id = "p" + ids.incrementAndGet();
            byText.computeIfAbsent(reply.text(), t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(id);
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            if (roll < faultPercent / 2) {
                lostAnswers.incrementAndGet();
                throw PlatformException.of(PlatformException.Kind.UNKNOWN, "read timed out after sending", null);
            }
            if (roll < faultPercent) {
                stalls.incrementAndGet(); // the answer is slow: the attempt lease runs out meanwhile
                clock.advance(PUBLISH_TIMEOUT.plus(LEASE).plusSeconds(1));
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.of(id);
        }

        @Override
        public PublishedLookup findPublished(Channel channel, Reply reply) {
            lookups.incrementAndGet();
            return byText.entrySet().stream()
                    .filter(e -> EchoText.sameText(reply.text(), e.getKey()))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .map(PublishedLookup::found)
                    .orElse(PublishedLookup.notFound());
        }
    }

    /** Recording an attempt fails now and then (a connection reset while writing). */
    private static final class BlippingOutbox implements Outbox {
        private final Outbox inner;
        private final int faultPercent;
        private final Random random = new Random(7);
        final AtomicInteger blips = new AtomicInteger();

        BlippingOutbox(Outbox inner, int faultPercent) {
            this.inner = inner;
            this.faultPercent = faultPercent;
        }

        @Override
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            boolean blip;
            synchronized (random) {
                blip = !reply.isSent() && random.nextInt(100) < faultPercent / 2;
            }
            if (blip) {
                blips.incrementAndGet();
                throw new IllegalStateException("connection reset while recording the attempt of " + reply.id());
            }
            return inner.updateClaimed(claim, reply, leaseUntil);
        }

        @Override
        public void enqueue(Reply reply) {
            inner.enqueue(reply);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            return inner.claim(now, limit, lease);
        }

        @Override
        public void update(Reply reply) {
            inner.update(reply);
        }

        @Override
        public Optional<Reply> find(ReplyId id) {
            return inner.find(id);
        }

        @Override
        public List<Reply> findByConversation(ConversationId conversation) {
            return inner.findByConversation(conversation);
        }

        @Override
        public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
            return inner.findByPlatformMessageId(channel, platformMessageId);
        }

        @Override
        public List<Reply> queued(ChannelId channel) {
            return inner.queued(channel);
        }

        @Override
        public Counts count(ChannelId channel) {
            return inner.count(channel);
        }

        @Override
        public java.util.Optional<Reply> oldestQueued(ChannelId channel) {
            return inner.oldestQueued(channel);
        }

        @Override
        public List<Reply> failed(java.util.Optional<org.socialcare.core.domain.ReplyId> after, int limit) {
            return inner.failed(after, limit);
        }
    }
}
