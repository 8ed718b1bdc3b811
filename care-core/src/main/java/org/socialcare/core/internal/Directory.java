package org.socialcare.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;

/**
 * The desk's teams and agents: configured at build time, added and retired by an operator while the desk runs,
 * agents' presence changing as they work. Iterated in id order so that every decision that walks them is
 * repeatable. In memory, one per desk instance: nothing here is stored or shared with other nodes. Not API.
 *
 * <p>Thread-safe: reads never block; additions and retirements are serialized, so a precondition they check (an
 * id is free, a team exists, a team has no agents) still holds when the change is made.
 */
public final class Directory {
    private final Map<TeamId, Team> teams = new ConcurrentSkipListMap<>(Comparator.comparing(TeamId::value));
    private final Map<AgentId, Agent> agents = new ConcurrentSkipListMap<>(Comparator.comparing(AgentId::value));
    private final Object changes = new Object();

    public Directory(Map<TeamId, Team> teams, Map<AgentId, Agent> agents) {
        this.teams.putAll(teams);
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

    /**
     * Runs {@code change} while no team can be added or retired, once the team is known to exist: a channel added
     * for the team cannot race its retirement.
     *
     * @throws CareException naming the team and the configured ones when it is unknown
     */
    public void withTeam(TeamId id, Runnable change) {
        synchronized (changes) {
            requireTeam(id);
            change.run();
        }
    }

    /**
     * Replaces the agent's record (a presence change).
     *
     * @throws CareException when the agent is unknown (retired meanwhile): a change never brings a retired agent back
     */
    public void update(Agent agent) {
        if (agents.computeIfPresent(agent.id(), (id, before) -> agent) == null) {
            requireAgent(agent.id());
        }
    }

    /**
     * Adds the team, then runs {@code then} (its audit line); when {@code then} throws, the team is taken out again
     * and the error rethrown.
     *
     * @throws CareException when a team with that id exists
     */
    public void addTeam(Team team, Consumer<Team> then) {
        Checks.notNull(team, "team");
        synchronized (changes) {
            if (teams.containsKey(team.id())) {
                throw new CareException(
                        "team '" + team.id() + "' exists already; configured teams are " + teams.keySet());
            }
            teams.put(team.id(), team);
            undoing(then, team, () -> teams.remove(team.id()));
        }
    }

    /**
     * Removes the team unless it still has agents or {@code usedBy} names something else that still uses it, then
     * runs {@code then}; when {@code then} throws, the team is put back and the error rethrown. Returns the team.
     *
     * @throws CareException when the team is unknown, or naming its agents and whatever else uses it
     */
    public Team removeTeam(TeamId id, Function<Team, List<String>> usedBy, Consumer<Team> then) {
        synchronized (changes) {
            requireTeam(id);
            Team team = teams.get(id);
            List<String> users = new ArrayList<>();
            List<String> members = agents.values().stream()
                    .filter(a -> a.team().equals(id))
                    .map(a -> a.id().value())
                    .toList();
            if (!members.isEmpty()) {
                users.add("agents " + members);
            }
            users.addAll(usedBy.apply(team));
            if (!users.isEmpty()) {
                throw new CareException("team '" + id + "' is still in use: " + String.join("; ", users)
                        + "; retire or change those first");
            }
            teams.remove(id);
            undoing(then, team, () -> teams.putIfAbsent(id, team));
            return team;
        }
    }

    /**
     * Adds the agent, then runs {@code then}; when {@code then} throws, the agent is taken out again and the error
     * rethrown.
     *
     * @throws CareException when an agent with that id exists or the agent's team is unknown
     */
    public void addAgent(Agent agent, Consumer<Agent> then) {
        Checks.notNull(agent, "agent");
        synchronized (changes) {
            if (agents.containsKey(agent.id())) {
                throw new CareException(
                        "agent '" + agent.id() + "' exists already; configured agents are " + agents.keySet());
            }
            if (!teams.containsKey(agent.team())) {
                throw new CareException("agent '" + agent.id() + "' belongs to team '" + agent.team()
                        + "', which is unknown; configured teams are " + teams.keySet());
            }
            agents.put(agent.id(), agent);
            undoing(then, agent, () -> agents.remove(agent.id()));
        }
    }

    /**
     * Removes the agent unless {@code usedBy} names something that still needs them, then runs {@code then} (the
     * hand-over of their work and its audit); when {@code then} throws, the agent is put back and the error
     * rethrown. Returns their last record.
     *
     * @throws CareException when the agent is unknown, or naming what still needs them
     */
    public Agent removeAgent(AgentId id, Function<Agent, List<String>> usedBy, Consumer<Agent> then) {
        synchronized (changes) {
            Agent agent = requireAgent(id);
            List<String> users = usedBy.apply(agent);
            if (!users.isEmpty()) {
                throw new CareException("agent '" + id + "' is still in use: " + String.join("; ", users)
                        + "; change that configuration first");
            }
            agents.remove(id);
            undoing(then, agent, () -> agents.putIfAbsent(id, agent));
            return agent;
        }
    }

    private static <T> void undoing(Consumer<T> then, T value, Runnable undo) {
        try {
            then.accept(value);
        } catch (RuntimeException | Error e) {
            undo.run();
            throw e;
        }
    }
}
