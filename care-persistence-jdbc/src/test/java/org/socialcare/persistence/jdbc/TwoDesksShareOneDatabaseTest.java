package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.testkit.storage.SharedKillSwitchContract;

/**
 * Two desks (two connection pools, as two nodes would have) on one database ingest overlapping batches of the
 * same customer messages at the same time, agents reply through both, and both dispatch the one outbox at the
 * same time through a counting publisher: every message is stored once, each customer's messages are threaded
 * into one conversation, every reply is published once, and the audit chain both desks extended is intact. A batch that loses an optimistic-lock race or a deadlock is
 * simply ingested again, as a poller would (its checkpoint did not advance). The kill switch contract runs across
 * the two nodes too. One subclass per database.
 */
abstract class TwoDesksShareOneDatabaseTest {
    private static final Logger LOG = LoggerFactory.getLogger(TwoDesksShareOneDatabaseTest.class);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final TeamId TEAM = TeamId.of("care");
    private static final Channel CHANNEL =
            Channel.of("twitter-care", Platform.TWITTER, "BankCare", "9000", ChannelKind.DEDICATED_CARE, TEAM);
    private static final Agent ANNA = Agent.of("anna", "Anna", "AA", TEAM).withCapacity(1000);
    private static final int CUSTOMERS = 30;
    private static final int MESSAGES_PER_CUSTOMER = 4;

    private TestDatabase db;
    private JdbcCareStorage nodeA;
    private JdbcCareStorage nodeB;
    private final CountingPublisher publisher = new CountingPublisher();
    private final AtomicInteger retries = new AtomicInteger();

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

    /** The kill switch across the two nodes: desks 1 and 3 on node A, desk 2 on node B. */
    @Nested
    class KillSwitchAcrossNodes extends SharedKillSwitchContract {
        @Override
        protected CareStorage createStorage() {
            return nodeA.storage();
        }

        @Override
        protected ChannelStateStore channelStates() {
            return nodeA.channelStates();
        }

        @Override
        protected CareStorage storageOfDesk(int desk) {
            return desk % 2 == 0 ? nodeB.storage() : nodeA.storage();
        }

        @Override
        protected ChannelStateStore channelStatesOfDesk(int desk) {
            return desk % 2 == 0 ? nodeB.channelStates() : nodeA.channelStates();
        }
    }

    @Test
    void overlappingIngestAndDispatchStoreEveryMessageOnceAndSendEveryReplyOnce() throws Exception {
        CareDesk deskA = desk(nodeA);
        CareDesk deskB = desk(nodeB);
        List<InboundMessage> messages = customerMessages();

        // A takes the first two thirds and B the last two thirds at the same time, so while A opens conversations
        // B threads the same customers' later messages, and the middle third arrives at both; then both replay
        // everything with other batch sizes, as a catch-up poll and a webhook retry would.
        List<Batch> forA = batches(messages.subList(0, messages.size() * 2 / 3), 8, "a");
        List<Batch> forB = batches(messages.subList(messages.size() / 3, messages.size()), 8, "b");
        forA.addAll(batches(messages, 7, "a"));
        forB.addAll(batches(messages, 5, "b"));
        JdbcStorageBehaviourTest.runTogether(List.of(ingestAll(deskA, forA), ingestAll(deskB, forB)));

        assertThat(count("SELECT COUNT(*) FROM care_message"))
                .as("stored messages")
                .isEqualTo(messages.size());
        for (InboundMessage m : messages) {
            assertThat(nodeA.storage().messages().find(m.key()))
                    .as("message %s", m.key())
                    .isPresent();
        }
        assertThat(nodeA.storage().checkpoints().load("source-a")).isPresent();
        assertThat(nodeB.storage().checkpoints().load("source-b")).isPresent();

        List<ConversationId> conversations = conversationIds();
        assertThat(conversations)
                .as("one conversation per customer, though both desks threaded them at once")
                .hasSize(CUSTOMERS);
        LOG.info(
                "{}: {} messages of {} customers threaded into {} conversations; {} batch retries",
                db.kind(),
                messages.size(),
                CUSTOMERS,
                conversations.size(),
                retries.get());
        List<ConversationId> viaA = new ArrayList<>();
        List<ConversationId> viaB = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            (i % 2 == 0 ? viaA : viaB).add(conversations.get(i));
        }
        JdbcStorageBehaviourTest.runTogether(List.of(replyToAll(deskA, viaA), replyToAll(deskB, viaB)));

        JdbcStorageBehaviourTest.runTogether(List.of(
                dispatchUntilEmpty(deskA),
                dispatchUntilEmpty(deskB),
                dispatchUntilEmpty(deskA),
                dispatchUntilEmpty(deskB)));

