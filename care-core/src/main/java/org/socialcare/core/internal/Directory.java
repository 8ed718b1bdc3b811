package org.socialcare.core.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;

/**
 * The desk's teams (fixed at build time) and agents (their presence changes while the desk runs), iterated in
 * id order so that every decision that walks them is repeatable. Not API. Thread-safe.
 */
public final class Directory {
    private final Map<TeamId, Team> teams;
    private final Map<AgentId, Agent> agents = new ConcurrentSkipListMap<>(Comparator.comparing(AgentId::value));

    public Directory(Map<TeamId, Team> teams, Map<AgentId, Agent> agents) {
        Map<TeamId, Team> sorted = new LinkedHashMap<>();
        teams.values().stream()
                .sorted(Comparator.comparing(t -> t.id().value()))
                .forEach(t -> sorted.put(t.id(), t));
        this.teams = java.util.Collections.unmodifiableMap(sorted);
        this.agents.putAll(agents);
    }

    /** @throws CareException naming the agent and the configured ones when it is unknown */
    public Agent requireAgent(AgentId id) {
        Agent a = agents.get(Checks.notNull(id, "agent id"));
        if (a == null) {
            throw new CareException("unknown agent '" + id + "'; configured agents are " + agents.keySet());
        }
        return a;
    }

    /** @throws CareException naming the team and the configured ones when it is unknown */
    public void requireTeam(TeamId id) {
        if (!teams.containsKey(Checks.notNull(id, "team id"))) {
            throw new CareException("unknown team '" + id + "'; configured teams are " + teams.keySet());
        }
    }

    public Optional<Agent> agent(AgentId id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Optional<Team> team(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    /** Every agent in id order, with their current presence. */
    public List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    /** Every team in id order. */
    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    /** Replaces the agent's record (a presence change). */
    public void update(Agent agent) {
        agents.put(agent.id(), agent);
    }
}
