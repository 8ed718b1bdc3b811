package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.domain.escalation.EscalationAction.notifyPeople;
import static org.socialcare.core.domain.escalation.EscalationAction.raisePriority;
import static org.socialcare.core.domain.escalation.EscalationAction.reassignToSupervisor;
import static org.socialcare.core.domain.escalation.EscalationAction.reassignToTeam;
import static org.socialcare.core.domain.escalation.EscalationAction.requireApproval;
import static org.socialcare.core.domain.escalation.EscalationCondition.followersAtLeast;
import static org.socialcare.core.domain.escalation.EscalationCondition.riskFlag;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaAtRisk;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaBreached;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.port.in.SweepResult;

/** The desk end to end with the operations policies: ingest -> route -> SLA -> escalate, and the sweep. */
class OperationsDeskTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final TeamId FRAUD_OPS = TeamId.of("fraud-ops");
    static final Channel ASK_BANK =
            Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE);

    final MutableClock clock = new MutableClock(T0);
    final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
    int tweetIds = 1000;

    CareDesk.Builder desk(EscalationPolicy rules) {
        return CareDesk.builder()
                .clock(clock)
                .ids(counterIds())
                .notifier(notices::add)
                .team(Team.of("care", "Social care"))
                .team(Team.of("fraud-ops", "Fraud operations"))
                .channel(ASK_BANK)
                .publishers(TestPublisher.twitterAndFacebook())
                .routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.LEAST_LOADED)
                        .build())
                .escalation(rules);
    }

    static org.socialcare.core.port.out.IdGenerator counterIds() {
        AtomicInteger n = new AtomicInteger();
        return () -> "id" + n.incrementAndGet();
    }

    InboundMessage tweet(Party author, String text) {
        return OpsFixtures.tweetFrom(String.valueOf(++tweetIds), "askbank", author, text, clock.instant());
    }

    ConversationId ingest(CareDesk desk, Party author, String text) {
        return desk.ingest(Batch.of(List.of(tweet(author, text)))).touched().get(0);
    }

    static Party customer(String id, long followers) {
        return Party.of(id, "@" + id).withFollowers(followers);
    }

    @Test
    void influencerComplaintJumpsTheQueueAndReachesASupervisor() {
        EscalationPolicy rules = EscalationPolicy.builder()
                .rule("influencer")
                .when(followersAtLeast(10_000))
                .then(raisePriority(Priority.URGENT), reassignToSupervisor(), notifyPeople())
                .build();
        CareDesk desk = desk(rules)
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE).withCapacity(1))
                .agent(Agent.of("sup", "Sam Upton", "SU", CARE).asSupervisor().withPresence(Presence.OFFLINE))
                .build();

        ConversationId first =
                ingest(desk, customer("u1", 40), "My card payment was declined twice at the till, what is going on?");
        clock.advance(Duration.ofMinutes(1));
        ConversationId second = ingest(desk, customer("u2", 120), "Is the app down? Can't log in since this morning");
        clock.advance(Duration.ofMinutes(1));
        ConversationId influencer = ingest(
                desk,
                customer("famous", 250_000),
                "40 minutes on hold with @Bank and still nobody can tell me where my money is. Disgraceful.");

        assertThat(desk.conversation(first).orElseThrow().assignee()).contains(AgentId.of("ab"));
        Conversation escalated = desk.conversation(influencer).orElseThrow();
        assertThat(escalated.priority()).isEqualTo(Priority.URGENT);
        assertThat(escalated.state()).isEqualTo(ConversationState.ESCALATED);
        assertThat(escalated.assignee()).as("no supervisor online yet").isEmpty();
        assertThat(desk.queue(CARE, 10))
                .extracting(Conversation::id)
                .as("the influencer jumps the queue")
                .containsExactly(influencer, second);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(EscalationNotice.Kind.CONVERSATION_ESCALATED);
            assertThat(n.conversation()).contains(influencer);
            assertThat(n.priority()).isEqualTo(Priority.URGENT);
            assertThat(n.reason()).contains("followers >= 10000 (customer has 250000)");
        });
        assertThat(desk.history(influencer))
                .filteredOn(e -> e.action() == AuditAction.ESCALATION_RULE_FIRED)
                .singleElement()
                .extracting(AuditEntry::detail)
                .asString()
                .contains("rule influencer", "URGENT", "no supervisor online", "people notified");

        // Alice resolves her conversation: the next waiting one is the influencer's, not the older one.
        desk.resolve(first, AgentId.of("ab"));
        assertThat(desk.conversation(influencer).orElseThrow().assignee()).contains(AgentId.of("ab"));
        assertThat(desk.conversation(second).orElseThrow().assignee()).isEmpty();

        // A second influencer arrives while the supervisor is online: straight to the supervisor.
        desk.setPresence(AgentId.of("sup"), Presence.ONLINE);
        clock.advance(Duration.ofMinutes(1));
        ConversationId another =
                ingest(desk, customer("journalist", 80_000), "Hearing reports of @Bank customers locked out. Comment?");
        assertThat(desk.conversation(another).orElseThrow().assignee()).contains(AgentId.of("sup"));
        assertThat(desk.conversation(another).orElseThrow().state()).isEqualTo(ConversationState.ESCALATED);
    }

    @Test
    void fraudFlagMovesToFraudOpsAndNotifiesOnceAndRequiresApproval() {
        EscalationPolicy rules = EscalationPolicy.builder()
                .rule("fraud-report")
                .when(riskFlag(RiskFlag.FRAUD))
                .then(raisePriority(Priority.URGENT), reassignToTeam(FRAUD_OPS), notifyPeople(), requireApproval())
                .build();
        CareDesk desk = desk(rules)
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .agent(Agent.of("fo", "Frank Ortiz", "FO", FRAUD_OPS))
                .build();
        Party victim = customer("victim", 300);
        ConversationId id = ingest(desk, victim, "There are payments on my account I never made!! Someone has my card");
        assertThat(desk.conversation(id).orElseThrow().assignee()).contains(AgentId.of("ab"));
        assertThat(notices).isEmpty();

        // Triage (the language policies) flags the conversation as FRAUD at ingest; here we stand in for it.
        flag(desk, id, RiskFlag.FRAUD);
        clock.advance(Duration.ofMinutes(2));
        ingest(desk, victim, "Hello?? 3 more transactions just went out");

        Conversation c = desk.conversation(id).orElseThrow();
        assertThat(desk.assignedTo(AgentId.of("ab"))).as("Alice has room again").isEmpty();
        assertThat(c.team()).contains(FRAUD_OPS);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.assignee()).as("auto-assigned within fraud ops").contains(AgentId.of("fo"));
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("risk FRAUD"));
        assertThat(desk.requiresApproval(id)).isTrue();

        clock.advance(Duration.ofMinutes(1));
        ingest(desk, victim, "please call me");
        assertThat(notices).as("fires once per episode").hasSize(1);
        assertThat(desk.escalations(id)).singleElement().satisfies(f -> {
            assertThat(f.episode()).isEqualTo(1);
            assertThat(f.isOpen()).isTrue();
            assertThat(f.actions()).contains("require-approval");
        });

        // the rule's require-approval reaches the reply path: fraud ops' answer waits for a supervisor
        org.socialcare.core.domain.Reply held =
                desk.reply(id, AgentId.of("fo"), "We have blocked your card and will call you now ^FO");
        assertThat(desk.pendingApprovals()).extracting(a -> a.reply().id()).containsExactly(held.id());
        assertThat(desk.pendingApprovals().get(0).reasons())
                .anySatisfy(r -> assertThat(r).contains("escalation rule requires approval"));
        assertThat(desk.replies(id)).noneMatch(r -> r.id().equals(held.id()));
    }

    @Test
    void slaAtRiskThenBreachFireInSweepsAndAgainAfterTheNextUnansweredMessage() {
        EscalationPolicy rules = EscalationPolicy.builder()
                .rule("at-risk")
                .when(slaAtRisk())
                .then(raisePriority())
                .rule("breached")
                .when(slaBreached())
                .then(notifyPeople())
                .build();
        CareDesk desk = desk(rules)
                .settings(DeskSettings.ofDefaults().withFirstResponseTarget(Duration.ofMinutes(60)))
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .build();
        Party customer = customer("u1", 10);
        ConversationId id =
                ingest(desk, customer, "Still waiting for my refund of the duplicate charge from last week");
        assertThat(desk.conversation(id).orElseThrow().responseDueAt())
                .as("first checkpoint: at risk")
                .contains(T0.plus(Duration.ofMinutes(45)));

        clock.advance(Duration.ofMinutes(44));
        assertThat(desk.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0, false));

        clock.advance(Duration.ofMinutes(1));
        assertThat(desk.sweep()).isEqualTo(new SweepResult(1, 1, 1, 0, false));
        Conversation atRisk = desk.conversation(id).orElseThrow();
        assertThat(desk.slaStatus(id)).isEqualTo(SlaStatus.AT_RISK);
        assertThat(atRisk.priority()).isEqualTo(Priority.HIGH);
        assertThat(atRisk.responseDueAt()).as("next checkpoint: the breach").contains(T0.plus(Duration.ofMinutes(60)));
        assertThat(notices).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(desk.sweep()).isEqualTo(new SweepResult(1, 1, 1, 0, false));
        assertThat(desk.slaStatus(id)).isEqualTo(SlaStatus.BREACHED);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("sla breached"));
        assertThat(desk.conversation(id).orElseThrow().responseDueAt())
                .as("handled: not due again")
                .isEmpty();

        clock.advance(Duration.ofMinutes(30));
        assertThat(desk.sweep().due()).isZero();

        // The agent answers; the customer writes back; the new clock breaches again: a second episode.
        desk.reply(id, AgentId.of("ab"), "Sorry for the wait, we're looking at your refund now ^AB");
        clock.advance(Duration.ofMinutes(5));
        ingest(desk, customer, "ok thanks, any news?");
        assertThat(desk.escalations(id)).allSatisfy(f -> assertThat(f.isOpen()).isFalse());
        clock.advance(Duration.ofMinutes(60));
        SweepResult again = desk.sweep();
        assertThat(again.fired()).isEqualTo(2);
        assertThat(notices).hasSize(2);
        assertThat(desk.escalations(id))
                .filteredOn(f -> f.ruleId().equals("breached"))
                .extracting(f -> f.episode())
                .containsExactly(1, 2);
    }

    @Test
    void agentGoingOfflineHandsWorkToColleaguesWithRoom() {
        CareDesk desk = desk(EscalationPolicy.none())
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE).withCapacity(3))
                .agent(Agent.of("cd", "Carl Dunn", "CD", CARE).withCapacity(3))
                .build();
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(ingest(desk, customer("u" + i, 10), "question " + i));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(desk.assignedTo(AgentId.of("ab"))).hasSize(2);
        desk.setPresence(AgentId.of("ab"), Presence.OFFLINE);
        assertThat(desk.assignedTo(AgentId.of("ab"))).isEmpty();
        assertThat(desk.assignedTo(AgentId.of("cd"))).as("up to capacity").hasSize(3);
        assertThat(desk.queue(CARE, 10)).hasSize(1);
        desk.setPresence(AgentId.of("ab"), Presence.ONLINE);
        assertThat(desk.assignedTo(AgentId.of("ab"))).hasSize(1);
        assertThat(desk.queue(CARE, 10)).isEmpty();
    }

    @Test
    void queueOnlyDefaultLeavesWorkForAgentsToClaim() {
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .team(Team.of("care", "Care"))
                .channel(ASK_BANK)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .build();
        ConversationId id = ingest(desk, customer("u1", 10), "hi, how do I order a new card?");
        Conversation c = desk.conversation(id).orElseThrow();
        assertThat(c.assignee()).isEmpty();
        assertThat(c.responseDueAt())
                .as("default policy: at risk at 45 of 60 minutes")
                .contains(T0.plus(Duration.ofMinutes(45)));
        assertThat(desk.queue(CARE, 10)).extracting(Conversation::id).containsExactly(id);
        clock.advance(Duration.ofHours(2));
        assertThat(desk.sweep()).as("no time-based rules: nothing to sweep").isEqualTo(SweepResult.nothing());
        assertThat(desk.slaStatus(id)).isEqualTo(SlaStatus.BREACHED);
    }

    @Test
    void thirtyAgentsWorkAThousandConversationsWithinCapacity() {
        CareDesk.Builder b = desk(EscalationPolicy.none());
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Agent a = Agent.of(String.format("agent%02d", i), "Agent " + i, "A" + i, CARE)
                    .withCapacity(3 + i % 5);
            agents.add(a);
            b.agent(a);
        }
        CareDesk desk = b.build();
        java.util.Random random = new java.util.Random(7);
        java.util.Map<AgentId, Integer> total = new java.util.HashMap<>();
        for (int n = 0; n < 1000; n += 10) {
            List<InboundMessage> batch = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                batch.add(tweet(customer("c" + (n + k), 5), "question " + (n + k)));
            }
            for (ConversationId id : desk.ingest(Batch.of(batch)).touched()) {
                desk.conversation(id).orElseThrow().assignee().ifPresent(a -> total.merge(a, 1, Integer::sum));
            }
            for (Agent a : agents) {
                List<Conversation> held = desk.assignedTo(a.id());
                assertThat(held.size()).as("%s within capacity", a.id()).isLessThanOrEqualTo(a.capacity());
                for (Conversation c : held) {
                    if (random.nextInt(3) == 0) {
                        desk.resolve(c.id(), a.id()); // frees room: waiting work is assigned right away
                    }
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        // every conversation was assigned at ingest or from the queue later
        int assigned = 1000 - desk.queue(CARE, 2000).size();
        assertThat(assigned).isGreaterThan(900);
        for (Agent a : agents) {
            assertThat(desk.assignedTo(a.id()).size()).isLessThanOrEqualTo(a.capacity());
        }
        int min = agents.stream()
                .mapToInt(a -> total.getOrDefault(a.id(), 0))
                .min()
                .orElseThrow();
        assertThat(min).as("every agent gets work at ingest").isGreaterThan(0);
    }

    @Test
    void buildRejectsRulesAndRoutingThatNameUnknownTeams() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk(EscalationPolicy.builder()
                                .rule("fraud")
                                .when(riskFlag(RiskFlag.FRAUD))
                                .then(reassignToTeam(TeamId.of("fraud-squad")))
                                .build())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'fraud'")
                .hasMessageContaining("'fraud-squad'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk(EscalationPolicy.none())
                        .routing(RoutingPolicy.builder()
                                .businessUnitTeam("mortgages", TeamId.of("mortgage-team"))
                                .build())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'mortgages'")
                .hasMessageContaining("'mortgage-team'");
    }

    static void flag(CareDesk desk, ConversationId id, RiskFlag flag) {
        Conversation c = desk.conversation(id).orElseThrow();
        desk.storage().conversations().save(c.withTriage(Category.COMPLAINT, java.util.Set.of(flag), c.priority()));
    }
}
