package org.socialcare.core.internal.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationAction;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.escalation.EscalationRule;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.internal.DeskContext;

/**
 * Teams and agents added and retired on a running desk (the operator API's side): checks what still uses a team or
 * agent against the desk's configuration, hands a retired agent's work back to the queue, and audits each change
 * under the operator in one transaction with it. Changes one desk's in-memory {@code Directory} only. Not API.
 * Thread-safe: changes are serialized by the directory.
 */
public final class DirectoryChanges {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryChanges.class);

    private final DeskContext ctx;
    private final RoutingService routingService;
    private final RoutingPolicy routing;
    private final EscalationPolicy escalation;

    public DirectoryChanges(
            DeskContext ctx, RoutingService routingService, RoutingPolicy routing, EscalationPolicy escalation) {
        this.ctx = ctx;
        this.routingService = routingService;
        this.routing = routing;
        this.escalation = escalation;
    }

    /** See {@code Operations.addTeam}. */
    public Team addTeam(Team team, String operator) {
        Checks.notNull(team, "team");
        String actor = actor(operator);
        ctx.directory().addTeam(team, t -> audit(actor, AuditAction.TEAM_ADDED, "team " + t.id() + " added"));
        LOG.info("team {} added by {}", team.id(), actor);
        return team;
    }

    /** See {@code Operations.retireTeam}. */
    public Team retireTeam(TeamId id, String operator) {
        Checks.notNull(id, "team id");
        String actor = actor(operator);
        Team retired = ctx.directory()
                .removeTeam(
                        id, this::usersOf, t -> audit(actor, AuditAction.TEAM_RETIRED, "team " + t.id() + " retired"));
        LOG.info("team {} retired by {}", id, actor);
        return retired;
    }

    /** See {@code Operations.addAgent}. */
    public Agent addAgent(Agent agent, String operator) {
        Checks.notNull(agent, "agent");
        String actor = actor(operator);
        ctx.directory()
                .addAgent(
                        agent,
                        a -> audit(
                                actor,
                                AuditAction.AGENT_ADDED,
                                "agent " + a.id() + " added to team " + a.team()
                                        + (a.supervisor() ? " as a supervisor" : "")));
        LOG.info("agent {} added to team {} by {}", agent.id(), agent.team(), actor);
        if (agent.presence() == Presence.ONLINE) {
            routingService.assignWaitingNow(agent.team()); // as for an agent coming online: waiting work first
        }
        return agent;
    }

    /** See {@code Operations.retireAgent}. */
    public Agent retireAgent(AgentId id, String operator) {
        Checks.notNull(id, "agent id");
        String actor = actor(operator);
        Set<TeamId> queues = new LinkedHashSet<>();
        Agent retired = ctx.directory().removeAgent(id, this::usersOf, agent -> {
            queues.clear(); // a failed attempt leaves nothing behind
            ctx.tx().run(() -> {
                List<Conversation> held = ctx.storage().conversations().assignedTo(id);
                for (Conversation c : held) {
                    Conversation saved = ctx.storage().conversations().save(c.unassign());
                    ctx.audit()
                            .conversation(ctx.clock().instant(), actor, AuditAction.UNASSIGNED, saved, id + " retired");
                    queues.add(saved.team().orElse(agent.team()));
                }
                audit(
                        actor,
                        AuditAction.AGENT_RETIRED,
                        "agent " + id + " of team " + agent.team() + " retired; " + held.size()
                                + " conversation(s) back in the queue");
            });
        });
        LOG.info("agent {} retired by {}; their conversations went back to the queues of {}", id, actor, queues);
        // route what they held as the desk does when an agent goes offline; teams retired meanwhile are skipped
        queues.removeIf(team -> ctx.directory().team(team).isEmpty());
        ctx.tx().run(() -> routingService.assignWaiting(queues));
        return retired;
    }

    /** What in the desk's configuration or storage still needs the team, besides its agents. */
    private List<String> usersOf(Team team) {
        TeamId id = team.id();
        List<String> users = new ArrayList<>();
        List<String> channels = ctx.channels().all().stream()
                .filter(c -> c.team().equals(id))
                .map(c -> c.id().value())
                .toList();
        if (!channels.isEmpty()) {
            users.add("channels " + channels);
        }
        List<String> units = routing.businessUnitTeams().entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey)
                .toList();
        if (!units.isEmpty()) {
            users.add("routing rules for business units " + units);
        }
        List<String> rules = escalation.rules().stream()
                .filter(r -> r.then().stream()
                        .anyMatch(a -> a instanceof EscalationAction.ReassignToTeam to
                                && to.team().equals(id)))
                .map(EscalationRule::id)
                .toList();
        if (!rules.isEmpty()) {
            users.add("escalation rules " + rules + " (reassign to team)");
        }
        if (ctx.tx().inTransaction(() -> ctx.storage().conversations().hasUnassigned(id))) {
            users.add("conversations waiting in its queue");
        }
        // an agent of another team (a supervisor, a helper) may hold the team's conversations: when they let one go
        // it goes back to this team's queue, so the team must stay until they are done
        List<String> heldElsewhere = ctx.tx().inTransaction(() -> ctx.directory().agents().stream()
                .filter(a -> !a.team().equals(id))
                .flatMap(a -> ctx.storage().conversations().assignedTo(a.id()).stream()
                        .filter(c -> c.team().filter(id::equals).isPresent())
                        .map(c -> c.id().value() + " (held by " + a.id() + ")"))
                .toList());
        if (!heldElsewhere.isEmpty()) {
            users.add(heldElsewhere.size() + " active conversation(s) of the team held by agents of other teams "
                    + heldElsewhere.subList(0, Math.min(10, heldElsewhere.size()))
                    + (heldElsewhere.size() > 10 ? " and more" : ""));
        }
        return users;
    }

    /** What in the desk's configuration still needs the agent. */
    private List<String> usersOf(Agent agent) {
        List<String> channels = routing.channelAgents().entrySet().stream()
                .filter(e -> e.getValue().equals(agent.id()))
                .map(e -> e.getKey().value())
                .toList();
        return channels.isEmpty() ? List.of() : List.of("routing channelAgent for channels " + channels);
    }

    private void audit(String actor, AuditAction action, String detail) {
        ctx.tx().run(() -> ctx.audit().desk(ctx.clock().instant(), actor, action, detail));
    }

    private static String actor(String operator) {
        return "operator:" + Checks.notBlank(operator, "operator");
    }
}
