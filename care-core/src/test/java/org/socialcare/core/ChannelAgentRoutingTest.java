package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.routing.RoutingPolicy;

/** An agent's own account (ChannelKind.INDIVIDUAL_AGENT) routes to that agent, through the desk. */
class ChannelAgentRoutingTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId PRIVATE = TeamId.of("private");
    static final TeamId CARE = TeamId.of("care");
    static final Channel JO_ACCOUNT =
            Channel.of("twitter-jo", Platform.TWITTER, "JoAtBank", "105", ChannelKind.INDIVIDUAL_AGENT, PRIVATE);
    static final Channel PRIVATE_DESK =
            Channel.of("private-desk", Platform.TWITTER, "BankPrivate", "106", ChannelKind.BUSINESS_UNIT, PRIVATE);
    static final AgentId JO = AgentId.of("jo");
    static final AgentId KAI = AgentId.of("kai");

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger tweets = new AtomicInteger(100);

    CareDesk.Builder builder(RoutingPolicy routing) {
        AtomicInteger ids = new AtomicInteger();
        return CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .team(Team.of("private", "Private banking"))
                .team(Team.of("care", "Care"))
                .channel(JO_ACCOUNT)
                .channel(PRIVATE_DESK)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(Agent.of("jo", "Jo Park", "JP", PRIVATE).withCapacity(3))
                .agent(Agent.of("kai", "Kai Berg", "KB", PRIVATE).withCapacity(10))
                .routing(routing);
    }

    static RoutingPolicy joOwnsHerAccount() {
        return RoutingPolicy.builder().channelAgent(JO_ACCOUNT.id(), JO).build();
    }

    ConversationId write(CareDesk desk, Channel channel, String customer) {
        clock.advance(Duration.ofSeconds(10));
        return desk.ingest(Batch.of(List.of(OpsFixtures.tweet(
                        String.valueOf(tweets.incrementAndGet()),
                        channel.id().value(),
                        customer,
                        "a question about my portfolio",
                        clock.instant()))))
                .touched()
                .get(0);
    }

    @Test
    void conversationsOnAnAgentsOwnAccountGoToThatAgentWhileTeammatesAreLessLoaded() {
        CareDesk desk = builder(joOwnsHerAccount()).build();
        List<ConversationId> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(write(desk, JO_ACCOUNT, "c" + i));
        }
        assertThat(desk.assignedTo(JO)).extracting(Conversation::id).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(desk.assignedTo(KAI)).isEmpty();
        assertThat(desk.history(mine.get(0)))
                .filteredOn(a -> a.action() == AuditAction.ROUTED)
                .singleElement()
                .extracting(AuditEntry::detail)
                .asString()
                .contains("assigned to jo", "own channel");

        ConversationId general = write(desk, PRIVATE_DESK, "g1");
        assertThat(desk.conversation(general).orElseThrow().assignee())
                .as("other channels by strategy")
                .contains(KAI);
    }

    @Test
    void whenTheAgentIsFullOrAwayTheirConversationsWaitWithoutBlockingTheTeamsOtherWork() {
        CareDesk desk = builder(joOwnsHerAccount()).build();
        for (int i = 0; i < 3; i++) {
            write(desk, JO_ACCOUNT, "c" + i); // Jo is at capacity (3)
        }
        ConversationId waiting = write(desk, JO_ACCOUNT, "c3");
        ConversationId waiting2 = write(desk, JO_ACCOUNT, "c4");
        assertThat(desk.conversation(waiting).orElseThrow().assignee())
                .as("waits for Jo, not handed to Kai")
                .isEmpty();
        assertThat(desk.queue(PRIVATE, 10)).extracting(Conversation::id).containsExactly(waiting, waiting2);

        ConversationId general = write(desk, PRIVATE_DESK, "g1");
        assertThat(desk.conversation(general).orElseThrow().assignee())
                .as("queued behind Jo's, still routed")
                .contains(KAI);

        desk.setPresence(JO, Presence.AWAY);
        desk.resolve(desk.assignedTo(JO).get(0).id(), JO);
        assertThat(desk.conversation(waiting).orElseThrow().assignee())
                .as("Jo is away")
                .isEmpty();

        desk.setPresence(JO, Presence.ONLINE);
        assertThat(desk.conversation(waiting).orElseThrow().assignee())
                .as("Jo is back with room for one")
                .contains(JO);
        assertThat(desk.conversation(waiting2).orElseThrow().assignee()).isEmpty();
        assertThat(desk.assignedTo(KAI)).extracting(Conversation::id).containsExactly(general);
    }

    @Test
    void routingReadsPastALongRunOfConversationsWaitingForTheirAgent() {
        CareDesk desk = builder(joOwnsHerAccount())
                .agent(Agent.of("kai", "Kai Berg", "KB", PRIVATE).withCapacity(1))
                .build();
        desk.setPresence(JO, Presence.OFFLINE);
        List<ConversationId> forJo = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            forJo.add(write(desk, JO_ACCOUNT, "c" + i));
        }
        ConversationId general = write(desk, PRIVATE_DESK, "g1"); // fifth in the queue; Kai has room for one

        assertThat(desk.conversation(general).orElseThrow().assignee()).contains(KAI);
        assertThat(desk.queue(PRIVATE, 10)).extracting(Conversation::id).containsExactlyElementsOf(forJo);
    }

    @Test
    void anAgentsOwnConversationBehindWorkNobodyCanTakeStillReachesThem() {
        // Jo is a supervisor (no ordinary work); Kai is full: the team's other work waits, Jo's own does not.
        CareDesk desk = builder(joOwnsHerAccount())
                .agent(Agent.of("jo", "Jo Park", "JP", PRIVATE).withCapacity(3).asSupervisor())
                .agent(Agent.of("kai", "Kai Berg", "KB", PRIVATE).withCapacity(1))
                .build();
        List<ConversationId> general = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            general.add(write(desk, PRIVATE_DESK, "g" + i));
        }
        ConversationId personal = write(desk, JO_ACCOUNT, "c1");

        assertThat(desk.conversation(personal).orElseThrow().assignee()).contains(JO);
        assertThat(desk.assignedTo(KAI)).extracting(Conversation::id).containsExactly(general.get(0));
        assertThat(desk.queue(PRIVATE, 10))
                .extracting(Conversation::id)
                .containsExactlyElementsOf(general.subList(1, 5));
    }

    @Test
    void anUnknownChannelOrAgentOrAnAgentOutsideTheChannelsTeamIsRejectedAtBuild() {
        assertThatThrownBy(() -> builder(RoutingPolicy.builder()
                                .channelAgent(ChannelId.of("twitter-ann"), JO)
                                .build())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channelAgent(twitter-ann, jo)")
                .hasMessageContaining("channel 'twitter-ann' is not configured")
                .hasMessageContaining("twitter-jo");
        assertThatThrownBy(() -> builder(RoutingPolicy.builder()
                                .channelAgent(JO_ACCOUNT.id(), AgentId.of("joe"))
                                .build())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agent 'joe' is not configured")
                .hasMessageContaining("[jo, kai]");
        assertThatThrownBy(() -> builder(joOwnsHerAccount())
                        .agent(Agent.of("jo", "Jo Park", "JP", CARE))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agent 'jo' belongs to team 'care'")
                .hasMessageContaining("go to team 'private'");
    }
}
