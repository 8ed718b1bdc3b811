package org.socialcare.core.internal.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.NotAssignedException;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.ops.NoticeDelivery;
import org.socialcare.core.internal.ops.RoutingService;
import org.socialcare.core.port.out.CallbackGateway;

/**
 * What agents do with conversations besides replying: list queues, claim, resolve, close, escalate, change
 * presence (giving work back or taking waiting work) and ask the phone team for a callback. Each change is saved
 * with its audit line in one transaction. Not API. Thread-safe.
 */
public final class ConversationWorkService {
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final DeskContext ctx;
    private final RoutingService routing;
    private final Optional<CallbackGateway> callbacks;
    private final NoticeDelivery notices;

    public ConversationWorkService(
            DeskContext ctx, RoutingService routing, Optional<CallbackGateway> callbacks, NoticeDelivery notices) {
        this.notices = notices;
        this.ctx = ctx;
        this.routing = routing;
        this.callbacks = callbacks;
    }

    public List<Conversation> queue(TeamId team, int limit) {
        ctx.directory().requireTeam(team);
        return ctx.storage().conversations().unassignedQueue(team, limit);
    }

    public List<Conversation> assignedTo(AgentId agent) {
        ctx.directory().requireAgent(agent);
        return ctx.storage().conversations().assignedTo(agent);
    }

    public Conversation claim(ConversationId id, AgentId agent) {
        ctx.directory().requireAgent(agent);
        return change(id, DeskAudit.agent(agent), c -> c.claim(agent), AuditAction.CLAIMED, "claimed by " + agent);
    }

    public CallbackRequest requestCallback(
            ConversationId id, AgentId agent, String phoneNumber, Optional<Instant> preferredAt) {
        ctx.directory().requireAgent(agent);
        Checks.notBlank(phoneNumber, "phoneNumber");
        Checks.notNull(preferredAt, "preferredAt");
        CallbackGateway gateway = callbacks.orElseThrow(() -> new IllegalStateException(
                "no CallbackGateway configured; set one with CareDesk.builder().callbackGateway(...)"));
        CallbackRequest request = ctx.tx().inTransaction(() -> {
            Conversation c = ctx.load(id);
            if (!c.isAssignedTo(agent)) {
                throw new NotAssignedException(id, agent, c.assignee());
            }
            CallbackRequest r = new CallbackRequest(
                    id,
                    c.customer(),
                    phoneNumber,
                    preferredAt,
                    agent,
                    ctx.clock().instant());
            ctx.audit()
                    .conversation(
                            r.requestedAt(),
                            DeskAudit.agent(agent),
                            AuditAction.CALLBACK_REQUESTED,
                            c,
                            "callback to " + r.maskedPhoneNumber()
                                    + preferredAt.map(p -> " at " + p).orElse(" as soon as possible"));
            return r;
        });
        gateway.requestCallback(request);
        return request;
    }

    public Conversation resolve(ConversationId id, AgentId agent) {
        Agent who = ctx.directory().requireAgent(agent);
        Instant now = ctx.clock().instant();
        Conversation resolved = change(
                id,
                DeskAudit.agent(agent),
                c -> {
                    if (!c.isAssignedTo(agent) && !who.supervisor()) {
                        throw new NotAssignedException(id, agent, c.assignee());
                    }
                    return c.resolve(now);
                },
                AuditAction.RESOLVED,
                "resolved by " + agent);
        ctx.events()
                .emit(new DeskEvent.ConversationResolved(
                        now,
                        resolved.channel(),
                        resolved.team(),
                        resolved.id(),
                        Duration.between(resolved.openedAt(), now)));
        // the agent who held it has room for the next waiting conversation
        routing.assignWaitingNow(resolved.assignee()
                .flatMap(ctx.directory()::agent)
                .map(Agent::team)
                .orElse(who.team()));
        return resolved;
    }

    public Conversation close(ConversationId id) {
        return change(id, SYSTEM, Conversation::close, AuditAction.CLOSED, "closed");
    }

    public Conversation escalate(ConversationId id, String actor, String reason) {
        Checks.notBlank(actor, "actor");
        Checks.notBlank(reason, "reason");
        AfterCommit after = new AfterCommit();
        Conversation c = ctx.tx().inTransaction(() -> {
            Conversation escalated = change(id, actor, Conversation::escalate, AuditAction.ESCALATED, reason);
            notices.enqueue(
                    new EscalationNotice(
                            EscalationNotice.Kind.CONVERSATION_ESCALATED,
                            escalated.channel(),
                            Optional.of(escalated.id()),
                            reason,
                            escalated.priority(),
                            ctx.clock().instant()),
                    after);
            return escalated;
        });
        after.run();
        return c;
    }

    public Agent setPresence(AgentId agentId, Presence presence) {
        Agent agent = ctx.directory().requireAgent(agentId).withPresence(presence);
        ctx.directory().update(agent);
        if (presence == Presence.OFFLINE) {
            for (Conversation c : ctx.storage().conversations().assignedTo(agentId)) {
                change(c.id(), SYSTEM, Conversation::unassign, AuditAction.UNASSIGNED, agentId + " went offline");
            }
        }
        if (presence != Presence.AWAY) {
            routing.assignWaitingNow(agent.team()); // re-route what the agent gave back, or give a returning agent work
        }
        return agent;
    }

    private Conversation change(
            ConversationId id, String actor, UnaryOperator<Conversation> f, AuditAction action, String detail) {
        return ctx.tx().inTransaction(() -> {
            Conversation saved = ctx.storage().conversations().save(f.apply(ctx.load(id)));
            ctx.audit().conversation(ctx.clock().instant(), actor, action, saved, detail);
            return saved;
        });
    }
}
