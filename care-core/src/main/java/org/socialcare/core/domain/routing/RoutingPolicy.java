package org.socialcare.core.domain.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.TeamId;

/**
 * Decides who works a conversation: first the team (the team configured for the channel's business unit,
 * else the channel's own team), then an agent of that team by {@link Strategy}. Only agents that
 * {@link AgentLoad#canTakeMore() can take more} (ONLINE and below their capacity) are chosen; supervisors only
 * when {@link Builder#includeSupervisors(boolean)} says so. When nobody can take it, the conversation waits
 * in the team queue, which stores order by priority, then SLA due time; the desk assigns waiting work
 * (highest first) whenever an agent frees capacity or comes online.
 *
 * <p>Thread-safe. ROUND_ROBIN keeps a per-team cursor in this instance (per node: with several desks on one
 * database each rotates on its own, which still spreads work).
 */
public final class RoutingPolicy {
    /** How an agent is chosen among those who can take more. */
    public enum Strategy {
        /** Rotates through the team's agents in id order. */
        ROUND_ROBIN,
        /** The agent with the lowest share of capacity in use (then fewest conversations; ties rotate). */
        LEAST_LOADED,
        /**
         * The best skills fit (customer's language first, then complaint handling for complaints and risky
         * conversations, then the business unit), least loaded among equally fit agents (ties rotate). A conversation no agent
         * fits perfectly still goes to the best fit rather than waiting.
         */
        SKILLS_MATCH
    }

    private final Strategy strategy;
    private final boolean autoAssign;
    private final boolean includeSupervisors;
    private final Map<String, TeamId> teamByBusinessUnit;
    private final Map<TeamId, String> lastAssigned = new ConcurrentHashMap<>();

    private RoutingPolicy(Builder b) {
        this.strategy = b.strategy;
        this.autoAssign = b.autoAssign;
        this.includeSupervisors = b.includeSupervisors;
        this.teamByBusinessUnit = Map.copyOf(b.teamByBusinessUnit);
    }

    /** Auto-assignment off: conversations wait in their channel's team queue until an agent claims them. */
    public static RoutingPolicy queueOnly() {
        return builder().autoAssign(false).build();
    }

    /** Starts with LEAST_LOADED, auto-assignment on, supervisors excluded, no business-unit rules. */
    public static Builder builder() {
        return new Builder();
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Whether the desk assigns agents itself (otherwise agents claim from the queue). */
    public boolean autoAssign() {
        return autoAssign;
    }

    /** The business-unit rules: unit -> team. */
    public Map<String, TeamId> businessUnitTeams() {
        return teamByBusinessUnit;
    }

    /** The team for a conversation on {@code channel}: its business unit's team if configured, else the channel's. */
    public TeamId teamFor(Channel channel) {
        Checks.notNull(channel, "channel");
        return channel.businessUnit().map(teamByBusinessUnit::get).orElse(channel.team());
    }

    /**
     * Picks an agent for {@code conversation} among {@code candidates} (the team's agents with their loads),
     * or empty when none can take more. {@code businessUnit} is the unit the conversation belongs to (from its
     * channel or team), for SKILLS_MATCH.
     */
    public Optional<AgentId> choose(Conversation conversation, Optional<String> businessUnit, List<AgentLoad> candidates) {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(businessUnit, "businessUnit");
        Checks.notNull(candidates, "candidates");
        List<AgentLoad> able = candidates.stream()
                .filter(AgentLoad::canTakeMore)
                .filter(a -> includeSupervisors || !a.agent().supervisor())
                .sorted(Comparator.comparing(a -> a.agent().id().value()))
                .toList();
        if (able.isEmpty()) {
            return Optional.empty();
        }
        TeamId team = conversation.team().orElse(TeamId.of("-"));
        List<AgentLoad> best = switch (strategy) {
            case ROUND_ROBIN -> able;
            case LEAST_LOADED -> leastLoaded(able);
            case SKILLS_MATCH -> {
                int top = able.stream().mapToInt(a -> fit(a.agent().skills(), conversation, businessUnit)).max().orElseThrow();
                yield leastLoaded(able.stream().filter(a -> fit(a.agent().skills(), conversation, businessUnit) == top).toList());
            }
        };
        // Ties rotate, so a quiet desk does not hand everything to the agent with the smallest id.
        AgentId chosen = roundRobin(team, best);
        return Optional.of(chosen);
    }

    /** The agents with the lowest share of capacity in use, and among them the fewest conversations. */
    private static List<AgentLoad> leastLoaded(List<AgentLoad> able) {
        Comparator<AgentLoad> order = Comparator.comparingDouble(AgentLoad::utilisation).thenComparingInt(AgentLoad::active);
        AgentLoad min = able.stream().min(order).orElseThrow();
        return able.stream().filter(a -> order.compare(a, min) == 0).toList();
    }

    private AgentId roundRobin(TeamId team, List<AgentLoad> able) {
        AgentId[] chosen = new AgentId[1];
        lastAssigned.compute(team, (k, last) -> {
            AgentLoad next = last == null ? able.get(0)
                    : able.stream().filter(a -> a.agent().id().value().compareTo(last) > 0).findFirst().orElse(able.get(0));
            chosen[0] = next.agent().id();
            return chosen[0].value();
        });
        return chosen[0];
    }

    /** Skills fit score: language 4, complaint handling 2, business unit 1 (a requirement that does not apply counts as met). */
    static int fit(Skills skills, Conversation c, Optional<String> businessUnit) {
        int score = 0;
        Optional<String> language = c.language().map(l -> l.split("[-_]")[0].toLowerCase(Locale.ROOT));
        if (language.isEmpty() || skills.languages().stream().anyMatch(l -> l.equalsIgnoreCase(language.get()))) {
            score += 4;
        }
        boolean needsComplaintHandling = c.category() == Category.COMPLAINT || !c.riskFlags().isEmpty();
        if (!needsComplaintHandling || skills.complaintHandling()) {
            score += 2;
        }
        if (businessUnit.isEmpty() || skills.businessUnits().contains(businessUnit.get())) {
            score += 1;
        }
        return score;
    }

    /** Configures a {@link RoutingPolicy}; not thread-safe. */
    public static final class Builder {
        private Strategy strategy = Strategy.LEAST_LOADED;
        private boolean autoAssign = true;
        private boolean includeSupervisors;
        private final Map<String, TeamId> teamByBusinessUnit = new HashMap<>();

        private Builder() {}

        public Builder strategy(Strategy value) {
            strategy = Checks.notNull(value, "strategy");
            return this;
        }

        /** Whether the desk assigns agents itself. Default true. */
        public Builder autoAssign(boolean value) {
            autoAssign = value;
            return this;
        }

        /** Whether supervisors take ordinary work too. Default false (they get escalations). */
        public Builder includeSupervisors(boolean value) {
            includeSupervisors = value;
            return this;
        }

        /** Conversations on channels of {@code businessUnit} go to {@code team}. */
        public Builder businessUnitTeam(String businessUnit, TeamId team) {
            teamByBusinessUnit.put(Checks.notBlank(businessUnit, "businessUnit"), Checks.notNull(team, "team"));
            return this;
        }

        public RoutingPolicy build() {
            return new RoutingPolicy(this);
        }
    }
}
