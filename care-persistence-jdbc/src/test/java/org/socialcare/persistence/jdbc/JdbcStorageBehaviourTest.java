package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.socialcare.persistence.jdbc.Samples.CHANNEL;
import static org.socialcare.persistence.jdbc.Samples.T0;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;
import org.socialcare.testkit.jdbc.CountingDataSource;

/**
 * What the JDBC stores promise beyond the port contracts, on one database: exact round trips, optimistic
 * locking, dedupe under concurrency, leased claims, the audit hash chain and transactions. One subclass per
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStorageBehaviourTest {
    private TestDatabase db;
    private DataSource dataSource;
    private JdbcCareStorage jdbc;
    private CareStorage storage;

    abstract TestDatabase open();

    /** A dialect to use instead of the detected one (to run the fallback paths on a server); empty for detection. */
    Optional<SqlDialect> dialect() {
        return Optional.empty();
    }

    @BeforeAll
    void openDatabase() {
        db = open();
        dataSource = db.newDataSource(8);
        JdbcCareStorage.Builder builder = JdbcCareStorage.builder(dataSource).createSchema(true);
        dialect().ifPresent(builder::dialect);
        jdbc = builder.build();
        storage = jdbc.storage();
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        db.clear(dataSource, JdbcCareStorage.DEFAULT_TABLE_PREFIX);
    }

    // ------------------------------------------------------------ conversations

    @Test
    void conversationWithEveryFieldSetRoundTripsExactly() {
        Conversation c = Samples.fullConversation("c1");

        Conversation saved = storage.conversations().save(c);

        assertThat(saved).isEqualTo(c.withVersion(1));
        assertThat(storage.conversations().find(c.id())).contains(saved);
    }

    @Test
    void conversationWithEveryOptionalEmptyRoundTripsExactly() {
        Conversation c = Samples.bareConversation("c2", T0);

        storage.conversations().save(c);

        assertThat(storage.conversations().find(c.id())).contains(c.withVersion(1));
    }

    @Test
    void instantsAreKeptToTheMicrosecondAndSaveReturnsWhatWasStored() {
        Conversation c = Samples.bareConversation("c3", Instant.parse("2026-01-01T00:00:00.123456789Z"));

        Conversation saved = storage.conversations().save(c);

        assertThat(saved.openedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        assertThat(storage.conversations().find(c.id())).contains(saved);
    }

    @Test
    void updatesBumpTheVersionAndStaleUpdatesFailWithoutWriting() {
        Conversation v1 = storage.conversations().save(Samples.bareConversation("c4", T0));
        Conversation v2 = storage.conversations().save(v1.withPriority(Priority.URGENT));

        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage.conversations().save(v1.withPriority(Priority.LOW)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("c4");
        assertThat(storage.conversations().find(v1.id())).contains(v2);
    }

    @Test
    void insertingAnIdThatExistsFailsAsAConcurrentUpdate() {
        storage.conversations().save(Samples.bareConversation("c5", T0));

        assertThatThrownBy(() -> storage.conversations().save(Samples.bareConversation("c5", T0.plusSeconds(1))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(storage.conversations()
                        .find(ConversationId.of("c5"))
                        .orElseThrow()
                        .openedAt())
                .isEqualTo(T0);
    }

    @Test
    void updatingAConversationThatWasNeverStoredFails() {
        assertThatThrownBy(() -> storage.conversations()
                        .save(Samples.bareConversation("ghost", T0).withVersion(3)))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void twoWritersOfTheSameVersionNeverBothWin() throws Exception {
        Conversation v1 = storage.conversations().save(Samples.bareConversation("race", T0));
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            writers.add(() -> {
                try {
                    storage.conversations()
                            .save(v1.copy().customerMessageCount(100 + n).build());
                    return true;
                } catch (ConcurrentUpdateException e) {
                    return false;
                }
            });
        }

        List<Boolean> outcomes = runTogether(writers);

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(storage.conversations().find(v1.id()).orElseThrow().version())
                .isEqualTo(2);
    }

    @Test
    void unassignedQueueServesHighPriorityThenLongestWaitingThenOldest() {
        TeamId cards = TeamId.of("cards");
        Conversation urgentLate =
                withTeam(Samples.bareConversation("q1", T0), cards).withPriority(Priority.URGENT);
        Conversation normalWaitingLong = withTeam(Samples.bareConversation("q2", T0.minusSeconds(300)), cards)
                .copy()
                .awaitingResponseSince(Optional.of(T0.minusSeconds(300)))
                .build();
        Conversation normalAnswered = withTeam(Samples.bareConversation("q3", T0.minusSeconds(600)), cards)
                .copy()
                .awaitingResponseSince(Optional.empty())
                .build();
        Conversation normalWaitingShort = withTeam(Samples.bareConversation("q4", T0), cards)
                .copy()
                .awaitingResponseSince(Optional.of(T0))
                .build();
        Conversation assigned =
                withTeam(Samples.bareConversation("q5", T0), cards).assignTo(cards, Optional.of(AgentId.of("ab1")));
        Conversation otherTeam = withTeam(Samples.bareConversation("q6", T0), TeamId.of("loans"));
        Conversation resolved =
                withTeam(Samples.bareConversation("q7", T0), cards).resolve(T0);
        for (Conversation c : List.of(
                urgentLate, normalWaitingLong, normalAnswered, normalWaitingShort, assigned, otherTeam, resolved)) {
            storage.conversations().save(c);
        }

        assertThat(storage.conversations().unassignedQueue(cards, 10))
                .extracting(c -> c.id().value())
                .containsExactly("q1", "q2", "q4", "q3");
        assertThat(storage.conversations().unassignedQueue(cards, 2)).hasSize(2);
        assertThat(storage.conversations().assignedTo(AgentId.of("ab1")))
                .extracting(c -> c.id().value())
                .containsExactly("q5");
    }

    @Test
    void dueByReturnsActiveConversationsByEarliestDueInstant() {
        storage.conversations()
                .save(Samples.bareConversation("d1", T0)
                        .withDue(Optional.of(T0.plusSeconds(300)), Optional.of(T0.plusSeconds(100))));
        storage.conversations()
                .save(Samples.bareConversation("d2", T0).withDue(Optional.of(T0.plusSeconds(200)), Optional.empty()));
        storage.conversations()
                .save(Samples.bareConversation("d3", T0).withDue(Optional.of(T0.plusSeconds(900)), Optional.empty()));
        storage.conversations().save(Samples.bareConversation("d4", T0));
        storage.conversations()
                .save(Samples.bareConversation("d5", T0)
                        .withDue(Optional.of(T0), Optional.empty())
                        .resolve(T0));

        assertThat(storage.conversations().dueBy(T0.plusSeconds(200), 10))
                .extracting(c -> c.id().value())
                .containsExactly("d1", "d2");
        assertThat(storage.conversations().dueBy(T0.plusSeconds(1000), 1))
                .extracting(c -> c.id().value())
                .containsExactly("d1");
    }

    @Test
    void findsTheCustomersMostRecentlyActiveConversationOnTheChannel() {
        Conversation old = Samples.bareConversation("l1", T0);
        Conversation recent = Samples.bareConversation("l2", T0.plusSeconds(10))
                .copy()
                .customer(old.customer())
                .build();
        storage.conversations().save(old);
        storage.conversations().save(recent);

        assertThat(storage.conversations()
                        .findLatestOfCustomer(CHANNEL, old.customer().platformUserId()))
                .map(c -> c.id().value())
                .contains("l2");
        assertThat(storage.conversations().findLatestOfCustomer(CHANNEL, "nobody"))
                .isEmpty();
    }

    @Test
    void aTransactionLookingUpACustomerWaitsForAnotherThreadingTheSameCustomer() throws Exception {
        Conversation opened = Samples.bareConversation("first", T0);
        String customer = opened.customer().platformUserId();
        CountDownLatch firstLookedUp = new CountDownLatch(1);
        Callable<Optional<Conversation>> first = () -> storage.transactions().inTransaction(() -> {
            Optional<Conversation> none = storage.conversations().findLatestOfCustomer(CHANNEL, customer);
            firstLookedUp.countDown();
            sleep(300);
            storage.conversations().save(opened);
            return none;
        });
        Callable<Optional<Conversation>> second = () -> {
            firstLookedUp.await();
            return storage.transactions()
                    .inTransaction(() -> storage.conversations().findLatestOfCustomer(CHANNEL, customer));
        };

        List<Optional<Conversation>> seen = runTogether(List.of(first, second));

        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(1))
                .as("the second lookup sees what the first transaction opened")
                .map(c -> c.id().value())
                .contains("first");
    }

    @Test
    void openedBetweenIsHalfOpenAndOldestFirst() {
        storage.conversations().save(Samples.bareConversation("o1", T0.plusSeconds(5)));
        storage.conversations().save(Samples.bareConversation("o2", T0));
        storage.conversations().save(Samples.bareConversation("o3", T0.plusSeconds(10)));

        assertThat(storage.conversations().openedBetween(T0, T0.plusSeconds(10)))
                .extracting(c -> c.id().value())
                .containsExactly("o2", "o1");
    }

    // ------------------------------------------------------------ messages

    @Test
    void aMessageIsStoredOnceAndRoundTripsExactly() {
        var m = Samples.message("m1", "c1", T0);

        assertThat(storage.messages().insertIfAbsent(m)).isTrue();
        assertThat(storage.messages().insertIfAbsent(Samples.message("m1", "other", T0.plusSeconds(1))))
                .isFalse();

        assertThat(storage.messages().find(m.key())).contains(m);
        assertThat(storage.messages().find(MessageKey.of(Platform.FACEBOOK, "m1")))
                .isEmpty();
    }

    @Test
    void aTextWithUPlus0000RoundTripsExceptOnPostgreSqlWhichRefusesItNamingTheMessage() {
        var m = new org.socialcare.core.domain.StoredMessage(
                MessageKey.of(Platform.TWITTER, "nul"),
                ConversationId.of("c1"),
                CHANNEL,
                org.socialcare.core.domain.Direction.INBOUND,
                "u1",
                "@u",
                "before\u0000after",
                org.socialcare.core.domain.Visibility.PUBLIC,
                Optional.empty(),
                T0);

        if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
            assertThatThrownBy(() -> storage.messages().insertIfAbsent(m))
                    .isInstanceOf(JdbcStorageException.class)
                    .hasMessageContaining("twitter:nul");
        } else {
            assertThat(storage.messages().insertIfAbsent(m)).isTrue();
            assertThat(storage.messages().find(m.key())).contains(m);
        }
    }

    @Test
    void messageIdsAreCaseSensitive() {
        assertThat(storage.messages().insertIfAbsent(Samples.message("AbC", "c1", T0)))
                .isTrue();
        assertThat(storage.messages().insertIfAbsent(Samples.message("abc", "c1", T0)))
                .isTrue();
    }

    @Test
    void concurrentDeliveriesOfOneMessageStoreItOnce() throws Exception {
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            deliveries.add(() -> storage.transactions()
                    .inTransaction(() -> storage.messages().insertIfAbsent(Samples.message("dup", "c" + n, T0))));
        }

        assertThat(runTogether(deliveries)).containsOnlyOnce(true);
    }

    @Test
    void newMessagesATransactionLookedUpAreWrittenAsOneBatchAndReadBackInsideIt() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        JdbcCareStorage.Builder builder = JdbcCareStorage.builder(counting);
        dialect().ifPresent(builder::dialect);
        CareStorage counted = builder.build().storage();
        List<StoredMessage> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Samples.message("wb" + i, "c" + (i % 3), T0.plusSeconds(i)));
        }
        counting.reset();

        counted.transactions().inTransaction(() -> {
            assertThat(counted.messages()
                            .existing(batch.stream().map(StoredMessage::key).toList()))
                    .isEmpty();
            for (StoredMessage m : batch) {
                assertThat(counted.messages().insertIfAbsent(m)).isTrue();
            }
            assertThat(counted.messages().insertIfAbsent(Samples.message("wb0", "c9", T0)))
                    .as("already stored in this transaction")
                    .isFalse();
            assertThat(counted.messages().find(batch.get(7).key())).contains(batch.get(7));
            return null;
        });

        assertThat(counting.executedBySql().entrySet())
                .filteredOn(e -> e.getKey().contains("INSERT INTO care_message"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getKey()).startsWith("[batch]");
                    assertThat(e.getValue()).isEqualTo(1L);
                });
        assertThat(storage.messages().listByConversation(ConversationId.of("c1")))
                .extracting(m -> m.key().messageId())
                .containsExactly("wb1", "wb4", "wb7", "wb10", "wb13", "wb16", "wb19");
    }

    @Test
    void aMessageAnotherDeskStoresAfterTheLookupRollsTheWholeTransactionBackNamingIt() throws Exception {
        var raced = Samples.message("raced", "c1", T0);
        var mine = Samples.message("mine", "c1", T0.plusSeconds(1));
        ExecutorService otherDesk = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                        assertThat(storage.messages().existing(List.of(raced.key(), mine.key())))
                                .isEmpty();
                        try {
                            // another desk stores the same message (say from another channel) and commits first
                            assertThat(otherDesk
                                            .submit(() -> storage.messages().insertIfAbsent(raced))
                                            .get(10, TimeUnit.SECONDS))
                                    .isTrue();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        storage.messages().insertIfAbsent(mine);
                        return storage.messages().insertIfAbsent(raced);
                    }))
                    .isInstanceOf(JdbcStorageException.class)
                    .hasMessageContaining("another desk stored")
                    .hasMessageContaining("twitter:raced");
        } finally {
            otherDesk.shutdownNow();
        }

        assertThat(storage.messages().find(mine.key()))
                .as("rolled back with the rest")
                .isEmpty();
        assertThat(storage.messages().find(raced.key())).contains(raced);
    }

    @Test
    void aWrittenBehindMessageTheDatabaseRefusesIsNamedWhenTheTransactionFails() {
        var nul = new StoredMessage(
                MessageKey.of(Platform.TWITTER, "nul-batch"),
                ConversationId.of("c1"),
                CHANNEL,
                org.socialcare.core.domain.Direction.INBOUND,
                "u1",
                "@u",
                "before\u0000after",
                org.socialcare.core.domain.Visibility.PUBLIC,
                Optional.empty(),
                T0);
        java.util.function.Supplier<Boolean> store =
                () -> storage.transactions().inTransaction(() -> {
                    storage.messages().existing(List.of(nul.key()));
                    return storage.messages().insertIfAbsent(nul);
                });

        if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
            assertThatThrownBy(store::get)
                    .isInstanceOf(JdbcStorageException.class)
                    .hasMessageContaining("twitter:nul-batch")
                    .hasMessageNotContaining("before");
        } else {
            assertThat(store.get()).isTrue();
            assertThat(storage.messages().find(nul.key())).contains(nul);
        }
    }

    @Test
    void conversationThreadIsInCreationOrder() {
        storage.messages().insertIfAbsent(Samples.message("b", "t", T0.plusSeconds(2)));
        storage.messages().insertIfAbsent(Samples.message("a", "t", T0.plusSeconds(1)));
        storage.messages().insertIfAbsent(Samples.message("c", "other", T0));

        assertThat(storage.messages().listByConversation(ConversationId.of("t")))
                .extracting(m -> m.key().messageId())
                .containsExactly("a", "b");
    }

    // ------------------------------------------------------------ outbox

    @Test
    void outboxEntriesRoundTripInEveryStatus() {
        Reply queued = Samples.reply("r1", "c1", T0);
        storage.outbox().enqueue(queued);
        assertThat(storage.outbox().find(queued.id())).contains(queued);

        Reply held = queued.withStatus(new DeliveryStatus.Queued(2, T0.plusSeconds(30), Optional.of("rate limited")));
        storage.outbox().update(held);
        assertThat(storage.outbox().find(queued.id())).contains(held);

        Reply sent =
                queued.withStatus(new DeliveryStatus.Sent(Optional.of("1790000000000000001"), T0.plusSeconds(40), 3));
        storage.outbox().update(sent);
        assertThat(storage.outbox().find(queued.id())).contains(sent);
        assertThat(storage.outbox().findByPlatformMessageId(CHANNEL, "1790000000000000001"))
                .contains(sent);

        Reply failed =
                queued.withStatus(new DeliveryStatus.Failed("outside the messaging window", T0.plusSeconds(50), 4));
        storage.outbox().update(failed);
        assertThat(storage.outbox().find(queued.id())).contains(failed);
        assertThat(storage.outbox().findByPlatformMessageId(CHANNEL, "1790000000000000001"))
                .isEmpty();
    }

    @Test
    void enqueueingAnExistingIdIsRefused() {
        storage.outbox().enqueue(Samples.reply("r1", "c1", T0));

        assertThatThrownBy(() -> storage.outbox().enqueue(Samples.reply("r1", "c2", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r1");
        assertThat(storage.outbox()
                        .find(ReplyId.of("r1"))
                        .orElseThrow()
                        .conversation()
                        .value())
                .isEqualTo("c1");
    }

    @Test
    void updatingAnUnknownEntryIsRefused() {
        assertThatThrownBy(() -> storage.outbox().update(Samples.reply("nope", "c1", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void claimLeasesDueEntriesOldestDueFirstUntilTheLeaseEndsOrTheEntryIsUpdated() {
        storage.outbox().enqueue(Samples.reply("late", "c1", T0.plusSeconds(5)));
        storage.outbox().enqueue(Samples.reply("early", "c1", T0));
        storage.outbox().enqueue(Samples.reply("future", "c1", T0.plusSeconds(3600)));
        Duration lease = Duration.ofMinutes(2);

        List<Reply> first = storage.outbox().claimDue(T0.plusSeconds(10), 10, lease);
        assertThat(first).extracting(r -> r.id().value()).containsExactly("early", "late");
        assertThat(storage.outbox().claimDue(T0.plusSeconds(11), 10, lease)).isEmpty();

        storage.outbox()
                .update(first.get(0)
                        .withStatus(new DeliveryStatus.Queued(1, T0.plusSeconds(12), Optional.of("retry"))));
        assertThat(storage.outbox().claimDue(T0.plusSeconds(12), 10, lease))
                .extracting(r -> r.id().value())
                .containsExactly("early");
        assertThat(storage.outbox().claimDue(T0.plusSeconds(10).plus(lease), 10, lease))
                .extracting(r -> r.id().value())
                .containsExactly("late");
    }

    @Test
    void concurrentClaimsNeverHandOneEntryTwice() throws Exception {
        int entries = 120;
        for (int i = 0; i < entries; i++) {
            storage.outbox().enqueue(Samples.reply("r" + i, "c" + (i % 7), T0.plusMillis(i)));
        }
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            claimers.add(() -> {
                List<String> mine = new ArrayList<>();
                for (int round = 0; round < 40; round++) {
                    storage.transactions()
                            .inTransaction(
                                    () -> storage.outbox().claimDue(T0.plusSeconds(60), 7, Duration.ofMinutes(5)))
                            .forEach(r -> mine.add(r.id().value()));
                }
                return mine;
            });
        }

        List<String> all = new ArrayList<>();
        runTogether(claimers).forEach(all::addAll);

        assertThat(all).doesNotHaveDuplicates().hasSize(entries);
    }

    @Test
    void aSecondClaimerGetsOtherEntriesWhileTheFirstClaimIsUncommitted() throws Exception {
        for (int i = 0; i < 6; i++) {
            storage.outbox().enqueue(Samples.reply("r" + i, "c1", T0.plusSeconds(i)));
        }
        Instant now = T0.plusSeconds(60);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        AtomicBoolean firstCommitted = new AtomicBoolean();
        Callable<List<Reply>> first = () -> {
            List<Reply> mine = storage.transactions().inTransaction(() -> {
                List<Reply> claimed = storage.outbox().claimDue(now, 3, Duration.ofMinutes(1));
                firstClaimed.countDown();
                sleep(1500); // long enough for the second claim to finish first even on a loaded machine
                return claimed;
            });
            firstCommitted.set(true);
            return mine;
        };
        Callable<List<Reply>> second = () -> {
            firstClaimed.await();
            List<Reply> mine = storage.outbox().claimDue(now, 10, Duration.ofMinutes(1));
            if (jdbc.dialect().supportsSkipLocked()) {
                assertThat(firstCommitted)
                        .as("first claim committed before SKIP LOCKED returned")
                        .isFalse();
            }
            return mine;
        };

        List<List<Reply>> claims = runTogether(List.of(first, second));

        assertThat(ids(claims.get(0))).containsExactlyInAnyOrder("r0", "r1", "r2");
        assertThat(ids(claims.get(1))).containsExactlyInAnyOrder("r3", "r4", "r5");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void queuedListsOnlyQueuedEntriesOfTheChannelOldestFirst() {
        storage.outbox().enqueue(Samples.reply("r2", "c1", T0.plusSeconds(1)));
        storage.outbox().enqueue(Samples.reply("r1", "c2", T0));
        storage.outbox().enqueue(Samples.reply("r3", "c1", T0));
        storage.outbox()
                .update(Samples.reply("r3", "c1", T0).withStatus(new DeliveryStatus.Sent(Optional.empty(), T0, 1)));

        assertThat(storage.outbox().queued(CHANNEL))
                .extracting(r -> r.id().value())
                .containsExactly("r1", "r2");
        assertThat(storage.outbox().findByConversation(ConversationId.of("c1")))
                .extracting(r -> r.id().value())
                .containsExactly("r3", "r2");
    }

    // ------------------------------------------------------------ audit

    @Test
    void auditEntriesComeBackInAppendOrderPerConversationAndRecent() {
        storage.audit().append(Samples.audit("a", "first", T0));
        storage.audit().append(Samples.audit("b", "second", T0));
        storage.audit()
                .append(new AuditEntry(
                        T0, "agent:ab1", AuditAction.CHANNEL_PAUSED, Optional.empty(), Optional.empty(), ""));
        storage.audit().append(Samples.audit("a", "third", T0.plusSeconds(1)));

        assertThat(storage.audit().forConversation(ConversationId.of("a")))
                .extracting(AuditEntry::detail)
                .containsExactly("first", "third");
        assertThat(storage.audit().recent(3)).extracting(AuditEntry::detail).containsExactly("second", "", "third");
        assertThat(storage.audit().recent(3).get(1).conversation()).isEmpty();
        assertThat(jdbc.audit().verify().intact()).isTrue();
        assertThat(jdbc.audit().verify().rowsChecked()).isEqualTo(4);
    }

    @Test
    void aTransactionReadsItsOwnAuditEntries() {
        List<AuditEntry> seen = storage.transactions().inTransaction(() -> {
            storage.audit().append(Samples.audit("a", "inside", T0));
            return storage.audit().forConversation(ConversationId.of("a"));
        });

        assertThat(seen).extracting(AuditEntry::detail).containsExactly("inside");
    }

    @Test
    void aChangedAuditRowIsReportedAsTheFirstTamperedRow() {
        for (int i = 1; i <= 5; i++) {
            storage.audit().append(Samples.audit("a", "entry " + i, T0.plusSeconds(i)));
        }
        db.execute(dataSource, "UPDATE care_audit SET detail = 'nothing happened' WHERE seq = 3");

        AuditVerification v = jdbc.audit().verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.firstTamperedSeq()).contains(3L);
        assertThat(v.problem().orElseThrow()).contains("row 3");
    }

    @Test
    void aRewrittenRowWithARecomputedHashBreaksTheNextLink() {
        for (int i = 1; i <= 4; i++) {
            storage.audit().append(Samples.audit("a", "entry " + i, T0.plusSeconds(i)));
        }
        AuditEntry forged = Samples.audit("a", "forged", T0.plusSeconds(2));
        db.execute(
                dataSource,
                "UPDATE care_audit SET detail = 'forged', detail_digest = '" + JdbcAuditLog.digest("forged")
                        + "', row_hash = '"
                        + JdbcAuditLog.hashV2(2, forged, JdbcAuditLog.digest("forged"), hashOfRow(1))
                        + "' WHERE seq = 2");

        assertThat(jdbc.audit().verify().firstTamperedSeq()).contains(3L);
    }

    @Test
    void aRemovedAuditRowIsReported() {
        for (int i = 1; i <= 5; i++) {
            storage.audit().append(Samples.audit("a", "entry " + i, T0.plusSeconds(i)));
        }
        db.execute(dataSource, "DELETE FROM care_audit WHERE seq = 2");

        assertThat(jdbc.audit().verify().firstTamperedSeq()).contains(2L);
    }

    @Test
    void removingTheNewestAuditRowsIsCaughtByTheHead() {
        for (int i = 1; i <= 5; i++) {
            storage.audit().append(Samples.audit("a", "entry " + i, T0.plusSeconds(i)));
        }
        db.execute(dataSource, "DELETE FROM care_audit WHERE seq >= 4");

        AuditVerification v = jdbc.audit().verify();

        assertThat(v.firstTamperedSeq()).contains(4L);
        assertThat(v.rowsChecked()).isEqualTo(3);
    }

    @Test
    void concurrentAppendersExtendOneUnbrokenChain() throws Exception {
        List<Callable<Integer>> appenders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            appenders.add(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    storage.transactions().run(() -> {
                        storage.audit().append(Samples.audit("t" + thread, "a" + n, T0));
                        storage.audit().append(Samples.audit("t" + thread, "b" + n, T0));
                    });
                }
                return 0;
            });
        }

        runTogether(appenders);

        AuditVerification v = jdbc.audit().verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(200);
        assertThat(jdbc.audit().head().seq()).isEqualTo(200);
    }

    private String hashOfRow(long seq) {
        return storage.transactions().inTransaction(() -> jdbc.transactions().call("read", c -> {
            try (var ps = c.prepareStatement("SELECT row_hash FROM care_audit WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }));
    }

    // ------------------------------------------------------------ escalation firings

    @Test
    void aRuleFiresOncePerEpisodeAndAgainAsTheNextEpisodeAfterItEnds() {
        JdbcEscalationFiringStore firings = jdbc.escalationFirings();
        ConversationId c1 = ConversationId.of("c1");

        Optional<EscalationFiring> first =
                firings.fire(c1, "sla-breached", T0, "response due passed", List.of("notify", "raise-priority"));
        assertThat(first).hasValueSatisfying(f -> {
            assertThat(f.episode()).isEqualTo(1);
            assertThat(f.isOpen()).isTrue();
        });
        assertThat(firings.fire(c1, "sla-breached", T0.plusSeconds(60), "again", List.of("notify")))
                .isEmpty();
        assertThat(firings.fire(c1, "fraud", T0, "risk FRAUD", List.of("require-approval")))
                .isPresent();
        assertThat(firings.fire(ConversationId.of("c2"), "sla-breached", T0, "other conversation", List.of()))
                .isPresent();
        assertThat(firings.open(c1))
                .containsExactly(first.get(), firings.history(c1).get(1));

        assertThat(firings.endEpisode(c1, "sla-breached", T0.plusSeconds(300))).isTrue();
        assertThat(firings.endEpisode(c1, "sla-breached", T0.plusSeconds(301))).isFalse();
        Optional<EscalationFiring> second =
                firings.fire(c1, "sla-breached", T0.plusSeconds(7200), "breached again", List.of("notify"));

        assertThat(second.map(EscalationFiring::episode)).contains(2);
        assertThat(firings.history(c1))
                .extracting(EscalationFiring::ruleId, EscalationFiring::episode)
                .containsExactly(tuple("sla-breached", 1), tuple("fraud", 1), tuple("sla-breached", 2));
        assertThat(firings.history(c1).get(0)).isEqualTo(first.get().ended(T0.plusSeconds(300)));
        assertThat(firings.open(c1)).extracting(EscalationFiring::ruleId).containsExactly("fraud", "sla-breached");
    }

    @Test
    void firingActionsRoundTripWhateverTheyContain() {
        List<String> actions =
                List.of("", "notify:team=cards,supervisors", "12:x", "line\nbreak \uD83D\uDCE2", "require-approval");
        EscalationFiring fired = jdbc.escalationFirings()
                .fire(
                        ConversationId.of("c1"),
                        "rule \u00e9",
                        Instant.parse("2026-01-01T00:00:00.123456789Z"),
                        "reason",
                        actions)
                .orElseThrow();

        assertThat(fired.firedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        assertThat(jdbc.escalationFirings().history(ConversationId.of("c1"))).containsExactly(fired);
        assertThat(fired.actions()).isEqualTo(actions);
    }

    @Test
    void ofDesksFiringOneRuleAtOnceExactlyOneRecordsTheEpisode() throws Exception {
        List<Callable<Boolean>> desks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            desks.add(() -> storage.transactions().inTransaction(() -> jdbc.escalationFirings()
                    .fire(ConversationId.of("hot"), "influencer", T0, "followers above 100000", List.of("notify"))
                    .isPresent()));
        }

        assertThat(runTogether(desks)).containsOnlyOnce(true);
        assertThat(jdbc.escalationFirings().history(ConversationId.of("hot"))).hasSize(1);
    }

    @Test
    void aFiringRollsBackWithItsTransaction() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
                    jdbc.escalationFirings().fire(ConversationId.of("c1"), "fraud", T0, "risk", List.of("notify"));
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.escalationFirings().history(ConversationId.of("c1"))).isEmpty();
        assertThat(jdbc.escalationFirings()
                        .fire(ConversationId.of("c1"), "fraud", T0, "risk", List.of("notify"))
                        .map(EscalationFiring::episode))
                .contains(1);
    }

    // ------------------------------------------------------------ indexed reports

    @Test
    void countsACustomersConversationsOpenedOnTheGivenChannelsInAPeriod() {
        Conversation a = Samples.bareConversation("a", T0);
        Party customer = a.customer();
        storage.conversations().save(a);
        storage.conversations()
                .save(Samples.bareConversation("b", T0.plusSeconds(60))
                        .copy()
                        .customer(customer)
                        .build());
        storage.conversations()
                .save(Samples.bareConversation("c", T0.plusSeconds(120))
                        .copy()
                        .customer(customer)
                        .channel(org.socialcare.core.domain.ChannelId.of("facebook-page"))
                        .build());
        storage.conversations()
                .save(Samples.bareConversation("d", T0.plusSeconds(180))
                        .copy()
                        .customer(customer)
                        .build());
        storage.conversations().save(Samples.bareConversation("e", T0.plusSeconds(30)));

        String id = customer.platformUserId();
        assertThat(storage.conversations().countOpenedByCustomer(id, Set.of(CHANNEL), T0, T0.plusSeconds(180)))
                .isEqualTo(2);
        assertThat(storage.conversations()
                        .countOpenedByCustomer(
                                id,
                                Set.of(CHANNEL, org.socialcare.core.domain.ChannelId.of("facebook-page")),
                                T0,
                                T0.plusSeconds(181)))
                .isEqualTo(4);
        assertThat(storage.conversations().countOpenedByCustomer(id, Set.of(), T0, T0.plusSeconds(181)))
                .isZero();
    }

    @Test
    void lastAgentReplyIsTheNewestOnTheChannel() {
        assertThat(storage.conversations().lastAgentReplyAt(CHANNEL)).isEmpty();
        storage.conversations()
                .save(Samples.bareConversation("a", T0)
                        .copy()
                        .lastAgentReplyAt(Optional.of(T0.plusSeconds(50)))
                        .build());
        storage.conversations()
                .save(Samples.bareConversation("b", T0)
                        .copy()
                        .lastAgentReplyAt(Optional.of(T0.plusSeconds(90)))
                        .build());
        storage.conversations().save(Samples.bareConversation("c", T0));
        storage.conversations()
                .save(Samples.bareConversation("d", T0)
                        .copy()
                        .channel(org.socialcare.core.domain.ChannelId.of("other"))
                        .lastAgentReplyAt(Optional.of(T0.plusSeconds(900)))
                        .build());

        assertThat(storage.conversations().lastAgentReplyAt(CHANNEL)).contains(T0.plusSeconds(90));
    }

    // ------------------------------------------------------------ checkpoints and dead letters

    @Test
    void checkpointsAreStoredAndReplaced() {
        assertThat(storage.checkpoints().load("twitter:mentions")).isEmpty();

        storage.checkpoints().save(new Checkpoint("twitter:mentions", "100"));
        storage.checkpoints().save(new Checkpoint("twitter:mentions", "250"));
        storage.checkpoints().save(new Checkpoint("facebook:feed", ""));

        assertThat(storage.checkpoints().load("twitter:mentions")).contains(new Checkpoint("twitter:mentions", "250"));
        assertThat(storage.checkpoints().load("facebook:feed")).contains(new Checkpoint("facebook:feed", ""));
    }

    @Test
    void deadLettersKeepTheRawBodyExactlyAndComeBackOldestFirst() {
        String raw = "{\"broken\": \"\u0000\u0001 tab\t ünïcödé 🙂\"" + "x".repeat(70_000);
        storage.deadLetters().put(new DeadLetter("d1", "webhook:twitter", raw, "missing field id", T0));
        storage.deadLetters().put(new DeadLetter("d2", "webhook:facebook", "", "empty body", T0.plusSeconds(1)));
        storage.deadLetters().put(new DeadLetter("d3", "webhook:facebook", "<html>", "not json", T0.plusSeconds(2)));

        List<DeadLetter> recent = storage.deadLetters().recent(2);
        assertThat(recent).extracting(DeadLetter::id).containsExactly("d2", "d3");
        assertThat(storage.deadLetters().recent(10).get(0).rawPayload()).isEqualTo(raw);
        assertThat(storage.deadLetters().recent(10).get(0).rawPayload().getBytes(StandardCharsets.UTF_8))
                .hasSize(raw.getBytes(StandardCharsets.UTF_8).length);
    }

    // ------------------------------------------------------------ transactions

    @Test
    void anExceptionRollsBackEveryStore() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
                    storage.conversations().save(Samples.bareConversation("x1", T0));
                    storage.messages().insertIfAbsent(Samples.message("x1", "x1", T0));
                    storage.outbox().enqueue(Samples.reply("x1", "x1", T0));
                    storage.audit().append(Samples.audit("x1", "opened", T0));
                    storage.checkpoints().save(new Checkpoint("src", "9"));
                    storage.deadLetters().put(new DeadLetter("x1", "src", "raw", "bad", T0));
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");

        assertThat(storage.conversations().find(ConversationId.of("x1"))).isEmpty();
        assertThat(storage.messages().find(MessageKey.of(Platform.TWITTER, "x1")))
                .isEmpty();
        assertThat(storage.outbox().find(ReplyId.of("x1"))).isEmpty();
        assertThat(storage.audit().recent(10)).isEmpty();
        assertThat(storage.checkpoints().load("src")).isEmpty();
        assertThat(storage.deadLetters().recent(10)).isEmpty();
        assertThat(jdbc.audit().verify().intact()).isTrue();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
                    storage.transactions().run(() -> storage.checkpoints().save(new Checkpoint("inner", "1")));
                    assertThat(jdbc.transactions().isActive()).isTrue();
                    throw new IllegalStateException("outer fails after inner returned");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(storage.checkpoints().load("inner")).isEmpty();
    }

    @Test
    void aSwallowedNestedFailureStillRollsBackTheWholeTransaction() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
                    storage.checkpoints().save(new Checkpoint("outer", "1"));
                    try {
                        storage.transactions().run(() -> {
                            storage.checkpoints().save(new Checkpoint("inner", "1"));
                            throw new IllegalStateException("inner fails");
                        });
                    } catch (IllegalStateException swallowed) {
                        // the caller carries on as if nothing happened
                    }
                }))
                .isInstanceOf(JdbcStorageException.class)
                .hasMessageContaining("inner fails");

        assertThat(storage.checkpoints().load("outer")).isEmpty();
        assertThat(storage.checkpoints().load("inner")).isEmpty();
    }

    @Test
    void anOptimisticLockConflictInsideATransactionLeavesItUsable() {
        Conversation v1 = storage.conversations().save(Samples.bareConversation("k1", T0));
        storage.conversations().save(v1.withPriority(Priority.HIGH));

        storage.transactions().run(() -> {
            try {
                storage.conversations().save(v1.withPriority(Priority.LOW));
            } catch (ConcurrentUpdateException expected) {
                Conversation fresh = storage.conversations().find(v1.id()).orElseThrow();
                storage.conversations().save(fresh.withPriority(Priority.URGENT));
            }
        });

        assertThat(storage.conversations().find(v1.id()).orElseThrow().priority())
                .isEqualTo(Priority.URGENT);
    }

    @Test
    void aDuplicateInsideATransactionLeavesItUsable() {
        storage.messages().insertIfAbsent(Samples.message("seen", "c1", T0));

        storage.transactions().run(() -> {
            assertThat(storage.messages().insertIfAbsent(Samples.message("seen", "c1", T0)))
                    .isFalse();
            try {
                storage.outbox().enqueue(Samples.reply("r1", "c1", T0));
                storage.outbox().enqueue(Samples.reply("r1", "c1", T0));
            } catch (IllegalArgumentException expected) {
                // the first enqueue stays
            }
            storage.checkpoints().save(new Checkpoint("src", "after duplicate"));
        });

        assertThat(storage.outbox().find(ReplyId.of("r1"))).isPresent();
        assertThat(storage.checkpoints().load("src")).contains(new Checkpoint("src", "after duplicate"));
    }

    @Test
    void stateIsStoredByName() {
        Conversation c =
                storage.conversations().save(Samples.bareConversation("s1", T0).claim(AgentId.of("ab1")));
        assertThat(storage.conversations().find(c.id()).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
    }

    // ------------------------------------------------------------ helpers

    private static Conversation withTeam(Conversation c, TeamId team) {
        return c.assignTo(team, Optional.empty());
    }

    /** Starts every task at once on its own thread and returns their results in order. */
    static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    static Set<String> ids(List<Reply> replies) {
        Set<String> out = new HashSet<>();
        replies.forEach(r -> out.add(r.id().value()));
        return out;
    }
}
