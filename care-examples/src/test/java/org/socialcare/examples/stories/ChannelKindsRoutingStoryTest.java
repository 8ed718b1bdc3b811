package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 7: Northbank's brand account, its dedicated care account, its cards business-unit account and the
 * personal account of Jo, a private-banking adviser (ChannelKind INDIVIDUAL_AGENT), each routed as configured.
 */
class ChannelKindsRoutingStoryTest {
    private static final TeamId PRIVATE_BANKING = TeamId.of("private-banking");
    private static final ChannelId JO_ACCOUNT = ChannelId.of("twitter-jo");
    private static final AgentId JO = AgentId.of("jo");

    private final SimulatedClock clock = StoryKit.clock();

    @Test
    void brandCareBusinessUnitAndIndividualAgentAccountsRouteAsConfigured() {
        CareDesk desk = desk(List.of(jo()));
        assertThat(desk.channel(JO_ACCOUNT).kind()).isEqualTo(ChannelKind.INDIVIDUAL_AGENT);

        Conversation brand = desk.conversation(
                        write(desk, BankSetup.TWITTER_BRAND, "b1", "9701", "love the new ad! is the app update out?"))
                .orElseThrow();
        Conversation care = desk.conversation(
                        write(desk, BankSetup.TWITTER_CARE, "h1", "9702", "how do I change my address?"))
                .orElseThrow();
        Conversation cards = desk.conversation(
                        write(desk, BankSetup.TWITTER_CARDS, "c1", "9703", "my card is stuck in the ATM"))
                .orElseThrow();
        Conversation personal = desk.conversation(
                        write(desk, JO_ACCOUNT, "j1", "9704", "Jo, can we move our meeting to Thursday?"))
                .orElseThrow();

        assertThat(brand.team()).contains(BankSetup.SOCIAL_CARE);
        assertThat(care.team()).contains(BankSetup.SOCIAL_CARE);
        assertThat(cards.team()).contains(BankSetup.CARDS);
        assertThat(personal.team()).contains(PRIVATE_BANKING);
        assertThat(personal.assignee()).contains(JO);
        for (Conversation c : List.of(brand, care, cards)) {
            assertThat(desk.agent(c.assignee().orElseThrow()).orElseThrow().team())
                    .isEqualTo(c.team().orElseThrow());
        }
        assertThat(desk.assignedTo(JO)).extracting(Conversation::id).containsExactly(personal.id());
    }

    @Test
    void anIndividualAgentsAccountRoutesToThatAgentEvenInASharedTeam() {
        CareDesk desk = desk(List.of(
                jo(),
                Agent.of("kai", "Kai Berg", "KB", PRIVATE_BANKING)
                        .withSkills(Skills.of(Set.of("en"), Set.of(), true))));

        for (int i = 0; i < 4; i++) {
            write(desk, JO_ACCOUNT, "j" + i, "97" + (10 + i), "Jo, a quick question about my portfolio");
        }

        assertThat(desk.assignedTo(JO)).hasSize(4);
        assertThat(desk.assignedTo(AgentId.of("kai"))).isEmpty();
    }

    private static Agent jo() {
        return Agent.of(JO.value(), "Jo Park", "JP", PRIVATE_BANKING)
                .withSkills(Skills.of(Set.of("en"), Set.of(), true))
                .withCapacity(10);
    }

    private CareDesk desk(List<Agent> privateBanking) {
        CareDesk.Builder b = new BankSetup()
                .configure(CareDesk.builder())
                // the bank's other channels: their replies are recorded, not sent
                .publishers(RecordingPublisher.twitterAndFacebook())
                .clock(clock)
                .storage(InMemoryStorage.create())
                // Northbank's routing (BankSetup), plus Jo's own account routed to Jo
                .routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                        .autoAssign(true)
                        .includeSupervisors(true)
                        .businessUnitTeam("cards", BankSetup.CARDS)
                        .channelAgent(JO_ACCOUNT, JO)
                        .build())
                .team(Team.of(PRIVATE_BANKING.value(), "Private banking"))
                .channel(Channel.of(
                        JO_ACCOUNT.value(),
                        Platform.TWITTER,
                        "JoParkNorthbank",
                        "105",
                        ChannelKind.INDIVIDUAL_AGENT,
                        PRIVATE_BANKING));
        privateBanking.forEach(b::agent);
        return b.build();
    }

    private ConversationId write(CareDesk desk, ChannelId channel, String id, String customer, String text) {
        return desk.ingest(Batch.of(List.of(StoryKit.publicMessage(
                        id, channel, StoryKit.customer(customer, "c" + customer, 100), text, "en", clock.instant()))))
                .touched()
                .get(0);
    }
}
