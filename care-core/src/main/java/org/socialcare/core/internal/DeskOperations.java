package org.socialcare.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.escalation.ComplaintRequest;
import org.socialcare.core.domain.escalation.EscalationAction;
import org.socialcare.core.domain.escalation.EscalationContext;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.escalation.EscalationRule;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.routing.AgentLoad;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaClocks;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ComplaintGateway;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.core.port.out.IdGenerator;

/**
 * The desk's operations policies at work: routing and auto-assignment, SLA checkpoints, escalation rules
 * with their actions, the sweep over due timers, and the hijack response. {@code CareDesk} calls it at a few
 * points (after ingest, on presence and resolution, in {@code sweep()}, on unmatched echoes); every method
 * that writes runs inside the caller's transaction and leaves calls to the outside world in an
 * {@link AfterCommit}. Not API. Thread-safe (its state is the stores' and the live agent map's).
 */
public final class DeskOperations {
    private static final Logger LOG = LoggerFactory.getLogger(DeskOperations.class);
    private static final String SYSTEM = "system";

    private final CareStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChannelRegistry channels;
    private final Map<TeamId, Team> teams;
    private final Map<AgentId, Agent> agents;
    private final EscalationNotifier notifier;
    private final Optional<ComplaintGateway> complaints;
    private final RoutingPolicy routing;
    private final SlaPolicy sla;
    private final EscalationPolicy escalation;
    private final EscalationFiringStore firings;
    private final HijackGuard hijack;
    private final ChannelSwitches switches;
    private final Set<Platform> hidePlatforms;

    public DeskOperations(
            CareStorage storage,
            Clock clock,
            IdGenerator ids,
            ChannelRegistry channels,
            Map<TeamId, Team> teams,
            Map<AgentId, Agent> agents,
            EscalationNotifier notifier,
            Optional<ComplaintGateway> complaints,
            RoutingPolicy routing,
            SlaPolicy sla,
            EscalationPolicy escalation,
            EscalationFiringStore firings,
            HijackGuard hijack,
            Set<Platform> hidePlatforms,
            ChannelSwitches switches) {
        this.switches = switches;
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
        this.channels = channels;
        this.teams = teams;
        this.agents = agents;
        this.notifier = notifier;
        this.complaints = complaints;
        this.routing = routing;
        this.sla = sla;
        this.escalation = escalation;
        this.firings = firings;
        this.hijack = hijack;
        this.hidePlatforms = Set.copyOf(hidePlatforms);
        checkChannelAgents();
    }

    /** The desk's build fails on a channel agent that cannot work: unknown channel or agent, or an agent outside the channel's team. */
    private void checkChannelAgents() {
        routing.channelAgents().forEach((channelId, agentId) -> {
            String setting = "routing channelAgent(" + channelId + ", " + agentId + "): ";
            List<ChannelId> configured =
                    channels.all().stream().map(Channel::id).toList();
            if (!configured.contains(channelId)) {
                throw new IllegalStateException(setting + "channel '" + channelId
                        + "' is not configured; configured channels are " + configured);
            }
            Agent agent = agents.get(agentId);
            if (agent == null) {
                throw new IllegalStateException(setting + "agent '" + agentId
                        + "' is not configured; configured agents are "
                        + agents.keySet().stream().map(AgentId::value).sorted().toList());
            }
            TeamId team = routing.teamFor(channels.get(channelId));
            if (!agent.team().equals(team)) {
                throw new IllegalStateException(setting + "agent '" + agentId + "' belongs to team '" + agent.team()
                        + "' but conversations on channel '" + channelId + "' go to team '" + team
                        + "'; the agent must be in that team");
            }
        });
    }

    public TeamId teamFor(Channel channel) {
        return routing.teamFor(channel);
    }

    public boolean autoAssign() {
        return routing.autoAssign();
    }

    // ------------------------------------------------------------ review: SLA + escalation

