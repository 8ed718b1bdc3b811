package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.domain.escalation.EscalationAction.notifyPeople;
import static org.socialcare.core.domain.escalation.EscalationAction.openComplaint;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaBreached;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.ComplaintRequest;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.error.ConcurrentUpdateException;
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

/** A sweep review whose transaction fails announces nothing: notices and complaints wait for a review that commits. */
class SweepRollbackTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");

    /** Another node saves every conversation first while {@code racing} is set. */
    static final class RacingStore implements ConversationStore {
        final ConversationStore delegate = new InMemoryConversationStore();
        volatile boolean racing;

        @Override
        public Conversation save(Conversation conversation) {
            if (racing) {
                throw new ConcurrentUpdateException(conversation.id(), conversation.version());
            }
            return delegate.save(conversation);
        }

        @Override
        public Optional<Conversation> find(ConversationId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customer) {
            return delegate.findLatestOfCustomer(channel, customer);
        }

        @Override
        public List<Conversation> unassignedQueue(TeamId team, int limit) {
            return delegate.unassignedQueue(team, limit);
        }

        @Override
        public List<Conversation> assignedTo(AgentId agent) {
            return delegate.assignedTo(agent);
        }

        @Override
        public List<Conversation> dueBy(Instant instant, int limit) {
            return delegate.dueBy(instant, limit);
        }

        @Override
        public List<Conversation> openedBetween(Instant from, Instant to) {
            return delegate.openedBetween(from, to);
        }
    }

    @Test
    void aReviewThatLosesARaceNeitherNotifiesNorOpensAComplaint() {
        RacingStore store = new RacingStore();
        CareStorage storage = new CareStorage(
                store,
                new InMemoryMessageStore(),
                new InMemoryOutbox(),
                new InMemoryAuditLog(),
                new InMemoryCheckpointStore(),
                new InMemoryDeadLetterStore(),
                new InMemoryTransactionManager());
        MutableClock clock = new MutableClock(T0);
        List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
        List<ComplaintRequest> complaints = new CopyOnWriteArrayList<>();
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .notifier(notices::add)
                .complaintGateway(r -> {
                    complaints.add(r);
                    return "CMP-" + complaints.size();
                })
                .team(Team.of("care", "Care"))
                .channel(Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE))
                .publishers(TestPublisher.twitterAndFacebook())
                .escalation(EscalationPolicy.builder()
                        .rule("breached")
                        .when(slaBreached())
                        .then(notifyPeople(), openComplaint())
                        .build())
                .build();
        Instant opened = T0.minus(Duration.ofHours(2)); // far past the 60-minute default response target
        Conversation c = OpsFixtures.conversation("c1", "askbank", "u1", opened).assignTo(CARE, Optional.empty());
        store.save(desk.slaPolicy().schedule(c, desk.slaPolicy().clocks(c), opened, Optional.empty()));

        store.racing = true;
        SweepResult result = desk.sweep();

        assertThat(result.skipped()).as("the review rolled back").isEqualTo(1);
        assertThat(result.reviewed()).isZero();
        assertThat(notices).as("no notice for a review that rolled back").isEmpty();
        assertThat(complaints)
                .as("no formal complaint for a review that rolled back")
                .isEmpty();
    }
}
