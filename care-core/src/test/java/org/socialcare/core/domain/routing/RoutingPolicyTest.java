package org.socialcare.core.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.OpsFixtures.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.TeamId;

class RoutingPolicyTest {
    static final TeamId CARE = TeamId.of("care");
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    static Agent agent(String id, int capacity, Skills skills) {
        return Agent.of(id, "Agent " + id, id.toUpperCase(), CARE)
                .withCapacity(capacity)
                .withSkills(skills);
    }

    static Conversation inTeam(String id) {
        return conversation(id, "askbank", "u-" + id, T0).assignTo(CARE, Optional.empty());
    }

    @Test
    void businessUnitRuleOverridesTheChannelsTeam() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .businessUnitTeam("cards", TeamId.of("cards-team"))
                .build();
        Channel cards = Channel.of("askcards", Platform.TWITTER, "AskBankCards", "100", ChannelKind.BUSINESS_UNIT, CARE)
                .withBusinessUnit("cards");
        Channel mortgages = Channel.of(
                        "mortgages", Platform.TWITTER, "BankMortgages", "101", ChannelKind.BUSINESS_UNIT, CARE)
                .withBusinessUnit("mortgages");
        Channel brand = Channel.of("brand", Platform.TWITTER, "Bank", "102", ChannelKind.BRAND, CARE);
        assertThat(policy.teamFor(cards)).isEqualTo(TeamId.of("cards-team"));
        assertThat(policy.teamFor(mortgages)).isEqualTo(CARE);
        assertThat(policy.teamFor(brand)).isEqualTo(CARE);
    }

    @Test
    void onlyOnlineAgentsBelowCapacityAreChosenAndSupervisorsAreSpared() {
        RoutingPolicy policy = RoutingPolicy.builder().build();
        List<AgentLoad> loads = List.of(
                new AgentLoad(agent("away", 5, Skills.none()).withPresence(Presence.AWAY), 0),
                new AgentLoad(agent("full", 2, Skills.none()), 2),
                new AgentLoad(agent("boss", 5, Skills.none()).asSupervisor(), 0),
                new AgentLoad(agent("busy", 4, Skills.none()), 3));
        assertThat(policy.choose(inTeam("c1"), Optional.empty(), loads)).contains(AgentId.of("busy"));
        assertThat(policy.choose(inTeam("c1"), Optional.empty(), loads.subList(0, 3)))
                .isEmpty();
        assertThat(RoutingPolicy.builder()
                        .includeSupervisors(true)
                        .build()
                        .choose(inTeam("c1"), Optional.empty(), loads))
                .contains(AgentId.of("boss"));
    }

    @ParameterizedTest
    @EnumSource(RoutingPolicy.Strategy.class)
    void anAgentsOwnChannelGoesToThatAgentOnlyWhateverTheStrategy(RoutingPolicy.Strategy strategy) {
        RoutingPolicy policy = RoutingPolicy.builder()
                .strategy(strategy)
                .channelAgent(ChannelId.of("jo-account"), AgentId.of("jo"))
                .build();
        Conversation personal = conversation("p1", "jo-account", "u-p1", T0).assignTo(CARE, Optional.empty());
        AgentLoad idle = new AgentLoad(agent("idle", 10, Skills.of(Set.of("en"), Set.of(), true)), 0);
        AgentLoad jo = new AgentLoad(agent("jo", 10, Skills.none()).asSupervisor(), 9);

        assertThat(policy.choose(personal, Optional.empty(), List.of(idle, jo)))
                .as("busier, supervisor, worse fit: still Jo")
                .contains(AgentId.of("jo"));
        assertThat(policy.choose(personal, Optional.empty(), List.of(idle, jo.plusOne())))
                .as("Jo at capacity: waits")
                .isEmpty();
        assertThat(policy.choose(
                        personal,
                        Optional.empty(),
                        List.of(idle, new AgentLoad(jo.agent().withPresence(Presence.OFFLINE), 0))))
                .as("Jo offline: waits")
                .isEmpty();
        assertThat(policy.choose(personal, Optional.empty(), List.of(idle)))
                .as("moved to a team without Jo: by strategy")
                .contains(AgentId.of("idle"));
        assertThat(policy.choose(
                        inTeam("c1"),
                        Optional.empty(),
                        List.of(idle, new AgentLoad(agent("jo", 10, Skills.none()), 0))))
                .as("other channels: Jo is an ordinary candidate")
                .isPresent();
        assertThat(policy.channelAgent(ChannelId.of("jo-account"))).contains(AgentId.of("jo"));
        assertThat(policy.channelAgent(ChannelId.of("askbank"))).isEmpty();
    }

    @Test
    void aChannelHasOneAgentAndChannelAgentsNeedAutoAssignment() {
        assertThatThrownBy(() -> RoutingPolicy.builder()
                        .channelAgent(ChannelId.of("jo-account"), AgentId.of("jo"))
                        .channelAgent(ChannelId.of("jo-account"), AgentId.of("kai")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel 'jo-account' is already the channel of agent 'jo'")
                .hasMessageContaining("'kai'");
        assertThatThrownBy(() -> RoutingPolicy.builder()
                        .autoAssign(false)
                        .channelAgent(ChannelId.of("jo-account"), AgentId.of("jo"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channelAgent needs autoAssign(true)")
                .hasMessageContaining("jo-account=jo");
    }

    @Test
    void leastLoadedComparesShareOfCapacity() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .strategy(RoutingPolicy.Strategy.LEAST_LOADED)
                .build();
        List<AgentLoad> loads = List.of(
                new AgentLoad(agent("senior", 10, Skills.none()), 4),
                new AgentLoad(agent("junior", 3, Skills.none()), 2));
        assertThat(policy.choose(inTeam("c1"), Optional.empty(), loads)).contains(AgentId.of("senior"));
    }

    @Test
    void roundRobinRotatesThroughTheTeam() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .strategy(RoutingPolicy.Strategy.ROUND_ROBIN)
                .build();
        List<AgentLoad> loads = List.of(
                new AgentLoad(agent("a", 5, Skills.none()), 0),
                new AgentLoad(agent("b", 5, Skills.none()), 0),
                new AgentLoad(agent("c", 5, Skills.none()), 0));
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            picks.add(policy.choose(inTeam("c" + i), Optional.empty(), loads)
                    .orElseThrow()
                    .value());
        }
        assertThat(picks).containsExactly("a", "b", "c", "a", "b");
    }

    @Test
    void spanishComplaintAboutCardsGoesToTheSpanishSpeakingComplaintHandler() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                .build();
        List<AgentLoad> loads = List.of(
                new AgentLoad(agent("en-cards", 5, Skills.of(Set.of("en"), Set.of("cards"), true)), 0),
                new AgentLoad(agent("es-general", 5, Skills.of(Set.of("en", "es"), Set.of(), false)), 0),
                new AgentLoad(agent("es-complaints", 5, Skills.of(Set.of("es"), Set.of("mortgages"), true)), 3));
        Conversation complaint = inTeam("c1")
                .copy()
                .language(Optional.of("es-MX"))
                .category(Category.COMPLAINT)
                .build();
        assertThat(policy.choose(complaint, Optional.of("cards"), loads)).contains(AgentId.of("es-complaints"));

        Conversation question = inTeam("c2")
                .copy()
                .language(Optional.of("es"))
                .category(Category.QUESTION)
                .build();
        assertThat(policy.choose(question, Optional.of("cards"), loads)).contains(AgentId.of("es-general"));

        Conversation fraud = inTeam("c3")
                .copy()
                .language(Optional.of("en"))
                .riskFlags(Set.of(RiskFlag.FRAUD))
                .build();
        assertThat(policy.choose(fraud, Optional.of("cards"), loads)).contains(AgentId.of("en-cards"));
    }

    @Test
    void skillsMatchFallsBackToBestFitInsteadOfLeavingTheCustomerWaiting() {
        RoutingPolicy policy = RoutingPolicy.builder()
                .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                .build();
        List<AgentLoad> loads = List.of(new AgentLoad(agent("en", 5, Skills.of(Set.of("en"), Set.of(), false)), 0));
        Conversation italian = inTeam("c1").copy().language(Optional.of("it")).build();
        assertThat(policy.choose(italian, Optional.empty(), loads)).contains(AgentId.of("en"));
    }

    /**
     * 30 agents with mixed skills and capacities 4 to 12 work 1,000 conversations that arrive one by one while
     * earlier ones get resolved at random with the desk near capacity: nobody is ever over capacity, and the work is spread in proportion
     * to capacity within a bound.
     */
    @ParameterizedTest
    @EnumSource(RoutingPolicy.Strategy.class)
    void thousandConversationsAreSpreadFairlyAndNobodyExceedsCapacity(RoutingPolicy.Strategy strategy) {
        Random random = new Random(42);
        RoutingPolicy policy = RoutingPolicy.builder().strategy(strategy).build();
        List<Agent> agents = new ArrayList<>();
        String[] languages = {"en", "es", "fr"};
        for (int i = 0; i < 30; i++) {
            agents.add(agent(
                    String.format("agent%02d", i),
                    4 + (i % 9),
                    Skills.of(
                            new java.util.TreeSet<>(List.of("en", languages[i % 3])),
                            Set.of(i % 2 == 0 ? "cards" : "loans"),
                            i % 4 == 0)));
        }
        int totalCapacity = agents.stream().mapToInt(Agent::capacity).sum();
        Map<AgentId, List<String>> holding = new HashMap<>();
        Map<AgentId, Integer> assignedTotal = new HashMap<>();
        agents.forEach(a -> holding.put(a.id(), new ArrayList<>()));
        int waited = 0;
        for (int n = 0; n < 1000; n++) {
            // the desk runs near capacity: once 90% of it is in use, a random conversation is resolved per arrival
            int active = holding.values().stream().mapToInt(List::size).sum();
            while (active >= totalCapacity * 0.9) {
                List<AgentId> order = holding.keySet().stream()
                        .sorted(java.util.Comparator.comparing(AgentId::value))
                        .toList();
                int pick = random.nextInt(active);
                for (AgentId id : order) {
                    List<String> theirs = holding.get(id);
                    if (pick < theirs.size()) {
                        theirs.remove(pick);
                        break;
                    }
                    pick -= theirs.size();
                }
                active--;
            }
            Conversation c = inTeam("c" + n)
                    .copy()
                    .language(Optional.of(languages[random.nextInt(3)]))
                    .category(random.nextInt(5) == 0 ? Category.COMPLAINT : Category.QUESTION)
                    .priority(Priority.NORMAL)
                    .build();
            List<AgentLoad> loads = agents.stream()
                    .map(a -> new AgentLoad(a, holding.get(a.id()).size()))
                    .toList();
            Optional<AgentId> chosen = policy.choose(c, Optional.of(random.nextBoolean() ? "cards" : "loans"), loads);
            if (chosen.isEmpty()) {
                waited++;
                continue;
            }
            holding.get(chosen.get()).add(c.id().value());
            assignedTotal.merge(chosen.get(), 1, Integer::sum);
            for (Agent a : agents) {
                assertThat(holding.get(a.id()).size())
                        .as("%s holds within capacity", a.id())
                        .isLessThanOrEqualTo(a.capacity());
            }
        }
        assertThat(waited).as("work waits only when everybody is full").isZero();
        assertThat(assignedTotal.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(1000);
        // Under load work follows capacity: every agent's share per unit of capacity is within half and twice the fair
        // share.
        double fairShare = 1000.0 / totalCapacity;
        for (Agent a : agents) {
            double perCapacity = assignedTotal.getOrDefault(a.id(), 0) / (double) a.capacity();
            assertThat(perCapacity)
                    .as("%s (%s) share per unit of capacity", a.id(), strategy)
                    .isBetween(fairShare / 2, fairShare * 2);
        }
    }
}