    /**
     * Applies the escalation rules to a stored conversation at {@code now}, then writes its next SLA and
     * rule checkpoints; saves when anything changed. Must run inside a transaction.
     */
    public Conversation review(Conversation stored, Instant now, AfterCommit after) {
        Channel channel = channels.get(stored.channel());
        Conversation c = stored;
        int fired = 0;
        if (!escalation.isEmpty() && c.state().isActive()) {
            EscalationContext ctx = context(c, now);
            List<EscalationFiring> open = firings.open(c.id());
            EscalationPolicy.Decision decision = escalation.decide(
                    ctx, open.stream().map(EscalationFiring::ruleId).collect(Collectors.toSet()));
            for (String ended : decision.end()) {
                firings.endEpisode(c.id(), ended, now);
            }
            for (EscalationRule rule : decision.fire()) {
                Conversation before = c;
                String reason = "rule " + rule.id() + ": " + rule.when().explain(ctx);
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
                storage.audit()
                        .append(AuditEntry.of(
                                now,
                                SYSTEM,
                                AuditAction.ESCALATION_RULE_FIRED,
                                c.id(),
                                c.channel(),
                                reason + " (episode " + firing.get().episode() + "); " + String.join("; ", outcomes)));
                if (notify) {
                    EscalationNotice notice = new EscalationNotice(
                            EscalationNotice.Kind.CONVERSATION_ESCALATED,
                            c.channel(),
                            Optional.of(c.id()),
                            reason,
                            c.priority(),
                            now);
                    after.later(() -> notifier.notify(notice));
                }
                if (!before.team().equals(c.team())) {
                    c.team().ifPresent(after::queueChanged);
                }
                if (before.assignee().isPresent() && !before.assignee().equals(c.assignee())) {
                    // the agent it was taken from has room again
                    Optional.ofNullable(agents.get(before.assignee().get()))
                            .map(Agent::team)
                            .ifPresent(after::queueChanged);
                }
            }
        }
        Conversation scheduled = schedule(c, now);
        if (scheduled.equals(stored)) {
            return stored;
        }
        Conversation saved = storage.conversations().save(scheduled);
        if (fired > 0 && saved.assignee().isEmpty()) {
            saved.team().ifPresent(after::queueChanged);
        }
        return saved;
    }

    /** The conversation with its next SLA and time-based rule checkpoints (not saved). */
    public Conversation schedule(Conversation c, Instant now) {
        SlaClocks clocks = sla.clocks(c, pausedTime(c));
        Optional<Instant> ruleCheck = escalation.isEmpty() || !c.state().isActive()
                ? Optional.empty()
                : escalation.nextTimeBasedCheck(
                        new EscalationContext(c, now, clocks, EscalationContext.ContactHistory.none()));
        return sla.schedule(c, clocks, now, ruleCheck);
    }

    /** The conversation's SLA status at {@code now}, resolution pauses included. */
    public SlaStatus slaStatus(Conversation c, Instant now) {
        return sla.clocks(c, pausedTime(c)).statusAt(now);
    }

    private EscalationContext context(Conversation c, Instant now) {
        return new EscalationContext(c, now, sla.clocks(c, pausedTime(c)), (conv, since) -> {
            Platform platform = channels.get(conv.channel()).platform();
            Set<ChannelId> samePlatform = channels.all().stream()
                    .filter(ch -> ch.platform().equals(platform))
                    .map(Channel::id)
                    .collect(Collectors.toSet());
            return storage.conversations()
                    .countOpenedByCustomer(conv.customer().platformUserId(), samePlatform, since, now.plusNanos(1));
        });
    }

