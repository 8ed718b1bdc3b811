package org.socialcare.core.internal.ops;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.routing.AgentLoad;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;

/**
 * Routes conversations by the desk's {@link RoutingPolicy}: the team of a new conversation, and the assignment
 * of a team's waiting conversations to its agents who can take more. Writes run in the caller's transaction
 * unless the method says otherwise. Not API. Thread-safe.
 */
public final class RoutingService {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);

    private final DeskContext ctx;
    private final RoutingPolicy routing;

    /** @throws IllegalStateException naming the setting when a channel agent cannot work (see {@link #checkChannelAgents}) */
    public RoutingService(DeskContext ctx, RoutingPolicy routing) {
        this.ctx = ctx;
        this.routing = routing;
        checkChannelAgents();
    }

    /** The desk's build fails on a channel agent that cannot work: unknown channel or agent, or an agent outside the channel's team. */
    private void checkChannelAgents() {
        routing.channelAgents().forEach((channelId, agentId) -> {
            String setting = "routing channelAgent(" + channelId + ", " + agentId + "): ";
            List<ChannelId> configured =
                    ctx.channels().all().stream().map(Channel::id).toList();
            if (!configured.contains(channelId)) {
                throw new IllegalStateException(setting + "channel '" + channelId
                        + "' is not configured; configured channels are " + configured);
            }
            Optional<Agent> agent = ctx.directory().agent(agentId);
            if (agent.isEmpty()) {
                throw new IllegalStateException(setting + "agent '" + agentId
                        + "' is not configured; configured agents are "
                        + ctx.directory().agents().stream()
                                .map(a -> a.id().value())
                                .sorted()
                                .toList());
            }
            TeamId team = routing.teamFor(ctx.channels().get(channelId));
            if (!agent.get().team().equals(team)) {
                throw new IllegalStateException(setting + "agent '" + agentId + "' belongs to team '"
                        + agent.get().team() + "' but conversations on channel '" + channelId + "' go to team '"
                        + team + "'; the agent must be in that team");
            }
        });
    }

    /** The team a new conversation on the channel goes to. */
    public TeamId teamFor(Channel channel) {
        return routing.teamFor(channel);
    }

    /** {@link #assignWaiting(TeamId)} for a known team in its own transaction (the public operation). */
    public int assignWaitingNow(TeamId team) {
        ctx.directory().requireTeam(team);
        return ctx.tx().inTransaction(() -> assignWaiting(team));
    }

    /** Assigns waiting work of every team in {@code changed}, in the order given. */
    public void assignWaiting(Set<TeamId> changed) {
        changed.forEach(this::assignWaiting);
    }

    /**
     * Assigns the team's waiting conversations, highest in queue order first, to agents who can take more;
     * returns how many were assigned. Must run inside a transaction. Does nothing when auto-assignment is off.
     *
     * <p>Conversations of a channel agent who has no room now are passed over (they wait for that agent), and
     * the queue is read further, so they never block the team's other work.
     */
    public int assignWaiting(TeamId team) {
        if (!routing.autoAssign()) {
            return 0;
        }
        if (!ctx.storage().conversations().hasUnassigned(team)) {
            return 0; // nothing waits: spare the per-agent load queries (the common case on a staffed desk)
        }
        Map<AgentId, AgentLoad> loads = new LinkedHashMap<>();
        int free = 0;
        for (Agent a : ctx.directory().agents()) {
            boolean channelAgent = routing.channelAgents().containsValue(a.id());
            if (a.team().equals(team) && (a.presence() == Presence.ONLINE || channelAgent)) {
                // A channel agent is a candidate whatever their presence: their channel's conversations wait for them.
                // a maintained count: listing the agent's conversations would cost their whole backlog
                AgentLoad load = new AgentLoad(a, ctx.storage().conversations().countAssigned(a.id()));
                loads.put(a.id(), load);
                if (a.presence() == Presence.ONLINE) {
                    free += Math.max(0, a.capacity() - load.active());
                }
            }
        }
        if (free == 0) {
            return 0;
        }
        Optional<String> unit = ctx.directory().team(team).flatMap(Team::businessUnit);
        int assigned = 0;
        Set<ConversationId> seen = new LinkedHashSet<>();
        int passedOver = 0;
        boolean othersBlocked = false; // nobody can take a conversation without a channel agent any more
        int limit = free;
        while (true) {
            List<Conversation> page = ctx.storage().conversations().unassignedQueue(team, limit);
            boolean progress = false;
            for (Conversation c : page) {
                if (!seen.add(c.id())) {
                    continue;
                }
                progress = true;
                boolean ownChannel = routing.channelAgent(c.channel())
                        .filter(loads::containsKey)
                        .isPresent();
                if (!ownChannel && othersBlocked) {
                    passedOver++;
                    continue;
                }
                Optional<String> bu =
                        ctx.channels().get(c.channel()).businessUnit().or(() -> unit);
                Optional<AgentId> agent = routing.choose(c, bu, List.copyOf(loads.values()));
                if (agent.isEmpty()) {
                    passedOver++;
                    othersBlocked |= !ownChannel;
                    continue;
                }
                try {
                    Conversation saved = ctx.storage().conversations().save(c.assignTo(team, agent));
                    ctx.audit()
                            .conversation(
                                    ctx.clock().instant(),
                                    DeskAudit.SYSTEM,
                                    AuditAction.ROUTED,
                                    saved,
                                    "assigned to " + agent.get() + " ("
                                            + (ownChannel
                                                    ? "the agent's own channel"
                                                    : routing.strategy().toString()) + ", priority " + saved.priority()
                                            + ")");
                    loads.computeIfPresent(agent.get(), (k, l) -> l.plusOne());
                    assigned++;
                    free--;
                } catch (ConcurrentUpdateException e) {
                    passedOver++;
                    LOG.debug("conversation {} changed while routing; it stays in the queue", c.id());
                }
            }
            boolean channelAgentHasRoom = loads.values().stream()
                    .anyMatch(l -> l.canTakeMore()
                            && routing.channelAgents().containsValue(l.agent().id()));
            if (!progress || page.size() < limit || free <= 0 || (othersBlocked && !channelAgentHasRoom)) {
                return assigned;
            }
            // Read past what was passed over: it stays at the head of the queue, the assigned ones left it.
            limit = passedOver + free;
        }
    }
}
