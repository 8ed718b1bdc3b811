package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.domain.escalation.EscalationAction.notifyPeople;
import static org.socialcare.core.domain.escalation.EscalationAction.raisePriority;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaAtRisk;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaBreached;
import static org.socialcare.core.domain.escalation.EscalationCondition.unansweredFor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.memory.InMemoryAuditLog;
import org.socialcare.core.memory.InMemoryCheckpointStore;
import org.socialcare.core.memory.InMemoryConversationStore;
import org.socialcare.core.memory.InMemoryDeadLetterStore;
import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ConversationStore;

/** The sweep's cost grows with due work, not with open conversations: proven by counting what the store hands out. */
class SweepCostTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");

    /** Counts every conversation the desk reads from the store, and every call. */
    static final class CountingStore implements ConversationStore {
        final ConversationStore delegate;
        final AtomicInteger loaded = new AtomicInteger();
        final List<String> calls = new ArrayList<>();
        final List<String> found = new ArrayList<>();

        CountingStore(ConversationStore delegate) {
            this.delegate = delegate;
        }

        private <T> T one(String call, Optional<Conversation> c, T result) {
            calls.add(call);
            c.ifPresent(x -> loaded.incrementAndGet());
            return result;
        }

        private List<Conversation> many(String call, List<Conversation> result) {
            calls.add(call);
            loaded.addAndGet(result.size());
            return result;
        }

        @Override
        public Conversation save(Conversation conversation) {
            return delegate.save(conversation);
        }

        @Override
        public Optional<Conversation> find(ConversationId id) {
            Optional<Conversation> c = delegate.find(id);
            found.add(id.value());
            return one("find", c, c);
        }

        @Override
        public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customer) {
            Optional<Conversation> c = delegate.findLatestOfCustomer(channel, customer);
            return one("findLatestOfCustomer", c, c);
        }

        @Override
        public List<Conversation> unassignedQueue(TeamId team, int limit) {
            return many("unassignedQueue", delegate.unassignedQueue(team, limit));
        }

        @Override
        public List<Conversation> assignedTo(AgentId agent) {
            return many("assignedTo", delegate.assignedTo(agent));
        }

        @Override
        public List<Conversation> dueBy(Instant instant, int limit) {
            return many("dueBy", delegate.dueBy(instant, limit));
        }

        @Override
        public List<Conversation> openedBetween(Instant from, Instant to) {
            return many("openedBetween", delegate.openedBetween(from, to));
        }
    }

    @Test
    void sweepOverTenThousandOpenConversationsLoadsOnlyTheFiveDueOnes() {
        CountingStore store = new CountingStore(new InMemoryConversationStore());
        CareStorage storage = new CareStorage(
                store,
                new InMemoryMessageStore(),
                new InMemoryOutbox(),
                new InMemoryAuditLog(),
                new InMemoryCheckpointStore(),
                new InMemoryDeadLetterStore(),
                new InMemoryTransactionManager());
        MutableClock clock = new MutableClock(T0);
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of("care", "Care"))
                .channel(Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE))
                .publishers(TestPublisher.twitterAndFacebook())
                .escalation(EscalationPolicy.builder()
                        .rule("at-risk")
                        .when(slaAtRisk())
                        .then(raisePriority(Priority.HIGH))
                        .rule("breached")
                        .when(slaBreached())
                        .then(notifyPeople())
                        .rule("forgotten")
                        .when(unansweredFor(Duration.ofHours(3)))
                        .then(notifyPeople())
                        .build())
                .build();
        // 10,000 open conversations stored as ingest leaves them: the 5 oldest are past their at-risk checkpoint.
        for (int i = 0; i < 10_005; i++) {
            Instant opened = i < 5 ? T0.minus(Duration.ofMinutes(50)) : T0.minus(Duration.ofMinutes(i % 40));
            Conversation c = OpsFixtures.conversation(String.format("c%05d", i), "askbank", "u" + i, opened)
                    .assignTo(CARE, Optional.empty());
            store.save(desk.slaPolicy().schedule(c, desk.slaPolicy().clocks(c), opened, Optional.empty()));
        }
        store.calls.clear();
        store.loaded.set(0);

        SweepResult result = desk.sweep();

        assertThat(result).isEqualTo(new SweepResult(5, 5, 5, 0, false));
        assertThat(store.loaded.get())
                .as("conversations read: the 5 due, listed then re-read in their transaction")
                .isEqualTo(10);
        assertThat(store.calls).containsExactly("dueBy", "find", "find", "find", "find", "find");
        assertThat(store.found).containsExactly("c00000", "c00001", "c00002", "c00003", "c00004");
        for (int i = 0; i < 5; i++) {
            Conversation c = desk.conversation(ConversationId.of(String.format("c%05d", i)))
                    .orElseThrow();
            assertThat(c.priority()).isEqualTo(Priority.HIGH);
            assertThat(c.responseDueAt())
                    .as("next: the breach at 60 minutes")
                    .contains(T0.plus(Duration.ofMinutes(10)));
        }

        store.calls.clear();
        store.loaded.set(0);
        assertThat(desk.sweep().due()).as("handled ones are not due again").isZero();
        assertThat(store.loaded.get()).isZero();
    }
}