    private Duration pausedTime(Conversation c) {
        if (!c.state().isActive()
                || sla.targetsFor(c.channel(), c.priority()).resolution().isEmpty()) {
            return Duration.ZERO;
        }
        return SlaPolicy.pausedTime(storage.messages().listByConversation(c.id()), sla.calendarFor(c.channel()));
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

    private String hideComment(Conversation c, Channel channel, Instant now) {
        if (!hidePlatforms.contains(channel.platform())) {
            return "hiding comments is not available on " + channel.platform();
        }
        List<StoredMessage> thread = storage.messages().listByConversation(c.id());
        Optional<StoredMessage> comment = thread.stream()
                .filter(m -> m.direction() == Direction.INBOUND && m.visibility() == Visibility.PUBLIC)
                .reduce((a, b) -> b);
        if (comment.isEmpty()) {
            return "no public comment to hide";
        }
        String target = comment.get().key().messageId();
        boolean queued = storage.outbox().findByConversation(c.id()).stream()
                .anyMatch(r -> r.kind() == ReplyKind.HIDE_COMMENT
                        && r.target().equals(Optional.of(target))
                        && !(r.status() instanceof org.socialcare.core.domain.DeliveryStatus.Failed));
        if (queued) {
            return "comment " + target + " already being hidden";
        }
        Reply hide = Reply.queued(
                ReplyId.of(ids.newId()),
                c.id(),
                c.channel(),
                ReplyKind.HIDE_COMMENT,
                Optional.of(target),
                Optional.empty(),
                "",
                Optional.empty(),
                now);
        storage.outbox().enqueue(hide);
        storage.audit()
                .append(AuditEntry.of(
                        now,
                        SYSTEM,
                        AuditAction.MODERATION_ACTION,
                        c.id(),
                        c.channel(),
                        "hide comment " + target + " queued as " + hide.id() + " by escalation"));
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
        storage.transactions().run(() -> storage.audit()
                .append(AuditEntry.of(
                        clock.instant(),
                        SYSTEM,
                        AuditAction.ESCALATION_RULE_FIRED,
                        request.conversation(),
                        request.channel(),
                        detail)));
    }

    private Optional<Agent> supervisorFor(TeamId team) {
        List<Agent> online = agents.values().stream()
                .filter(a -> a.supervisor() && a.presence() == Presence.ONLINE)
                .toList();
        Map<AgentId, Integer> load = new HashMap<>();
        online.forEach(
                a -> load.put(a.id(), storage.conversations().assignedTo(a.id()).size()));
        // Escalations reach a supervisor whatever their load: the least loaded of the team, else of the desk.
        Comparator<Agent> byLoad =
                Comparator.comparingInt((Agent a) -> load.get(a.id())).thenComparing(a -> a.id().value());
        return online.stream().filter(a -> a.team().equals(team)).min(byLoad).or(() -> online.stream()
                .min(byLoad));
    }

    /** Whether an open escalation episode of the conversation requires approval for replies. */
    public boolean requiresApproval(ConversationId id) {
        return firings.open(id).stream().anyMatch(f -> f.actions().contains(EscalationAction.RequireApproval.NAME));
    }

    public List<EscalationFiring> firings(ConversationId id) {
        return firings.history(id);
    }

    // ------------------------------------------------------------ routing

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
        if (storage.conversations().unassignedQueue(team, 1).isEmpty()) {
            return 0; // nothing waits: spare the per-agent load queries (the common case on a staffed desk)
        }
        Map<AgentId, AgentLoad> loads = new HashMap<>();
        int free = 0;
        for (Agent a : agents.values()) {
            boolean channelAgent = routing.channelAgents().containsValue(a.id());
            if (a.team().equals(team) && (a.presence() == Presence.ONLINE || channelAgent)) {
                // A channel agent is a candidate whatever their presence: their channel's conversations wait for them.
                AgentLoad load = new AgentLoad(
                        a, storage.conversations().assignedTo(a.id()).size());
                loads.put(a.id(), load);
                if (a.presence() == Presence.ONLINE) {
                    free += Math.max(0, a.capacity() - load.active());
                }
            }
        }
        if (free == 0) {
            return 0;
        }
        Optional<String> unit = Optional.ofNullable(teams.get(team)).flatMap(Team::businessUnit);
        int assigned = 0;
        Set<ConversationId> seen = new HashSet<>();
        int passedOver = 0;
        boolean othersBlocked = false; // nobody can take a conversation without a channel agent any more
        int limit = free;
        while (true) {
            List<Conversation> page = storage.conversations().unassignedQueue(team, limit);
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
                Optional<String> bu = channels.get(c.channel()).businessUnit().or(() -> unit);
                Optional<AgentId> agent = routing.choose(c, bu, List.copyOf(loads.values()));
                if (agent.isEmpty()) {
                    passedOver++;
                    othersBlocked |= !ownChannel;
                    continue;
                }
                try {
                    Conversation saved = storage.conversations().save(c.assignTo(team, agent));
                    storage.audit()
                            .append(AuditEntry.of(
                                    clock.instant(),
                                    SYSTEM,
                                    AuditAction.ROUTED,
                                    saved.id(),
                                    saved.channel(),
                                    "assigned to " + agent.get() + " ("
                                            + (ownChannel
                                                    ? "the agent's own channel"
                                                    : routing.strategy().toString()) + ", priority " + saved.priority()
                                            + ")"));
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

    /** Assigns waiting work of every team in {@code teams}. */
    public void assignWaiting(Set<TeamId> changed) {
        changed.forEach(this::assignWaiting);
    }

    // ------------------------------------------------------------ sweep

    /**
     * Reviews up to {@code limit} conversations whose checkpoint is due at {@code now}, each in its own
     * transaction (re-read in it); touches nothing else. A conversation another desk changed meanwhile is skipped (it stays due)
     * and its review announces nothing: notifications and complaint requests run only after a review's transaction committed.
     */
    public SweepResult sweep(int limit, TxRunner tx) {
        if (!escalation.hasTimeBasedRules()) {
            // Nothing changes with time alone: leave the checkpoints where they are (they also order the queue).
            return SweepResult.nothing();
        }
        Instant now = clock.instant();
        List<Conversation> due = tx.inTransaction(() -> storage.conversations().dueBy(now, limit));
        int reviewed = 0;
        int skipped = 0;
        int fired = 0;
        for (Conversation c : due) {
            AfterCommit after = new AfterCommit();
            try {
                tx.inTransaction(() -> {
                    // re-read inside the transaction: the due list was read in another one
                    storage.conversations()
                            .find(c.id())
                            .filter(fresh -> fresh.state().isActive())
                            .ifPresent(fresh -> review(fresh, now, after));
                    assignWaiting(after.changedQueues());
                    return null;
                });
                fired += after.firings();
                reviewed++;
            } catch (ConcurrentUpdateException e) {
                // The review rolled back: its notices and complaint requests must not go out (the next sweep decides
                // again).
                skipped++;
                LOG.debug("conversation {} changed during the sweep; next sweep takes it", c.id());
                continue;
            }
            after.run(); // only once the review's transaction committed
        }
        return new SweepResult(due.size(), reviewed, fired, skipped, due.size() == limit);
    }

    /** Runs work in a transaction (the desk's transaction manager). */
    @FunctionalInterface
    public interface TxRunner {
        <T> T inTransaction(Supplier<T> work);
    }

    // ------------------------------------------------------------ hijack guard

    /**
     * Judges an echo the outbox did not send. An anomaly pauses the channel at once, is audited
     * (HIJACK_SUSPECTED) and notified after commit (ACCOUNT_HIJACK_SUSPECTED); an expected one is audited as
     * ECHO_UNMATCHED with the guard's reason. Must run inside a transaction.
     */
    public void onUnmatchedEcho(OwnMessage own, AfterCommit after) {
        Instant now = clock.instant();
        Channel channel = channels.get(own.channel());
        HijackGuard.Verdict verdict = hijack.inspect(own, channel.platform(), now);
        String app = own.sourceApp().orElse("unknown");
        storage.audit()
                .append(new AuditEntry(
                        now,
                        SYSTEM,
                        AuditAction.ECHO_UNMATCHED,
                        Optional.empty(),
                        Optional.of(own.channel()),
                        "own message " + own.key() + " was not sent by this desk (source app: " + app + "): "
                                + verdict.reason()));
        if (!verdict.anomaly()) {
            return;
        }
        String reason = "suspected account hijack on " + channel.id() + ": " + verdict.reason() + " (message "
                + own.key() + ")";
        LOG.warn("{}; pausing the channel", reason);
        if (channel.isActive()) {
            switches.pause(channel.id(), reason, SYSTEM, now); // shared: every desk on the storage stops publishing
            storage.audit()
                    .append(new AuditEntry(
                            now,
                            SYSTEM,
                            AuditAction.CHANNEL_PAUSED,
                            Optional.empty(),
                            Optional.of(channel.id()),
                            reason));
        }
        storage.audit()
                .append(new AuditEntry(
                        now,
                        SYSTEM,
                        AuditAction.HIJACK_SUSPECTED,
                        Optional.empty(),
                        Optional.of(channel.id()),
                        reason));
        EscalationNotice notice = new EscalationNotice(
                EscalationNotice.Kind.ACCOUNT_HIJACK_SUSPECTED,
                channel.id(),
                Optional.empty(),
                reason,
                Priority.URGENT,
                now);
        after.later(() -> notifier.notify(notice));
    }
}
