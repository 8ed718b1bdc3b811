package org.socialcare.core.internal.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.escalation.ComplaintRequest;
import org.socialcare.core.domain.escalation.EscalationAction;
import org.socialcare.core.domain.escalation.EscalationContext;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.escalation.EscalationRule;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.out.ComplaintGateway;
import org.socialcare.core.port.out.EscalationFiringStore;

/**
 * Applies the desk's {@link EscalationPolicy} to a stored conversation: ends and fires rule episodes in the
 * {@link EscalationFiringStore}, carries out each rule's actions (priority, reassignment, hiding a comment where
 * the channel's publisher can, a formal complaint, approval of replies), audits every firing, and leaves
 * notifications and calls into the bank's systems in an {@link AfterCommit}. Writes run in the caller's
 * transaction. Not API. Thread-safe.
 */
public final class EscalationReviewer {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationReviewer.class);
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final DeskContext ctx;
    private final EscalationPolicy escalation;
    private final EscalationFiringStore firings;
    private final Optional<ComplaintGateway> complaints;
    private final SlaScheduler sla;
    private final NoticeDelivery notices;

    public EscalationReviewer(
            DeskContext ctx,
            EscalationPolicy escalation,
            Optional<ComplaintGateway> complaints,
            SlaScheduler sla,
            NoticeDelivery notices) {
        this.ctx = ctx;
        this.notices = notices;
        this.escalation = escalation;
        this.firings = ctx.storage().escalationFirings();
        this.complaints = complaints;
        this.sla = sla;
    }

    /** Whether any rule depends on time alone (the sweep has work only then). */
    public boolean hasTimeBasedRules() {
        return escalation.hasTimeBasedRules();
    }

    /**
     * Applies the escalation rules to a stored conversation at {@code now}, then writes its next SLA and
     * rule checkpoints; saves when anything changed. Must run inside a transaction.
     */
    public Conversation review(Conversation stored, Instant now, AfterCommit after) {
        return review(stored, now, after, false);
    }

    /**
     * {@link #review(Conversation, Instant, AfterCommit)}; {@code opened} says the conversation was opened in this
     * transaction, so no rule has fired on it yet and the open firings need not be read.
     */
    public Conversation review(Conversation stored, Instant now, AfterCommit after, boolean opened) {
        Channel channel = ctx.channels().get(stored.channel());
        Conversation c = stored;
        int fired = 0;
        if (!escalation.isEmpty() && c.state().isActive()) {
            EscalationContext context = context(c, now);
            List<EscalationFiring> open = opened ? List.of() : firings.open(c.id());
            EscalationPolicy.Decision decision = escalation.decide(
                    context,
                    open.stream().map(EscalationFiring::ruleId).collect(Collectors.toCollection(LinkedHashSet::new)));
            for (String ended : decision.end()) {
                firings.endEpisode(c.id(), ended, now);
            }
            for (EscalationRule rule : decision.fire()) {
                Conversation before = c;
                String reason = "rule " + rule.id() + ": " + rule.when().explain(context);
                Optional<EscalationFiring> firing = firings.fire(
                        c.id(),
                        rule.id(),
                        now,
                        reason,
                        rule.then().stream().map(EscalationAction::describe).toList());
                if (firing.isEmpty()) {
                    continue; // another desk fired this episode first
                }
                fired++;
                after.fired();
                ctx.events().emit(new DeskEvent.EscalationFired(now, c.channel(), rule.id(), c.id()));
                List<String> outcomes = new ArrayList<>();
                boolean notify = false;
                for (EscalationAction action : rule.then()) {
                    if (action instanceof EscalationAction.Notify) {
                        notify = true;
                        outcomes.add("people notified");
                        continue;
                    }
                    c = apply(action, c, channel, rule, reason, now, outcomes, after);
                }
                ctx.audit()
                        .conversation(
                                now,
                                SYSTEM,
                                AuditAction.ESCALATION_RULE_FIRED,
                                c,
                                reason + " (episode " + firing.get().episode() + "); " + String.join("; ", outcomes));
                if (notify) {
                    EscalationNotice notice = new EscalationNotice(
                            EscalationNotice.Kind.CONVERSATION_ESCALATED,
                            c.channel(),
                            Optional.of(c.id()),
                            reason,
                            c.priority(),
                            now);
                    notices.enqueue(notice, after); // durable: stored with the firing, delivered after the commit
                }
                if (!before.team().equals(c.team())) {
                    c.team().ifPresent(after::queueChanged);
                }
                if (before.assignee().isPresent() && !before.assignee().equals(c.assignee())) {
                    // the agent it was taken from has room again
                    ctx.directory()
                            .agent(before.assignee().get())
                            .map(Agent::team)
                            .ifPresent(after::queueChanged);
                }
            }
        }
        Conversation scheduled = sla.schedule(c, now);
        if (scheduled.equals(stored)) {
            return stored;
        }
        Conversation saved = ctx.storage().conversations().save(scheduled);
        if (fired > 0 && saved.assignee().isEmpty()) {
            saved.team().ifPresent(after::queueChanged);
        }
        return saved;
    }

    private EscalationContext context(Conversation c, Instant now) {
        return new EscalationContext(c, now, sla.clocks(c), (conv, since) -> {
            Platform platform = ctx.channels().get(conv.channel()).platform();
            Set<ChannelId> samePlatform = ctx.channels().all().stream()
                    .filter(ch -> ch.platform().equals(platform))
                    .map(Channel::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return ctx.storage()
                    .conversations()
                    .countOpenedByCustomer(conv.customer().platformUserId(), samePlatform, since, now.plusNanos(1));
        });
    }

    private Conversation apply(
            EscalationAction action,
            Conversation c,
            Channel channel,
            EscalationRule rule,
            String reason,
            Instant now,
            List<String> outcomes,
            AfterCommit after) {
        if (action instanceof EscalationAction.RaisePriority raise) {
            Conversation raised = raise.applyTo(c);
            outcomes.add(
                    raised.priority() == c.priority()
                            ? "priority stays " + c.priority()
                            : "priority " + c.priority() + " -> " + raised.priority());
            return raised;
        }
        if (action instanceof EscalationAction.ReassignToTeam to) {
            outcomes.add("moved to team " + to.team()
                    + c.assignee().map(a -> " (was with " + a + ")").orElse(""));
            return c.assignTo(to.team(), Optional.empty());
        }
        if (action instanceof EscalationAction.ReassignToSupervisor) {
            TeamId team = c.team().orElse(channel.team());
            Optional<Agent> supervisor = supervisorFor(team);
            Conversation escalated = c.state().canMoveTo(ConversationState.ESCALATED) ? c.escalate() : c;
            if (supervisor.isEmpty()) {
                outcomes.add("no supervisor online; waits in the queue of team " + team);
                return escalated.assignTo(team, Optional.empty());
            }
            outcomes.add("assigned to supervisor " + supervisor.get().id());
            return escalated.assignTo(
                    supervisor.get().team(), Optional.of(supervisor.get().id()));
        }
        if (action instanceof EscalationAction.SuggestPrivateWithCallback) {
            outcomes.add("suggestion for the agent: move to a private channel and offer a callback");
            return c;
        }
        if (action instanceof EscalationAction.HideComment) {
            outcomes.add(hideComment(c, channel, now));
            return c;
        }
        if (action instanceof EscalationAction.OpenComplaint) {
            if (complaints.isEmpty()) {
                outcomes.add("no complaint gateway configured: open the formal complaint by hand");
                LOG.warn(
                        "rule {} wants a formal complaint for conversation {} but no ComplaintGateway is configured",
                        rule.id(),
                        c.id());
                return c;
            }
            ComplaintRequest request = new ComplaintRequest(
                    c.id(), c.channel(), c.customer(), c.category(), c.riskFlags(), rule.id(), reason, now);
            outcomes.add("formal complaint requested");
            after.later(() -> openComplaint(request));
            return c;
        }
        if (action instanceof EscalationAction.RequireApproval) {
            outcomes.add("replies need approval while this lasts");
            return c;
        }
        throw new IllegalStateException("unhandled escalation action " + action);
    }

    /** Queues a hide of the conversation's latest public comment, where the channel's publisher can hide comments. */
    private String hideComment(Conversation c, Channel channel, Instant now) {
        if (!ctx.publishers().supports(channel, ReplyKind.HIDE_COMMENT)) {
            return "hiding comments is not available on " + channel.platform();
        }
        List<StoredMessage> thread = ctx.storage().messages().listByConversation(c.id());
        Optional<StoredMessage> comment = thread.stream()
                .filter(m -> m.direction() == Direction.INBOUND && m.visibility() == Visibility.PUBLIC)
                .reduce((a, b) -> b);
        if (comment.isEmpty()) {
            return "no public comment to hide";
        }
        String target = comment.get().key().messageId();
        boolean queued = ctx.storage().outbox().findByConversation(c.id()).stream()
                .anyMatch(r -> r.kind() == ReplyKind.HIDE_COMMENT
                        && r.target().equals(Optional.of(target))
                        && !(r.status() instanceof DeliveryStatus.Failed));
        if (queued) {
            return "comment " + target + " already being hidden";
        }
        Reply hide = Reply.queued(
                ReplyId.of(ctx.ids().newId()),
                c.id(),
                c.channel(),
                ReplyKind.HIDE_COMMENT,
                Optional.of(target),
                Optional.empty(),
                "",
                Optional.empty(),
                now);
        ctx.storage().outbox().enqueue(hide);
        ctx.audit()
                .conversation(
                        now,
                        SYSTEM,
                        AuditAction.MODERATION_ACTION,
                        c,
                        "hide comment " + target + " queued as " + hide.id() + " by escalation");
        return "hide of comment " + target + " queued";
    }

    private void openComplaint(ComplaintRequest request) {
        String outcome;
        try {
            outcome = "formal complaint opened: " + complaints.orElseThrow().open(request);
        } catch (RuntimeException e) {
            LOG.warn(
                    "complaint gateway failed for conversation {}: {}",
                    request.conversation(),
                    e.getClass().getSimpleName());
            outcome = "opening the formal complaint failed (" + e.getClass().getSimpleName() + "); open it by hand";
        }
        String detail = outcome + " (rule " + request.ruleId() + ")";
        ctx.tx().run(() -> ctx.audit()
                .conversation(
                        ctx.clock().instant(),
                        SYSTEM,
                        AuditAction.ESCALATION_RULE_FIRED,
                        request.conversation(),
                        request.channel(),
                        detail));
    }

    private Optional<Agent> supervisorFor(TeamId team) {
        List<Agent> online = ctx.directory().agents().stream()
                .filter(a -> a.supervisor() && a.presence() == Presence.ONLINE)
                .toList();
        Map<AgentId, Integer> load = new LinkedHashMap<>();
        // counted, not listed: a supervisor may hold a large part of the backlog
        online.forEach(a -> load.put(a.id(), ctx.storage().conversations().countAssigned(a.id())));
        // Escalations reach a supervisor whatever their load: the least loaded of the team, else of the desk.
        Comparator<Agent> byLoad =
                Comparator.comparingInt((Agent a) -> load.get(a.id())).thenComparing(a -> a.id().value());
        return online.stream().filter(a -> a.team().equals(team)).min(byLoad).or(() -> online.stream()
                .min(byLoad));
    }

    /** Whether an open escalation episode of the conversation requires approval for replies. */
    public boolean requiresApproval(ConversationId id) {
        return firings.open(Checks.notNull(id, "conversation id")).stream()
                .anyMatch(f -> f.actions().contains(EscalationAction.RequireApproval.NAME));
    }

    /** Every firing of the conversation, open or ended, in firing order. */
    public List<EscalationFiring> firings(ConversationId id) {
        return firings.history(Checks.notNull(id, "conversation id"));
    }
}
