package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.testkit.TestData.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.out.ConversationStore;
import org.socialcare.testkit.TestData;

/**
 * Contract of a {@link ConversationStore}.
 *
 * <p>Checks: insert at version 0 and update at the stored version each bump the version by one; a stale or
 * unknown version throws {@link ConcurrentUpdateException} and writes nothing; of several threads saving the
 * same version exactly one wins; {@code find} and {@code findLatestOfCustomer}; the unassigned queue
 * (team, active, unassigned; priority descending, waiting-since ascending with absent last, opened ascending;
 * limit); {@code assignedTo}; {@code countAssigned} and {@code hasUnassigned} agree with those lists; {@code dueBy} returns only active conversations due at or before the instant,
 * earliest due first, within the limit; {@code openedBetween} is half-open [from, to), and read page by page gives the
 * same conversations in the same order; every field
 * round-trips exactly, including the risk flags, language, negative streak, optional instants at
 * microsecond precision and unicode in the customer's name.
 *
 * <p>The subclass provides {@link #createStore()}: a fresh, empty store (JUnit makes a new test instance per
 * test, and this is called before each). Calls are made outside any transaction: each must then commit on
 * its own. Example: {@code class JdbcConversationStoreTest extends ConversationStoreContract { protected
 * ConversationStore createStore() { return storage().conversations(); } }}.
 */
public abstract class ConversationStoreContract {
    /** The store under test, fresh for each test. */
    protected ConversationStore store;

