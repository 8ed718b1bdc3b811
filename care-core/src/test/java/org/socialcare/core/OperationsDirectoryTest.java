package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.socialcare.core.domain.escalation.EscalationAction.reassignToTeam;
import static org.socialcare.core.domain.escalation.EscalationCondition.riskFlag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.memory.InMemoryAuditLog;
import org.socialcare.core.memory.InMemoryCheckpointStore;
import org.socialcare.core.memory.InMemoryDeadLetterStore;
import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.CareStorage;

/** An operator adds and retires teams and agents on a running desk; work is never stranded and every change is audited. */
class OperationsDirectoryTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final TeamId FRAUD_OPS = TeamId.of("fraud-ops");
    static final TeamId MORTGAGES = TeamId.of("mortgages");
    static final TeamId SPARE = TeamId.of("spare");
    static final Channel ASK_BANK =
            Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE);
    static final AgentId ALICE = AgentId.of("alice");
    static final AgentId BO = AgentId.of("bo");

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger tweets = new AtomicInteger(1000);

    /** Care owns the channel; fraud-ops is an escalation target; mortgages gets a business unit; spare is unused. */
    CareDesk desk(Agent... agents) {
        AtomicInteger ids = new AtomicInteger();
        CareDesk.Builder b = CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .team(Team.of("care", "Social care"))
                .team(Team.of("fraud-ops", "Fraud operations"))
                .team(Team.of("mortgages", "Mortgages"))
                .team(Team.of("spare", "Spare"))
                .channel(ASK_BANK)
                .publishers(TestPublisher.twitterAndFacebook())
                .routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.LEAST_LOADED)
                        .businessUnitTeam("mortgages", MORTGAGES)
                        .build())
                .escalation(EscalationPolicy.builder()
                        .rule("fraud-to-specialists")
                        .when(riskFlag(RiskFlag.FRAUD))
                        .then(reassignToTeam(FRAUD_OPS))
                        .build());
        for (Agent a : agents) {
            b.agent(a);
        }
        return b.build();
    }

    ConversationId write(CareDesk desk, String customer) {
        clock.advance(Duration.ofSeconds(10));
        return desk.ingest(Batch.of(List.of(OpsFixtures.tweetFrom(
                        String.valueOf(tweets.incrementAndGet()),
                        "askbank",
                        Party.of(customer, "@" + customer),
                        "Is the app down? I can't log in since this morning",
                        clock.instant()))))
                .touched()
                .get(0);
    }

    static Agent agent(String id, TeamId team, int capacity) {
        return Agent.of(id, id.toUpperCase(Locale.ROOT) + " Agent", "XX", team).withCapacity(capacity);
    }

    List<AuditEntry> operatorLines(CareDesk desk) {
        return desk.storage().audit().recent(100).stream()
                .filter(e -> e.actor().startsWith("operator:"))
                .toList();
    }

    @Test
    void addedAgentTakesTheTeamsWaitingWorkAtOnce() {
        CareDesk desk = desk(agent("alice", CARE, 1));
        ConversationId first = write(desk, "u1");
        ConversationId waiting = write(desk, "u2");
        assertThat(desk.conversation(waiting).orElseThrow().assignee())
                .as("alice is full")
                .isEmpty();

        Agent bo = desk.operations().addAgent(agent("bo", CARE, 3), "kim");

        assertThat(bo.id()).isEqualTo(BO);
        assertThat(desk.agent(BO)).contains(bo);
        assertThat(desk.conversation(first).orElseThrow().assignee()).contains(ALICE);
        assertThat(desk.conversation(waiting).orElseThrow().assignee()).contains(BO);
        assertThat(desk.queue(CARE, 10)).isEmpty();
    }

    @Test
    void addedAgentIsRoutedNewConversations() {
        CareDesk desk = desk(agent("alice", CARE, 1));
        write(desk, "u1");

        desk.operations().addAgent(agent("bo", CARE, 3), "kim");
        ConversationId next = write(desk, "u2");

        assertThat(desk.conversation(next).orElseThrow().assignee()).contains(BO);
        assertThat(desk.assignedTo(BO)).extracting(Conversation::id).containsExactly(next);
        desk.reply(next, BO, "Sorry about that, we are looking into it ^BO");
        assertThat(desk.replies(next)).hasSize(1);
    }

    @Test
    void anAgentAddedOfflineGetsNoWorkUntilTheyComeOnline() {
        CareDesk desk = desk(agent("alice", CARE, 1));
        write(desk, "u1");
        ConversationId waiting = write(desk, "u2");

        desk.operations().addAgent(agent("bo", CARE, 3).withPresence(Presence.OFFLINE), "kim");
        assertThat(desk.conversation(waiting).orElseThrow().assignee()).isEmpty();

        desk.setPresence(BO, Presence.ONLINE);
        assertThat(desk.conversation(waiting).orElseThrow().assignee()).contains(BO);
    }

    @Test
    void retiringAnAgentPutsTheirOpenConversationsBackInTheQueue() {
        CareDesk desk = desk(agent("alice", CARE, 5), agent("bo", CARE, 5).withPresence(Presence.OFFLINE));
        ConversationId one = write(desk, "u1");
        ConversationId two = write(desk, "u2");
        assertThat(desk.assignedTo(ALICE)).extracting(Conversation::id).containsExactly(one, two);

        Agent retired = desk.operations().retireAgent(ALICE, "kim");

        assertThat(retired.id()).isEqualTo(ALICE);
        assertThat(desk.agent(ALICE)).isEmpty();
        assertThat(desk.queue(CARE, 10))
                .as("nobody else is online: both wait in the team queue")
                .extracting(Conversation::id)
                .containsExactlyInAnyOrder(one, two);
        assertThat(desk.history(one))
                .filteredOn(e -> e.action() == AuditAction.UNASSIGNED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("operator:kim");
                    assertThat(e.detail()).isEqualTo("alice retired");
                });

        desk.setPresence(BO, Presence.ONLINE);
        assertThat(desk.assignedTo(BO)).extracting(Conversation::id).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void aRetiredAgentsWorkIsRoutedToTeammatesWithRoomAtOnce() {
        CareDesk desk = desk(agent("alice", CARE, 5), agent("bo", CARE, 1).withPresence(Presence.OFFLINE));
        ConversationId one = write(desk, "u1");
        ConversationId two = write(desk, "u2");
        desk.setPresence(BO, Presence.ONLINE);

        desk.operations().retireAgent(ALICE, "kim");

        assertThat(desk.assignedTo(BO))
                .as("bo has room for one")
                .extracting(Conversation::id)
                .containsExactly(one);
        assertThat(desk.queue(CARE, 10)).extracting(Conversation::id).containsExactly(two);
    }

    @Test
    void aRetiredAgentCanNoLongerClaimOrReplyAndIsRoutedNothing() {
        CareDesk desk = desk(agent("alice", CARE, 5), agent("bo", CARE, 5).withPresence(Presence.OFFLINE));
        ConversationId held = write(desk, "u1");

        desk.operations().retireAgent(ALICE, "kim");

        assertThatThrownBy(() -> desk.claim(held, ALICE))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown agent 'alice'");
        assertThatThrownBy(() -> desk.reply(held, ALICE, "hello ^AL"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown agent 'alice'");
        assertThatThrownBy(() -> desk.setPresence(ALICE, Presence.ONLINE))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown agent 'alice'");
        ConversationId later = write(desk, "u2");
        assertThat(desk.conversation(later).orElseThrow().assignee()).isEmpty();
        assertThat(desk.queue(CARE, 10)).extracting(Conversation::id).containsExactly(held, later);
    }

    @Test
    void retiringATeamThatStillHasAgentsFailsNamingThem() {
        CareDesk desk = desk(agent("alice", CARE, 5), agent("bo", SPARE, 5), agent("cy", SPARE, 5));

        assertThatThrownBy(() -> desk.operations().retireTeam(SPARE, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("team 'spare' is still in use")
                .hasMessageContaining("agents [bo, cy]");
        assertThat(desk.teams()).extracting(Team::id).contains(SPARE);

        desk.operations().retireAgent(BO, "kim");
        desk.operations().retireAgent(AgentId.of("cy"), "kim");
        Team retired = desk.operations().retireTeam(SPARE, "kim");

        assertThat(retired.id()).isEqualTo(SPARE);
        assertThat(desk.teams()).extracting(Team::id).containsExactly(CARE, FRAUD_OPS, MORTGAGES);
        assertThatThrownBy(() -> desk.queue(SPARE, 10))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown team 'spare'");
    }

    @Test
    void retiringATeamARoutingRuleNamesFails() {
        CareDesk desk = desk(agent("alice", CARE, 5));

        assertThatThrownBy(() -> desk.operations().retireTeam(MORTGAGES, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("team 'mortgages' is still in use")
                .hasMessageContaining("routing rules for business units [mortgages]");
        assertThatThrownBy(() -> desk.operations().retireTeam(FRAUD_OPS, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("escalation rules [fraud-to-specialists]");
        assertThatThrownBy(() -> desk.operations().retireTeam(CARE, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("agents [alice]")
                .hasMessageContaining("channels [askbank]");
        assertThat(desk.teams()).extracting(Team::id).containsExactly(CARE, FRAUD_OPS, MORTGAGES, SPARE);
        assertThat(operatorLines(desk)).isEmpty();
    }

    @Test
    void retiringATeamWithConversationsWaitingInItsQueueFails() {
        CareDesk desk = desk(agent("alice", SPARE, 5));
        TeamId vip = TeamId.of("vip");
        desk.operations().addTeam(Team.of("vip", "VIP care"), "kim");
        ConversationId c = write(desk, "u1");
        // moved by hand (no rule of the desk names the new team), and nobody of the team there to take it
        desk.storage().transactions().run(() -> desk.storage()
                .conversations()
                .save(desk.conversation(c).orElseThrow().assignTo(vip, Optional.empty())));

        assertThatThrownBy(() -> desk.operations().retireTeam(vip, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("team 'vip' is still in use: conversations waiting in its queue");
        assertThat(desk.teams()).extracting(Team::id).contains(vip);
    }

    @Test
    void addingADuplicateAgentFails() {
        CareDesk desk = desk(agent("alice", CARE, 5));
        Agent before = desk.agent(ALICE).orElseThrow();

        assertThatThrownBy(() -> desk.operations().addAgent(agent("alice", SPARE, 9), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("agent 'alice' exists already");
        assertThat(desk.agent(ALICE)).contains(before);
        assertThat(operatorLines(desk)).isEmpty();
    }

    @Test
    void everyOtherPreconditionFailsNamingWhatIsWrong() {
        CareDesk desk = desk(agent("alice", CARE, 5));
        Operations ops = desk.operations();

        assertThatThrownBy(() -> ops.addAgent(agent("zed", TeamId.of("nope"), 5), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("agent 'zed' belongs to team 'nope', which is unknown");
        assertThatThrownBy(() -> ops.addTeam(Team.of("care", "Another care"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("team 'care' exists already");
        assertThatThrownBy(() -> ops.retireAgent(AgentId.of("nobody"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown agent 'nobody'");
        assertThatThrownBy(() -> ops.retireTeam(TeamId.of("nope"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown team 'nope'");
        assertThatThrownBy(() -> ops.addTeam(Team.of("new", "New"), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator");
        assertThat(desk.agent(AgentId.of("zed"))).isEmpty();
        assertThat(desk.teams()).extracting(Team::id).doesNotContain(TeamId.of("new"));
        assertThat(operatorLines(desk)).isEmpty();
    }

    @Test
    void anAgentWhoseOwnChannelRoutingNamesCannotBeRetired() {
        AtomicInteger ids = new AtomicInteger();
        Channel joAccount =
                Channel.of("twitter-jo", Platform.TWITTER, "JoAtBank", "105", ChannelKind.INDIVIDUAL_AGENT, CARE);
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .team(Team.of("care", "Social care"))
                .channel(joAccount)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(agent("jo", CARE, 3))
                .routing(RoutingPolicy.builder()
                        .channelAgent(joAccount.id(), AgentId.of("jo"))
                        .build())
                .build();

        assertThatThrownBy(() -> desk.operations().retireAgent(AgentId.of("jo"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("agent 'jo' is still in use")
                .hasMessageContaining("channelAgent for channels [twitter-jo]");
        assertThat(desk.agent(AgentId.of("jo"))).isPresent();
    }

    @Test
    void aRetirementWhoseHandOverFailsChangesNothing() {
        SweepRollbackTest.RacingStore store = new SweepRollbackTest.RacingStore();
        AtomicInteger ids = new AtomicInteger();
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .storage(new CareStorage(
                        store,
                        new InMemoryMessageStore(),
                        new InMemoryOutbox(),
                        new InMemoryAuditLog(),
                        new InMemoryCheckpointStore(),
                        new InMemoryDeadLetterStore(),
                        new InMemoryTransactionManager()))
                .team(Team.of("care", "Social care"))
                .channel(ASK_BANK)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(agent("alice", CARE, 5))
                .routing(RoutingPolicy.builder().build())
                .build();
        ConversationId held = write(desk, "u1");

        store.racing = true; // another node changes the conversation first
        assertThatThrownBy(() -> desk.operations().retireAgent(ALICE, "kim"))
                .isInstanceOf(ConcurrentUpdateException.class);
        store.racing = false;

        assertThat(desk.agent(ALICE)).as("the agent stays").isPresent();
        assertThat(desk.assignedTo(ALICE)).extracting(Conversation::id).containsExactly(held);
        assertThat(operatorLines(desk)).isEmpty();
        desk.operations().retireAgent(ALICE, "kim");
        assertThat(desk.queue(CARE, 10)).extracting(Conversation::id).containsExactly(held);
    }

    @Test
    void everyDirectoryChangeIsAuditedUnderTheOperator() {
        CareDesk desk = desk(agent("alice", CARE, 5));
        ConversationId held = write(desk, "u1");

        desk.operations().addTeam(Team.of("vip", "VIP care"), "kim");
        desk.operations().addAgent(agent("vic", TeamId.of("vip"), 5).asSupervisor(), "kim");
        desk.operations().retireAgent(AgentId.of("vic"), "lee");
        desk.operations().retireTeam(TeamId.of("vip"), "lee");
        desk.operations().retireAgent(ALICE, "kim");

        assertThat(operatorLines(desk))
                .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        tuple("operator:kim", AuditAction.TEAM_ADDED, "team vip added"),
                        tuple("operator:kim", AuditAction.AGENT_ADDED, "agent vic added to team vip as a supervisor"),
                        tuple(
                                "operator:lee",
                                AuditAction.AGENT_RETIRED,
                                "agent vic of team vip retired; 0 conversation(s) back in the queue"),
                        tuple("operator:lee", AuditAction.TEAM_RETIRED, "team vip retired"),
                        tuple("operator:kim", AuditAction.UNASSIGNED, "alice retired"),
                        tuple(
                                "operator:kim",
                                AuditAction.AGENT_RETIRED,
                                "agent alice of team care retired; 1 conversation(s) back in the queue"));
        assertThat(operatorLines(desk))
                .filteredOn(e -> e.action() != AuditAction.UNASSIGNED)
                .allSatisfy(e -> {
                    assertThat(e.conversation()).isEmpty();
                    assertThat(e.channel()).isEmpty();
                    assertThat(e.detail()).doesNotContain("VIC Agent", "ALICE Agent");
                });
        assertThat(operatorLines(desk))
                .filteredOn(e -> e.action() == AuditAction.UNASSIGNED)
                .singleElement()
                .satisfies(e -> assertThat(e.conversation()).contains(held));
    }
}
