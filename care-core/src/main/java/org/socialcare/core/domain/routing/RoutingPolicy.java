package org.socialcare.core.domain.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
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
 * <p>A channel of one agent's own (an adviser's personal account, {@code ChannelKind.INDIVIDUAL_AGENT}) is
 * given to that agent with {@link Builder#channelAgent(ChannelId, AgentId)}: its conversations go to that agent
 * only, whatever the strategy, supervisor or not; while the agent is not ONLINE or at capacity they wait in the
 * team queue (teammates may still claim them) and are assigned to the agent when they have room again. The
 * desk's build checks that the channel and agent exist and that the agent belongs to the channel's team.
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
    private final Map<ChannelId, AgentId> agentByChannel;
    private final Map<TeamId, String> lastAssigned = new ConcurrentHashMap<>();

    private RoutingPolicy(Builder b) {
        this.strategy = b.strategy;
        this.autoAssign = b.autoAssign;
        this.includeSupervisors = b.includeSupervisors;
        this.teamByBusinessUnit = sortedCopy(b.teamByBusinessUnit, Comparator.naturalOrder());
        this.agentByChannel = sortedCopy(b.agentByChannel, Comparator.comparing(ChannelId::value));
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

    /** The channels of one agent's own: channel -> agent (see {@link Builder#channelAgent}). */
    public Map<ChannelId, AgentId> channelAgents() {
        return agentByChannel;
    }

    /** The agent whose own channel {@code channel} is, if it is one. */
    public Optional<AgentId> channelAgent(ChannelId channel) {
        return Optional.ofNullable(agentByChannel.get(Checks.notNull(channel, "channel")));
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
     *
     * <p>A conversation on a {@linkplain #channelAgent(ChannelId) channel of one agent's own} goes to that agent
     * only: the agent when among the candidates and able to take more, else empty (it waits for them). When the
     * agent is not among the candidates at all (an escalation moved the conversation to another team), the
     * strategy picks as usual; so the caller lists the channel's agent among the candidates whatever their
     * presence when the agent belongs to the team.
     */
    public Optional<AgentId> choose(
            Conversation conversation, Optional<String> businessUnit, List<AgentLoad> candidates) {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(businessUnit, "businessUnit");
        Checks.notNull(candidates, "candidates");
        Optional<AgentId> own = channelAgent(conversation.channel());
        if (own.isPresent()) {
            Optional<AgentLoad> owner = candidates.stream()
                    .filter(a -> a.agent().id().equals(own.get()))
                    .findFirst();
            if (owner.isPresent()) {
                return owner.filter(AgentLoad::canTakeMore).map(a -> a.agent().id());
            }
        }
        List<AgentLoad> able = candidates.stream()
                .filter(AgentLoad::canTakeMore)
                .filter(a -> includeSupervisors || !a.agent().supervisor())
                .sorted(Comparator.comparing(a -> a.agent().id().value()))
                .toList();
        if (able.isEmpty()) {
            return Optional.empty();
        }
        TeamId team = conversation.team().orElse(TeamId.of("-"));
        List<AgentLoad> best =
                switch (strategy) {
                    case ROUND_ROBIN -> able;
                    case LEAST_LOADED -> leastLoaded(able);
                    case SKILLS_MATCH -> {
                        int top = able.stream()
                                .mapToInt(a -> fit(a.agent().skills(), conversation, businessUnit))
                                .max()
                                .orElseThrow();
                        yield leastLoaded(able.stream()
                                .filter(a -> fit(a.agent().skills(), conversation, businessUnit) == top)
                                .toList());
                    }
                };
        // Ties rotate, so a quiet desk does not hand everything to the agent with the smallest id.
        AgentId chosen = roundRobin(team, best);
        return Optional.of(chosen);
    }

    /** The agents with the lowest share of capacity in use, and among them the fewest conversations. */
    private static List<AgentLoad> leastLoaded(List<AgentLoad> able) {
        Comparator<AgentLoad> order =
                Comparator.comparingDouble(AgentLoad::utilisation).thenComparingInt(AgentLoad::active);
        AgentLoad min = able.stream().min(order).orElseThrow();
        return able.stream().filter(a -> order.compare(a, min) == 0).toList();
    }

    private AgentId roundRobin(TeamId team, List<AgentLoad> able) {
        AgentId[] chosen = new AgentId[1];
        lastAssigned.compute(team, (k, last) -> {
            AgentLoad next = last == null
                    ? able.get(0)
                    : able.stream()
                            .filter(a -> a.agent().id().value().compareTo(last) > 0)
                            .findFirst()
                            .orElse(able.get(0));
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
        boolean needsComplaintHandling =
                c.category() == Category.COMPLAINT || !c.riskFlags().isEmpty();
        if (!needsComplaintHandling || skills.complaintHandling()) {
            score += 2;
        }
        if (businessUnit.isEmpty() || skills.businessUnits().contains(businessUnit.get())) {
            score += 1;
        }
        return score;
    }

    /** An unmodifiable copy iterated in key order, so validation and descriptions do not depend on hashing. */
    private static <K, V> Map<K, V> sortedCopy(Map<K, V> map, Comparator<K> order) {
        java.util.TreeMap<K, V> sorted = new java.util.TreeMap<>(order);
        sorted.putAll(map);
        return java.util.Collections.unmodifiableMap(sorted);
    }

    private static Map<String, String> stringKeys(Map<ChannelId, AgentId> map) {
        Map<String, String> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> out.put(k.value(), v.value()));
        return out;
    }

    /** Configures a {@link RoutingPolicy}; not thread-safe. */
    public static final class Builder {
        private Strategy strategy = Strategy.LEAST_LOADED;
        private boolean autoAssign = true;
        private boolean includeSupervisors;
        private final Map<String, TeamId> teamByBusinessUnit = new HashMap<>();
        private final Map<ChannelId, AgentId> agentByChannel = new HashMap<>();

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

        /**
         * Conversations on {@code channel} (an agent's own account) go to {@code agent} only: when the agent is
         * not ONLINE or at capacity they wait in the team queue until the agent has room. One agent per channel;
         * needs auto-assignment. The desk's build rejects an unknown channel or agent, and an agent outside the
         * team the channel's conversations go to.
         *
         * @throws IllegalArgumentException if {@code channel} was already given to another agent
         */
        public Builder channelAgent(ChannelId channel, AgentId agent) {
            Checks.notNull(channel, "channel");
            Checks.notNull(agent, "agent");
            AgentId before = agentByChannel.putIfAbsent(channel, agent);
            if (before != null && !before.equals(agent)) {
                throw new IllegalArgumentException(
                        "channelAgent: channel '" + channel + "' is already the channel of agent '" + before
                                + "', cannot give it to agent '" + agent + "' too");
            }
            return this;
        }

        /** @throws IllegalStateException if channel agents are configured while auto-assignment is off */
        public RoutingPolicy build() {
            if (!autoAssign && !agentByChannel.isEmpty()) {
                throw new IllegalStateException(
                        "channelAgent needs autoAssign(true): with autoAssign(false) agents claim every conversation "
                                + "from the queue; channel agents configured: "
                                + new TreeMap<>(stringKeys(agentByChannel)));
            }
            return new RoutingPolicy(this);
        }
    }
}