    /** A fresh, empty store. */
    protected abstract ConversationStore createStore();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void insertAtVersionZeroReturnsVersionOne() {
        Conversation fresh = TestData.conversation();

        Conversation saved = store.save(fresh);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved).isEqualTo(fresh.withVersion(1));
        assertThat(store.find(fresh.id())).contains(saved);
    }

    @Test
    void updateAtStoredVersionBumpsTheVersion() {
        Conversation v1 = store.save(TestData.conversation());

        Conversation v2 = store.save(v1.withPriority(Priority.HIGH));
        Conversation v3 = store.save(v2.claim(TestData.AGENT_ANNA));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.find(v1.id())).contains(v3);
        assertThat(store.find(v1.id()).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
    }

    @Test
    void staleVersionIsRejectedAndNothingIsWritten() {
        Conversation v1 = store.save(TestData.conversation());
        Conversation v2 = store.save(v1.withPriority(Priority.HIGH));

        assertThatThrownBy(() -> store.save(v1.withPriority(Priority.LOW)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find(v1.id())).contains(v2);
    }

    @Test
    void secondInsertOfTheSameIdIsRejected() {
        Conversation fresh = TestData.conversation();
        Conversation first = store.save(fresh);

        assertThatThrownBy(() -> store.save(fresh.withPriority(Priority.URGENT)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find(fresh.id())).contains(first);
    }

    @Test
    void updateOfAnUnknownConversationIsRejected() {
        Conversation neverStored = TestData.conversation().withVersion(4);

        assertThatThrownBy(() -> store.save(neverStored)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find(neverStored.id())).isEmpty();
    }

    @Test
    void versionAheadOfTheStoredOneIsRejected() {
        Conversation v1 = store.save(TestData.conversation());

        assertThatThrownBy(() -> store.save(v1.withVersion(5))).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find(v1.id())).contains(v1);
    }

    @Test
    void ofConcurrentSavesOfOneVersionExactlyOneWins() {
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            Conversation base = store.save(TestData.conversation());
            List<Concurrently.Outcome<Conversation>> outcomes = Concurrently.run(threads, i -> {
                Conversation mine = base.copy().customerMessageCount(100 + i).build();
                return () -> store.save(mine);
            });

            List<Conversation> winners = outcomes.stream()
                    .filter(Concurrently.Outcome::succeeded)
                    .map(Concurrently.Outcome::value)
                    .toList();
            assertThat(winners).as("winners of round %d", round).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Concurrently.Outcome::error))
                    .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentUpdateException.class));
            assertThat(store.find(base.id())).contains(winners.get(0));
            assertThat(winners.get(0).version()).isEqualTo(2);
        }
    }

    @Test
    void ofConcurrentInsertsOfOneIdExactlyOneWins() {
        Conversation fresh = TestData.conversation();
        List<Concurrently.Outcome<Conversation>> outcomes = Concurrently.run(8, i -> {
            Conversation mine = fresh.copy().customerMessageCount(1 + i).build();
            return () -> store.save(mine);
        });

        List<Conversation> winners = outcomes.stream()
                .filter(Concurrently.Outcome::succeeded)
                .map(Concurrently.Outcome::value)
                .toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Concurrently.Outcome::error))
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentUpdateException.class));
        assertThat(store.find(fresh.id())).contains(winners.get(0));
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        store.save(TestData.conversation());

        assertThat(store.find(ConversationId.of("no-such-conversation"))).isEmpty();
    }

    @Test
    void everyFieldRoundTripsExactly() {
        Conversation full = TestData.fullConversation();

        Conversation saved = store.save(full);

        assertThat(store.find(full.id())).contains(full.withVersion(1));
        assertThat(saved).isEqualTo(full.withVersion(1));
        Conversation read = store.find(full.id()).orElseThrow();
        assertThat(read.riskFlags())
                .containsExactlyInAnyOrder(RiskFlag.FRAUD, RiskFlag.MEDIA, RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(read.language()).contains("de");
        assertThat(read.negativeStreak()).isEqualTo(3);
        assertThat(read.customer().displayName()).isEqualTo(full.customer().displayName());
        assertThat(read.responseDueAt()).isEqualTo(full.responseDueAt());
    }

    @Test
    void absentOptionalsAndEmptyFlagsRoundTrip() {
        Conversation bare = TestData.conversation()
                .copy()
                .language(Optional.empty())
                .awaitingResponseSince(Optional.empty())
                .build();

        store.save(bare);

        Conversation read = store.find(bare.id()).orElseThrow();
        assertThat(read).isEqualTo(bare.withVersion(1));
        assertThat(read.riskFlags()).isEmpty();
        assertThat(read.team()).isEmpty();
        assertThat(read.assignee()).isEmpty();
        assertThat(read.language()).isEmpty();
        assertThat(read.customer().displayName()).isEmpty();
    }

    @Test
    void changedFieldsRoundTripOnUpdate() {
        Conversation v1 = store.save(TestData.fullConversation());
        Conversation changed = v1.copy()
                .riskFlags(EnumSet.of(RiskFlag.LEGAL_THREAT))
                .language(Optional.empty())
                .negativeStreak(0)
                .assignee(Optional.empty())
                .resolvedAt(Optional.empty())
                .responseDueAt(Optional.empty())
                .build();

        Conversation v2 = store.save(changed);

        assertThat(store.find(v1.id())).contains(changed.withVersion(2));
        assertThat(v2).isEqualTo(changed.withVersion(2));
    }

    @Test
    void randomConversationsRoundTrip() {
        Random random = new Random(20260302);
        for (int i = 0; i < 40; i++) {
            Conversation c = randomConversation(random);
            store.save(c);
            assertThat(store.find(c.id())).as("conversation %d: %s", i, c).contains(c.withVersion(1));
        }
    }

    @Test
    void latestOfCustomerIsTheMostRecentlyActiveOnThatChannel() {
        Party customer = TestData.customer();
        Conversation older = conversationOf(customer, TestData.TWITTER_CARE.id(), at(0), at(10));
        Conversation newer = conversationOf(customer, TestData.TWITTER_CARE.id(), at(60), at(70));
        Conversation otherChannel = conversationOf(customer, TestData.FACEBOOK_PAGE.id(), at(100), at(120));
        Conversation otherCustomer = conversationOf(TestData.customer(), TestData.TWITTER_CARE.id(), at(90), at(130));
        store.save(newer);
        store.save(older);
        store.save(otherChannel);
        store.save(otherCustomer);

        assertThat(store.findLatestOfCustomer(TestData.TWITTER_CARE.id(), customer.platformUserId())
                        .map(Conversation::id))
                .contains(newer.id());
        assertThat(store.findLatestOfCustomer(TestData.FACEBOOK_PAGE.id(), customer.platformUserId())
                        .map(Conversation::id))
                .contains(otherChannel.id());
        assertThat(store.findLatestOfCustomer(TestData.TWITTER_CARE.id(), "nobody"))
                .isEmpty();
    }

    @Test
    void latestOfSeveralCustomersIsEachOnesLatestOnThatChannel() {
        Party customer = TestData.customer();
        Party second = TestData.customer();
        Conversation older = conversationOf(customer, TestData.TWITTER_CARE.id(), at(0), at(10));
        Conversation newer = conversationOf(customer, TestData.TWITTER_CARE.id(), at(60), at(70));
        Conversation otherChannel = conversationOf(customer, TestData.FACEBOOK_PAGE.id(), at(100), at(120));
        Conversation secondOnly = conversationOf(second, TestData.TWITTER_CARE.id(), at(90), at(130));
        store.save(newer);
        store.save(older);
        store.save(otherChannel);
        store.save(secondOnly);

        java.util.Map<String, Conversation> latest = store.findLatestOfCustomers(
                TestData.TWITTER_CARE.id(), List.of(second.platformUserId(), "nobody", customer.platformUserId()));

        assertThat(latest).containsOnlyKeys(customer.platformUserId(), second.platformUserId());
        assertThat(latest.get(customer.platformUserId()).id()).isEqualTo(newer.id());
        assertThat(latest.get(second.platformUserId()))
                .isEqualTo(store.find(secondOnly.id()).orElseThrow());
        assertThat(store.findLatestOfCustomers(TestData.FACEBOOK_PAGE.id(), List.of(customer.platformUserId()))
                        .get(customer.platformUserId())
                        .id())
                .isEqualTo(otherChannel.id());
        assertThat(store.findLatestOfCustomers(TestData.TWITTER_CARE.id(), List.of()))
                .isEmpty();
    }

    @Test
    void latestOfCustomerFollowsTheLastCustomerMessageNotTheOpening() {
        Party customer = TestData.customer();
        Conversation openedFirstActiveLast = conversationOf(customer, TestData.TWITTER_CARE.id(), at(0), at(500));
        Conversation openedLater = conversationOf(customer, TestData.TWITTER_CARE.id(), at(100), at(100));
        store.save(openedFirstActiveLast);
        store.save(openedLater);

        assertThat(store.findLatestOfCustomer(TestData.TWITTER_CARE.id(), customer.platformUserId())
                        .map(Conversation::id))
                .contains(openedFirstActiveLast.id());
    }

    @Test
    void latestOfCustomerIncludesClosedConversations() {
        Party customer = TestData.customer();
        Conversation closed = conversationOf(customer, TestData.TWITTER_CARE.id(), at(0), at(5))
                .copy()
                .state(ConversationState.CLOSED)
                .build();
        store.save(closed);

        assertThat(store.findLatestOfCustomer(TestData.TWITTER_CARE.id(), customer.platformUserId())
                        .map(Conversation::id))
                .contains(closed.id());
    }

    @Test
    void unassignedQueueOrdersByPriorityThenLongestWaitingThenOpening() {
        TeamId team = TestData.CARE_TEAM;
        Conversation urgentNotWaiting = queued(team, Priority.URGENT, Optional.empty(), at(50));
        Conversation highWaitingShort = queued(team, Priority.HIGH, Optional.of(at(300)), at(1));
        Conversation highWaitingLong = queued(team, Priority.HIGH, Optional.of(at(200)), at(40));
        Conversation highNotWaitingOld = queued(team, Priority.HIGH, Optional.empty(), at(0));
        Conversation highNotWaitingNew = queued(team, Priority.HIGH, Optional.empty(), at(30));
        Conversation low = queued(team, Priority.LOW, Optional.of(at(5)), at(2));
        for (Conversation c : List.of(
                low, highNotWaitingNew, highWaitingShort, urgentNotWaiting, highNotWaitingOld, highWaitingLong)) {
            store.save(c);
        }

        assertThat(store.unassignedQueue(team, 10).stream().map(Conversation::id))
                .containsExactly(
                        urgentNotWaiting.id(),
                        highWaitingLong.id(),
                        highWaitingShort.id(),
                        highNotWaitingOld.id(),
                        highNotWaitingNew.id(),
                        low.id());
        assertThat(store.unassignedQueue(team, 2).stream().map(Conversation::id))
                .containsExactly(urgentNotWaiting.id(), highWaitingLong.id());
    }

    @Test
    void unassignedQueueHoldsOnlyActiveUnassignedConversationsOfTheTeam() {
        TeamId team = TestData.CARE_TEAM;
        Conversation waiting = queued(team, Priority.NORMAL, Optional.empty(), at(0));
        Conversation pending = queued(team, Priority.NORMAL, Optional.empty(), at(1))
                .copy()
                .state(ConversationState.PENDING_CUSTOMER)
                .build();
        Conversation assigned = queued(team, Priority.NORMAL, Optional.empty(), at(2))
                .copy()
                .assignee(Optional.of(TestData.AGENT_ANNA))
                .build();
        Conversation resolved = queued(team, Priority.NORMAL, Optional.empty(), at(3))
                .copy()
                .state(ConversationState.RESOLVED)
                .build();
        Conversation closed = queued(team, Priority.NORMAL, Optional.empty(), at(4))
                .copy()
                .state(ConversationState.CLOSED)
                .build();
        Conversation otherTeam = queued(TestData.CARDS_TEAM, Priority.NORMAL, Optional.empty(), at(5));
        Conversation noTeam = TestData.conversation(6);
        for (Conversation c : List.of(waiting, pending, assigned, resolved, closed, otherTeam, noTeam)) {
            store.save(c);
        }

        assertThat(store.unassignedQueue(team, 100).stream().map(Conversation::id))
                .containsExactly(waiting.id(), pending.id());
        assertThat(store.unassignedQueue(TestData.CARDS_TEAM, 100).stream().map(Conversation::id))
                .containsExactly(otherTeam.id());
        assertThat(store.unassignedQueue(TeamId.of("empty-team"), 100)).isEmpty();
    }

    @Test
    void unassignedQueueReflectsAClaim() {
        Conversation v1 = store.save(queued(TestData.CARE_TEAM, Priority.NORMAL, Optional.empty(), at(0)));

        store.save(v1.claim(TestData.AGENT_BEN));

        assertThat(store.unassignedQueue(TestData.CARE_TEAM, 10)).isEmpty();
        assertThat(store.assignedTo(TestData.AGENT_BEN).stream().map(Conversation::id))
                .containsExactly(v1.id());
    }

    @Test
    void assignedToListsTheAgentsActiveConversationsInQueueOrder() {
        AgentId anna = TestData.AGENT_ANNA;
        Conversation normal = assignedTo(anna, Priority.NORMAL, at(0));
        Conversation urgent = assignedTo(anna, Priority.URGENT, at(10));
        Conversation resolved = assignedTo(anna, Priority.URGENT, at(5))
                .copy()
                .state(ConversationState.RESOLVED)
                .build();
        Conversation bens = assignedTo(TestData.AGENT_BEN, Priority.URGENT, at(1));
        for (Conversation c : List.of(normal, urgent, resolved, bens)) {
            store.save(c);
        }

        assertThat(store.assignedTo(anna).stream().map(Conversation::id)).containsExactly(urgent.id(), normal.id());
        assertThat(store.assignedTo(AgentId.of("agent-nobody"))).isEmpty();
    }

    @Test
    void countAssignedCountsOnlyTheAgentsActiveConversations() {
        AgentId anna = TestData.AGENT_ANNA;
        Conversation normal = store.save(assignedTo(anna, Priority.NORMAL, at(0)));
        Conversation urgent = store.save(assignedTo(anna, Priority.URGENT, at(10)));
        store.save(assignedTo(anna, Priority.URGENT, at(5))
                .copy()
                .state(ConversationState.RESOLVED)
                .build());
        store.save(assignedTo(TestData.AGENT_BEN, Priority.URGENT, at(1)));

        assertThat(store.countAssigned(anna))
                .isEqualTo(2)
                .isEqualTo(store.assignedTo(anna).size());
        assertThat(store.countAssigned(TestData.AGENT_BEN)).isEqualTo(1);
        assertThat(store.countAssigned(AgentId.of("agent-nobody"))).isZero();

        store.save(normal.resolve(at(20)));
        store.save(urgent.assignTo(TestData.CARE_TEAM, Optional.of(TestData.AGENT_BEN)));

        assertThat(store.countAssigned(anna)).isZero();
        assertThat(store.countAssigned(TestData.AGENT_BEN)).isEqualTo(2);
    }

    @Test
    void hasUnassignedFollowsTheTeamsQueue() {
        TeamId team = TestData.CARE_TEAM;
        assertThat(store.hasUnassigned(team)).isFalse();
        store.save(queued(TestData.CARDS_TEAM, Priority.NORMAL, Optional.empty(), at(0)));
        store.save(queued(team, Priority.NORMAL, Optional.empty(), at(1))
                .copy()
                .state(ConversationState.RESOLVED)
                .build());
        assertThat(store.hasUnassigned(team)).isFalse();

        Conversation waiting = store.save(queued(team, Priority.NORMAL, Optional.empty(), at(2)));
        assertThat(store.hasUnassigned(team)).isTrue();

        store.save(waiting.claim(TestData.AGENT_BEN));
        assertThat(store.hasUnassigned(team)).isFalse();
        assertThat(store.hasUnassigned(TestData.CARDS_TEAM)).isTrue();
    }

    @Test
    void dueByReturnsOnlyActiveDueConversationsEarliestFirst() {
        Instant now = at(100);
        Conversation responseDue = due(Optional.of(at(90)), Optional.empty(), ConversationState.OPEN);
        Conversation resolutionDue = due(Optional.empty(), Optional.of(at(80)), ConversationState.NEW);
        Conversation bothEarliestByResolution =
                due(Optional.of(at(99)), Optional.of(at(70)), ConversationState.ESCALATED);
        Conversation exactlyNow = due(Optional.of(now), Optional.empty(), ConversationState.PENDING_CUSTOMER);
        Conversation notYet = due(Optional.of(now.plusNanos(1_000)), Optional.of(at(200)), ConversationState.OPEN);
        Conversation resolvedButDue = due(Optional.of(at(10)), Optional.empty(), ConversationState.RESOLVED);
        Conversation closedButDue = due(Optional.empty(), Optional.of(at(10)), ConversationState.CLOSED);
        Conversation noDue = due(Optional.empty(), Optional.empty(), ConversationState.OPEN);
        for (Conversation c : List.of(
                notYet,
                exactlyNow,
                resolvedButDue,
                responseDue,
                noDue,
                closedButDue,
                resolutionDue,
                bothEarliestByResolution)) {
            store.save(c);
        }

        assertThat(store.dueBy(now, 10).stream().map(Conversation::id))
                .containsExactly(bothEarliestByResolution.id(), resolutionDue.id(), responseDue.id(), exactlyNow.id());
        assertThat(store.dueBy(now, 2).stream().map(Conversation::id))
                .containsExactly(bothEarliestByResolution.id(), resolutionDue.id());
        assertThat(store.dueBy(at(0), 10)).isEmpty();
    }

    @Test
    void dueByForgetsAConversationOnceResolved() {
        Conversation v1 = store.save(due(Optional.of(at(10)), Optional.of(at(20)), ConversationState.OPEN));
        assertThat(store.dueBy(at(30), 10)).hasSize(1);

        store.save(v1.resolve(at(25)));

        assertThat(store.dueBy(at(30), 10)).isEmpty();
    }

    @Test
    void openedBetweenIsHalfOpenAndOldestFirst() {
        Conversation beforeFrom = TestData.conversation(9);
        Conversation atFrom = TestData.conversation(10);
        Conversation inside = TestData.conversation(15);
        Conversation justBeforeTo = openedAt(at(20).minusNanos(1_000));
        Conversation atTo = TestData.conversation(20);
        for (Conversation c : List.of(atTo, inside, beforeFrom, justBeforeTo, atFrom)) {
            store.save(c);
        }

        assertThat(store.openedBetween(at(10), at(20)).stream().map(Conversation::id))
                .containsExactly(atFrom.id(), inside.id(), justBeforeTo.id());
        assertThat(store.openedBetween(at(20), at(20))).isEmpty();
    }

    @Test
    void openedBetweenPageByPageGivesTheWholePeriodOnceInOrderAcrossEqualInstants() {
        List<Conversation> saved = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Conversation c = TestData.conversation(i < 4 ? 12 : 14); // runs of equal opened instants
            store.save(c);
            saved.add(c);
        }
        store.save(TestData.conversation(25));
        List<ConversationId> whole = store.openedBetween(at(10), at(20)).stream()
                .map(Conversation::id)
                .toList();

        for (int pageSize : new int[] {1, 2, 3, 7, 50}) {
            List<ConversationId> paged = new ArrayList<>();
            Optional<Conversation> after = Optional.empty();
            while (true) {
                List<Conversation> page = store.openedBetween(at(10), at(20), after, pageSize);
                assertThat(page.size()).as("page size").isLessThanOrEqualTo(pageSize);
                page.forEach(c -> paged.add(c.id()));
                if (page.size() < pageSize) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
            assertThat(paged).as("pages of " + pageSize).containsExactlyElementsOf(whole);
        }
        assertThat(whole)
                .containsExactlyInAnyOrderElementsOf(
                        saved.stream().map(Conversation::id).toList());
    }

    @Test
    void readsNeverReturnNull() {
        assertThat(store.find(ConversationId.of("x"))).isEmpty();
        assertThat(store.findLatestOfCustomer(ChannelId.of("x"), "x")).isEmpty();
        assertThat(store.unassignedQueue(TeamId.of("x"), 5)).isEmpty();
        assertThat(store.assignedTo(AgentId.of("x"))).isEmpty();
        assertThat(store.dueBy(at(0), 5)).isEmpty();
        assertThat(store.openedBetween(at(0), at(100))).isEmpty();
    }

    private static Conversation conversationOf(Party customer, ChannelId channel, Instant opened, Instant lastMessage) {
        return TestData.conversation()
                .copy()
                .customer(customer)
                .channel(channel)
                .openedAt(opened)
                .lastCustomerMessageAt(lastMessage)
                .build();
    }

    private static Conversation queued(TeamId team, Priority priority, Optional<Instant> waitingSince, Instant opened) {
        return openedAt(opened)
                .copy()
                .team(Optional.of(team))
                .priority(priority)
                .awaitingResponseSince(waitingSince)
                .build();
    }

    private static Conversation assignedTo(AgentId agent, Priority priority, Instant opened) {
        return openedAt(opened)
                .copy()
                .team(Optional.of(TestData.CARE_TEAM))
                .assignee(Optional.of(agent))
                .state(ConversationState.OPEN)
                .priority(priority)
                .build();
    }

    private static Conversation due(Optional<Instant> response, Optional<Instant> resolution, ConversationState state) {
        return TestData.conversation()
                .copy()
                .state(state)
                .responseDueAt(response)
                .resolutionDueAt(resolution)
                .build();
    }

    private static Conversation openedAt(Instant opened) {
        return TestData.conversation()
                .copy()
                .openedAt(opened)
                .lastCustomerMessageAt(opened)
                .build();
    }

    private static Conversation randomConversation(Random r) {
        Conversation base = r.nextBoolean() ? TestData.conversation(r.nextInt(10_000)) : TestData.fullConversation();
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        for (RiskFlag f : RiskFlag.values()) {
            if (r.nextInt(3) == 0) {
                flags.add(f);
            }
        }
        return base.copy()
                .state(pick(r, ConversationState.values()))
                .priority(pick(r, Priority.values()))
                .category(pick(r, Category.values()))
                .riskFlags(flags)
                .customer(new Party(
                        String.valueOf(TestData.next()),
                        randomText(r, 15),
                        r.nextBoolean() ? Optional.of(randomText(r, 40)) : Optional.empty(),
                        r.nextInt(Integer.MAX_VALUE) * 7L,
                        r.nextBoolean()))
                .team(r.nextBoolean() ? Optional.of(TestData.CARE_TEAM) : Optional.empty())
                .assignee(r.nextBoolean() ? Optional.of(TestData.AGENT_BEN) : Optional.empty())
                .responseDueAt(r.nextBoolean() ? Optional.of(randomInstant(r)) : Optional.empty())
                .resolutionDueAt(r.nextBoolean() ? Optional.of(randomInstant(r)) : Optional.empty())
                .firstResponseAt(r.nextBoolean() ? Optional.of(randomInstant(r)) : Optional.empty())
                .publicLeg(r.nextBoolean())
                .privateLeg(r.nextBoolean())
                .customerMessageCount(r.nextInt(1000))
                .language(
                        r.nextBoolean()
                                ? Optional.of(pick(r, new String[] {"en", "de", "fr-CA", "zh-Hant-TW"}))
                                : Optional.empty())
                .negativeStreak(r.nextInt(20))
                .build();
    }

    private static Instant randomInstant(Random r) {
        return TestData.T0.plusSeconds(r.nextInt(10_000_000) - 5_000_000L).plusNanos(r.nextInt(1_000_000) * 1_000L);
    }

    /** Text mixing ASCII, quotes, backslashes, accents, CJK and emoji (surrogate pairs). */
    static String randomText(Random r, int maxLength) {
        String[] parts = {
            "a",
            "Z",
            "0",
            " ",
            "'",
            "\"",
            "\\",
            "%",
            "_",
            "\u00e9",
            "\u00df",
            "\u4e2d",
            "\uD83D\uDE00",
            "\uD83C\uDFE6",
            "\n",
            ";--"
        };
        StringBuilder sb = new StringBuilder("x");
        int n = r.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
