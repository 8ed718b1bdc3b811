package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.RecordingNotifier;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 4: an influential author's complaint jumps the queue and reaches a supervisor, by Northbank's
 * recommended escalation rules ({@code influencer-complaint}: 10,000 followers and a complaint). Agents claim
 * from the queue here (no auto-assignment), so the queue order is what the team sees.
 */
class InfluencerComplaintStoryTest {
    private static final AgentId SAM = AgentId.of("sam"); // supervisor of social care
    private static final AgentId ERIN = AgentId.of("erin"); // supervisor of cards

    private final SimulatedClock clock = StoryKit.clock();
    private final CareStorage storage = InMemoryStorage.create();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .routing(RoutingPolicy.queueOnly())
            .clock(clock)
            .storage(storage)
            .notifier(notifier)
            .build();
    private final Party influencer = new Party("9401", "maya_tech", Optional.of("Maya | Tech reviews"), 48_000, true);

    @Test
    void influencersComplaintGoesStraightToTheTeamSupervisorAheadOfTheQueue() {
        List<ConversationId> earlier = ordinaryCustomersWrite();

        ConversationId loud = write(
                "i1",
                influencer,
                "Your app charged me twice and nobody answers. Unacceptable, I want to make a complaint.");

        Conversation c = desk.conversation(loud).orElseThrow();
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.assignee()).contains(SAM);
        assertThat(desk.escalations(loud)).extracting(EscalationFiring::ruleId).contains("influencer-complaint");
        assertThat(notifier.of(EscalationNotice.Kind.CONVERSATION_ESCALATED))
                .anySatisfy(n -> assertThat(n.conversation()).contains(loud));
        assertThat(desk.queue(BankSetup.SOCIAL_CARE, 10))
                .extracting(Conversation::id)
                .containsExactlyElementsOf(earlier);
        assertThat(notifier.notices)
                .noneSatisfy(n -> assertThat(n.conversation()).isPresent().get().isIn(earlier));
    }

    @Test
    void withNoSupervisorOnlineTheInfluencersComplaintWaitsAtTheHeadOfTheQueue() {
        desk.setPresence(SAM, Presence.OFFLINE);
        desk.setPresence(ERIN, Presence.OFFLINE);
        List<ConversationId> earlier = ordinaryCustomersWrite();

        ConversationId loud = write(
                "i1",
                influencer,
                "Your app charged me twice and nobody answers. Unacceptable, I want to make a complaint.");

        List<ConversationId> queue = desk.queue(BankSetup.SOCIAL_CARE, 10).stream()
                .map(Conversation::id)
                .toList();
        assertThat(queue).hasSize(earlier.size() + 1);
        assertThat(queue.get(0)).isEqualTo(loud);
        assertThat(queue.subList(1, queue.size())).containsExactlyElementsOf(earlier);
        assertThat(desk.conversation(loud).orElseThrow().assignee()).isEmpty();
        assertThat(notifier.of(EscalationNotice.Kind.CONVERSATION_ESCALATED))
                .anySatisfy(n -> assertThat(n.conversation()).contains(loud));

        desk.setPresence(SAM, Presence.ONLINE);
        Conversation next = desk.queue(BankSetup.SOCIAL_CARE, 1).get(0);
        assertThat(desk.claim(next.id(), SAM).id()).isEqualTo(loud);
    }

    /** Four ordinary customers write a minute apart, a mix of questions and mild complaints. */
    private List<ConversationId> ordinaryCustomersWrite() {
        String[] texts = {
            "how do I order a new card?",
            "the app logged me out again, annoying",
            "what are your opening hours on Saturday?",
            "is there a fee for transfers abroad?"
        };
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            ids.add(write("o" + i, StoryKit.customer("94" + (10 + i), "customer" + i, 150), texts[i]));
            clock.advance(Duration.ofMinutes(1));
        }
        return ids;
    }

    private ConversationId write(String id, Party author, String text) {
        return desk.ingest(Batch.of(List.of(
                        StoryKit.publicMessage(id, BankSetup.TWITTER_CARE, author, text, "en", clock.instant()))))
                .touched()
                .get(0);
    }
}
