package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.core.runtime.StopResult;

/**
 * Two {@link DeskRuntime}s (two nodes, two pools) on one database. Node A is stopped while its publish hangs (the
 * request reached the platform, the answer never came): its stop returns within the bound and reports the dispatch
 * as left; node B takes the outbox over once the leases end and every reply is on the platform exactly once (the
 * hung one found by lookup, the rest of A's claimed batch published by B). One subclass per database.
 */
abstract class TwoRuntimesShareOneDatabaseTest {
    private static final TeamId TEAM = TeamId.of("care");
    private static final Channel CHANNEL =
            Channel.of("twitter-care", Platform.TWITTER, "BankCare", "9000", ChannelKind.DEDICATED_CARE, TEAM);
    private static final Agent ANNA = Agent.of("anna", "Anna", "AA", TEAM).withCapacity(100);
    private static final int CUSTOMERS = 6;

    private TestDatabase db;
    private JdbcCareStorage nodeA;
    private JdbcCareStorage nodeB;
    private final SharedClock clock = new SharedClock(Instant.now());
    private final Map<String, AtomicInteger> onPlatform = new ConcurrentHashMap<>();

    abstract TestDatabase open();

    @BeforeEach
    void twoNodes() {
        db = open();
        nodeA = JdbcCareStorage.builder(db.newDataSource(4)).createSchema(true).build();
        nodeB = JdbcCareStorage.builder(db.newDataSource(4)).build();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aPublishHangingAtStopIsLeftWithinTheBoundAndTheOtherNodeSendsEveryReplyOnce() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        PlatformPublisher hangsOnFirst = new PlatformPublisher(() -> {
            hung.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                // the request left: a reset now leaves the outcome unknown (the adapters map it so)
                throw PlatformException.of(PlatformException.Kind.UNKNOWN, "connection reset", null);
            }
        });
        CareDesk deskA = desk(nodeA, hangsOnFirst);
        CareDesk deskB = desk(nodeB, new PlatformPublisher(() -> {}));
        List<ConversationId> conversations = ingestAndAnswer(deskA);
        DeskRuntime runtimeA = DeskRuntime.builder(deskA)
                .dispatchEvery(Duration.ofMillis(50))
                .build()
                .start();
        assertThat(hung.await(20, TimeUnit.SECONDS))
                .as("A's first publish started")
                .isTrue();

        StopResult stopA = runtimeA.stop(Duration.ofMillis(500));

        assertThat(stopA.leftInFlight()).containsExactly("dispatch: dispatchOutbox");
        assertThat(stopA.took()).isLessThan(Duration.ofSeconds(5));
        awaitTrue(interrupted::get, "A's hung publish was interrupted");
        Thread.sleep(300); // room for an interrupted dispatch to (wrongly) go on with the rest of its claimed batch
        assertThat(onPlatform).as("on the platform after A stopped").hasSize(1);

        clock.advance(Duration.ofHours(1)); // A's leases end
        DeskRuntime runtimeB = DeskRuntime.builder(deskB)
                .dispatchEvery(Duration.ofMillis(50))
                .build()
                .start();
        try {
            awaitTrue(() -> allSent(conversations), "every reply marked sent by B");
        } finally {
            assertThat(runtimeB.stop(Duration.ofSeconds(10)).clean()).isTrue();
        }

        assertThat(onPlatform).as("replies on the platform").hasSize(CUSTOMERS);
        assertThat(onPlatform)
                .allSatisfy((id, n) ->
                        assertThat(n.get()).as("publications of %s", id).isEqualTo(1));
        AuditVerification audit = nodeB.audit().verify();
        assertThat(audit.intact()).as(audit.toString()).isTrue();
    }

    private boolean allSent(List<ConversationId> conversations) {
        List<Reply> replies = new ArrayList<>();
        conversations.forEach(id -> replies.addAll(nodeA.storage().outbox().findByConversation(id)));
        return replies.size() == CUSTOMERS && replies.stream().allMatch(r -> r.status() instanceof DeliveryStatus.Sent);
    }

    private List<ConversationId> ingestAndAnswer(CareDesk desk) {
        List<InboundMessage> messages = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            messages.add(InboundMessage.builder(
                            MessageKey.of(Platform.TWITTER, String.valueOf(1_900_000_000_000_000_000L + c)),
                            CHANNEL.id(),
                            Party.of("cust-" + c, "@customer" + c))
                    .text("@BankCare my transfer is stuck, customer " + c)
                    .createdAt(clock.instant().minusSeconds(60))
                    .build());
        }
        desk.ingest(Batch.of(messages));
        List<ConversationId> ids = new ArrayList<>();
        for (InboundMessage m : messages) {
            ConversationId id =
                    nodeA.storage().messages().find(m.key()).orElseThrow().conversation();
            desk.claim(id, ANNA.id());
            desk.reply(id, ANNA.id(), "Sorry to hear that, we are on it ^AA");
            ids.add(id);
        }
        return ids;
    }

    private CareDesk desk(JdbcCareStorage node, ChannelPublisher publisher) {
        return CareDesk.builder()
                .clock(clock)
                .settings(DeskSettings.ofDefaults().withDispatchLease(Duration.ofSeconds(20)))
                .storage(node.storage())
                .channel(CHANNEL)
                .team(Team.of(TEAM.value(), "Care team"))
                .agent(ANNA)
                .publisher(publisher)
                .build();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * One node's client of the one platform both nodes post to: a publish lands on the platform first, then runs
     * {@code afterLanding} on the first call (a hang after the request left); {@code findPublished} answers from the
     * platform, as listing the account's own replies would. Thread-safe.
     */
    private final class PlatformPublisher implements ChannelPublisher {
        private final Runnable afterLanding;
        private final AtomicBoolean first = new AtomicBoolean(true);

        PlatformPublisher(Runnable afterLanding) {
            this.afterLanding = afterLanding;
        }

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            onPlatform
                    .computeIfAbsent(reply.id().value(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (first.getAndSet(false)) {
                afterLanding.run();
            }
            return Optional.of("p-" + reply.id().value());
        }

        @Override
        public PublishedLookup findPublished(Channel channel, Reply reply) {
            return onPlatform.containsKey(reply.id().value())
                    ? PublishedLookup.found("p-" + reply.id().value())
                    : PublishedLookup.notFound();
        }
    }

    /** A clock both nodes share, moved by the test. Thread-safe. */
    private static final class SharedClock extends Clock {
        private final AtomicReference<Instant> now;

        SharedClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