        List<Reply> replies = new ArrayList<>();
        conversations.forEach(id -> replies.addAll(nodeA.storage().outbox().findByConversation(id)));
        assertThat(replies).as("one reply per conversation").hasSize(conversations.size());
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isInstanceOf(DeliveryStatus.Sent.class));
        assertThat(publisher.published).as("publications per reply").hasSize(replies.size());
        assertThat(publisher.published.values()).as("publications per reply").allSatisfy(n -> assertThat(n.get())
                .isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM care_message WHERE direction = 'OUTBOUND'"))
                .isEqualTo(replies.size());
        AuditVerification audit = nodeB.audit().verify();
        assertThat(audit.intact()).as(audit.toString()).isTrue();
    }

    /**
     * Issue 12: desk A's first publish is slow (it outlasts the claim's lease) while desk B dispatches the same
     * outbox. Before fencing, recording the attempt ended A's lease, so B claimed the entry mid-publish and sent it
     * again. Now the attempt's lease covers the publish call, and every write is fenced by the claim token.
     */
    @Test
    void aPublishThatOutlastsTheClaimLeaseIsNotPublishedAgainByTheOtherDesk() throws Exception {
        MutableClock clock = new MutableClock(T0.plusSeconds(3600));
        DeskSettings settings = DeskSettings.ofDefaults().withDispatchLease(Duration.ofSeconds(20));
        CareDesk deskA = desk(nodeA, clock, settings);
        CareDesk deskB = desk(nodeB, clock, settings);
        List<ConversationId> conversations = ingestAndAnswer(deskA, 12);
        // the first publish takes 25 s: past the 20 s claim lease, within publishTimeout (30 s) + lease
        publisher.duringFirstPublish = () -> {
            clock.advance(Duration.ofSeconds(25));
            runOnOtherThread(dispatchUntilEmpty(deskB));
        };
        deskA.dispatchOutbox();
        clock.advance(Duration.ofHours(1));
        JdbcStorageBehaviourTest.runTogether(List.of(dispatchUntilEmpty(deskA), dispatchUntilEmpty(deskB)));

        assertEveryReplySentExactlyOnce(conversations);
    }

    /**
     * A desk that stalls mid-publish past even its attempt's lease (a ten-minute pause): desk B claims the entry, sees
     * that its last attempt's outcome is unknown, asks the platform (the publisher's {@code findPublished}) and marks
     * it sent with the id found instead of sending it again; A's late "sent" is refused by the fence.
     */
    @Test
    void aDeskThatStallsPastItsAttemptLeaseLeavesTheReplyToBeFoundNotResent() throws Exception {
        MutableClock clock = new MutableClock(T0.plusSeconds(3600));
        DeskSettings settings = DeskSettings.ofDefaults().withDispatchLease(Duration.ofSeconds(20));
        CareDesk deskA = desk(nodeA, clock, settings);
        CareDesk deskB = desk(nodeB, clock, settings);
        List<ConversationId> conversations = ingestAndAnswer(deskA, 8);
        publisher.duringFirstPublish = () -> {
            clock.advance(Duration.ofMinutes(10));
            runOnOtherThread(dispatchUntilEmpty(deskB));
        };
        deskA.dispatchOutbox();
        clock.advance(Duration.ofHours(1));
        JdbcStorageBehaviourTest.runTogether(List.of(dispatchUntilEmpty(deskA), dispatchUntilEmpty(deskB)));

        assertEveryReplySentExactlyOnce(conversations);
    }

    private List<ConversationId> ingestAndAnswer(CareDesk desk, int customers) {
        List<InboundMessage> firsts = customerMessages().subList(0, customers);
        desk.ingest(Batch.of(firsts));
        List<ConversationId> ids = new ArrayList<>();
        for (InboundMessage m : firsts) {
            ConversationId id =
                    nodeA.storage().messages().find(m.key()).orElseThrow().conversation();
            desk.claim(id, ANNA.id());
            desk.reply(id, ANNA.id(), "Sorry to hear that, we are on it ^AA");
            ids.add(id);
        }
        return ids;
    }

    private void assertEveryReplySentExactlyOnce(List<ConversationId> conversations) throws SQLException {
        List<Reply> replies = new ArrayList<>();
        conversations.forEach(id -> replies.addAll(nodeA.storage().outbox().findByConversation(id)));
        assertThat(replies).hasSize(conversations.size());
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isInstanceOf(DeliveryStatus.Sent.class));
        assertThat(publisher.published).as("replies published").hasSize(replies.size());
        assertThat(publisher.published).as("publications per reply").allSatisfy((id, n) -> assertThat(n.get())
                .as("publications of %s", id)
                .isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM care_message WHERE direction = 'OUTBOUND'"))
                .isEqualTo(replies.size());
        AuditVerification audit = nodeB.audit().verify();
        assertThat(audit.intact()).as(audit.toString()).isTrue();
    }

    private static void runOnOtherThread(Callable<Void> work) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(work).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the other desk's dispatch failed", e);
        } finally {
            other.shutdownNow();
        }
    }

    /** A clock both desks share, moved by the test. Thread-safe. */
    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
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

    // ------------------------------------------------------------ the two nodes' work

    private Callable<Void> ingestAll(CareDesk desk, List<Batch> batches) {
        return () -> {
            for (Batch b : batches) {
                retrying(() -> desk.ingest(b));
            }
            return null;
        };
    }

    private Callable<Void> replyToAll(CareDesk desk, List<ConversationId> ids) {
        return () -> {
            for (ConversationId id : ids) {
                retrying(() -> desk.claim(id, ANNA.id()));
                retrying(() -> desk.reply(id, ANNA.id(), "Sorry to hear that, we are on it ^AA"));
            }
            return null;
        };
    }

    private static Callable<Void> dispatchUntilEmpty(CareDesk desk) {
        return () -> {
            for (int idle = 0; idle < 3; ) {
                DispatchResult r = desk.dispatchOutbox();
                idle = r.total() == 0 ? idle + 1 : 0;
            }
            return null;
        };
    }

    /** Runs the work again when it lost a race (optimistic lock, deadlock): it is idempotent. */
    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrentUpdateException | JdbcStorageException e) {
                boolean retryable = e instanceof ConcurrentUpdateException || ((JdbcStorageException) e).isTransient();
                if (!retryable || attempt >= 30) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }

    // ------------------------------------------------------------ set-up

    private CareDesk desk(JdbcCareStorage node) {
        return desk(node, Clock.systemUTC(), DeskSettings.ofDefaults());
    }

    private CareDesk desk(JdbcCareStorage node, Clock clock, DeskSettings settings) {
        return CareDesk.builder()
                .clock(clock)
                .settings(settings)
                .storage(node.storage())
                .escalationFirings(node.escalationFirings())
                .channel(CHANNEL)
                .team(Team.of(TEAM.value(), "Care team"))
                .agent(ANNA)
                .publisher(publisher)
                .build();
    }

    /** Each customer writes a few public messages, a minute apart, each replying to their previous one. */
    private static List<InboundMessage> customerMessages() {
        List<InboundMessage> out = new ArrayList<>();
        for (int m = 0; m < MESSAGES_PER_CUSTOMER; m++) {
            for (int c = 0; c < CUSTOMERS; c++) {
                Party customer = Party.of("cust-" + c, "@customer" + c);
                InboundMessage.Builder b = InboundMessage.builder(
                                MessageKey.of(Platform.TWITTER, id(c, m)), CHANNEL.id(), customer)
                        .text("@BankCare message " + m + " from customer " + c)
                        .createdAt(T0.plusSeconds(60L * m + c));
                if (m > 0) {
                    b.inReplyTo(id(c, m - 1));
                }
                out.add(b.build());
            }
        }
        return out;
    }

    private static String id(int customer, int message) {
        return String.valueOf(1_800_000_000_000_000_000L + customer * 100L + message);
    }

    private static List<Batch> batches(List<InboundMessage> messages, int size, String node) {
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += size) {
            List<InboundMessage> part = messages.subList(i, Math.min(messages.size(), i + size));
            out.add(Batch.of(part)
                    .withCheckpoint(new Checkpoint(
                            "source-" + node, part.get(part.size() - 1).key().messageId())));
        }
        return out;
    }

    private List<ConversationId> conversationIds() {
        List<ConversationId> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int m = 0; m < MESSAGES_PER_CUSTOMER; m++) {
                String conversation = nodeA.storage()
                        .messages()
                        .find(MessageKey.of(Platform.TWITTER, id(c, m)))
                        .orElseThrow()
                        .conversation()
                        .value();
                if (seen.add(conversation)) {
                    ids.add(ConversationId.of(conversation));
                }
            }
        }
        for (ConversationId id : ids) {
            Optional<Conversation> stored = nodeA.storage().conversations().find(id);
            assertThat(stored).as("conversation %s of a stored message", id).isPresent();
        }
        return ids;
    }

    private long count(String sql) throws SQLException {
        DataSource ds = db.newDataSource(1);
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Publishes nothing anywhere; counts how often each reply was handed to it, and answers {@code findPublished}
     * from that count as a platform listing the account's own replies would. Runs {@code duringFirstPublish} inside
     * its first publish call (a slow platform). Thread-safe.
     */
    private static final class CountingPublisher implements ChannelPublisher {
        final Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        final AtomicBoolean first = new AtomicBoolean(true);
        volatile Runnable duringFirstPublish = () -> {};

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            published
                    .computeIfAbsent(reply.id().value(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (first.getAndSet(false)) {
                duringFirstPublish.run();
            }
            return Optional.of(platformId(reply));
        }

        @Override
        public PublishedLookup findPublished(Channel channel, Reply reply) {
            return published.containsKey(reply.id().value())
                    ? PublishedLookup.found(platformId(reply))
                    : PublishedLookup.notFound();
        }

        private static String platformId(Reply reply) {
            return "9" + Math.abs((long) reply.id().value().hashCode())
                    + reply.id().value().substring(0, 8);
        }
    }
}
