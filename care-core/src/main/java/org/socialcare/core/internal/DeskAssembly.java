package org.socialcare.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationAction;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.internal.channel.ChannelChanges;
import org.socialcare.core.internal.channel.ChannelControl;
import org.socialcare.core.internal.ingest.DeadLetterService;
import org.socialcare.core.internal.ingest.DeadLetters;
import org.socialcare.core.internal.ingest.EchoReconciler;
import org.socialcare.core.internal.ingest.IngestService;
import org.socialcare.core.internal.ingest.WebhookIntake;
import org.socialcare.core.internal.ops.DirectoryChanges;
import org.socialcare.core.internal.ops.EscalationReviewer;
import org.socialcare.core.internal.ops.HijackResponse;
import org.socialcare.core.internal.ops.NoticeDelivery;
import org.socialcare.core.internal.ops.RoutingService;
import org.socialcare.core.internal.ops.SlaScheduler;
import org.socialcare.core.internal.ops.SlaSweeper;
import org.socialcare.core.internal.publish.ApprovalService;
import org.socialcare.core.internal.publish.DeliveryLedger;
import org.socialcare.core.internal.publish.OperatorService;
import org.socialcare.core.internal.publish.OutboxDispatcher;
import org.socialcare.core.internal.publish.ReplyService;
import org.socialcare.core.internal.read.DeskReader;
import org.socialcare.core.internal.work.ConversationWorkService;
import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryEscalationFiringStore;
import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.memory.InMemoryNoticeOutbox;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.CallbackGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelHealthListener;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.ComplaintGateway;
import org.socialcare.core.port.out.DeskListener;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.core.port.out.IdGenerator;

/**
 * What {@code CareDesk.Builder} collects, its validation (messages name the setting and the bad value), and the
 * wiring of one desk's services over one {@link DeskContext}. Storage comes in one value: explicit escalation
 * firings, channel states and approvals override the storage's own, and a persistent storage with in-memory
 * parts is refused at build time. Not API. Not thread-safe (a builder's state).
 */
public final class DeskAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(DeskAssembly.class);
    /** The default source of retry jitter, shared by desks built without {@code random(..)}. */
    private static final Random SHARED_RANDOM = new Random();

    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.uuids();
    private CareStorage storage;
    private EscalationNotifier notifier = EscalationNotifier.none();
    private CallbackGateway callbacks;
    private DeskSettings settings = DeskSettings.ofDefaults();
    private MessagePolicies messagePolicies;
    private final Map<Platform, ChannelPublisher> publishers = new LinkedHashMap<>();
    private final Map<ChannelId, ChannelPublisher> channelPublishers = new LinkedHashMap<>();
    private final Map<ChannelId, Channel> channels = new LinkedHashMap<>();
    private final java.util.Set<ChannelId> receiveOnly = new java.util.LinkedHashSet<>();
    private final Map<TeamId, Team> teams = new LinkedHashMap<>();
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final List<ChannelHealthListener> healthListeners = new ArrayList<>();
    private final List<DeskListener> deskListeners = new ArrayList<>();
    private RoutingPolicy routing = RoutingPolicy.queueOnly();
    private SlaPolicy sla;
    private EscalationPolicy escalation = EscalationPolicy.none();
    private EscalationFiringStore firings;
    private ChannelStateStore channelStates;
    private ComplaintGateway complaints;
    private HijackGuard hijack = HijackGuard.off();
    private PublishingGuard publishing = PublishingGuard.none();
    private Random random = SHARED_RANDOM;

    public void routing(RoutingPolicy value) {
        routing = Checks.notNull(value, "routing");
    }

    public void sla(SlaPolicy value) {
        sla = Checks.notNull(value, "slaPolicy");
    }

    public void escalation(EscalationPolicy value) {
        escalation = Checks.notNull(value, "escalation");
    }

    public void firings(EscalationFiringStore value) {
        firings = Checks.notNull(value, "escalationFirings");
    }

    public void channelStates(ChannelStateStore value) {
        channelStates = Checks.notNull(value, "channelStates");
    }

    public void complaints(ComplaintGateway value) {
        complaints = Checks.notNull(value, "complaintGateway");
    }

    public void hijack(HijackGuard value) {
        hijack = Checks.notNull(value, "hijackGuard");
    }

    public void publishing(PublishingGuard value) {
        publishing = Checks.notNull(value, "publishingGuard");
    }

    public void clock(Clock value) {
        clock = Checks.notNull(value, "clock");
    }

    public void ids(IdGenerator value) {
        ids = Checks.notNull(value, "ids");
    }

    public void storage(CareStorage value) {
        storage = Checks.notNull(value, "storage");
    }

    public void notifier(EscalationNotifier value) {
        notifier = Checks.notNull(value, "notifier");
    }

    public void callbacks(CallbackGateway value) {
        callbacks = Checks.notNull(value, "callbackGateway");
    }

    public void settings(DeskSettings value) {
        settings = Checks.notNull(value, "settings");
    }

    public void messagePolicies(MessagePolicies value) {
        messagePolicies = Checks.notNull(value, "messagePolicies");
    }

    public void random(Random value) {
        random = Checks.notNull(value, "random");
    }

    /** @throws IllegalArgumentException when the platform already has a publisher */
    public void publisher(ChannelPublisher value) {
        Checks.notNull(value, "publisher");
        if (publishers.put(value.platform(), value) != null) {
            throw new IllegalArgumentException(
                    "a publisher for platform " + value.platform() + " is already configured");
        }
    }

    /** @throws IllegalArgumentException when the channel already has a publisher */
    public void publisher(ChannelId channel, ChannelPublisher value) {
        Checks.notNull(channel, "channel");
        Checks.notNull(value, "publisher");
        if (channelPublishers.put(channel, value) != null) {
            throw new IllegalArgumentException("a publisher for channel '" + channel + "' is already configured");
        }
    }

    /** @throws IllegalArgumentException when the channel id is configured twice */
    public void channel(Channel value) {
        Checks.notNull(value, "channel");
        if (channels.put(value.id(), value) != null) {
            throw new IllegalArgumentException("channel id '" + value.id() + "' is configured twice");
        }
    }

    /** Marks a configured (or later configured) channel as one the desk only reads: it needs no publisher. */
    public void receiveOnly(ChannelId value) {
        receiveOnly.add(Checks.notNull(value, "receiveOnly"));
    }

    public void team(Team value) {
        Checks.notNull(value, "team");
        teams.put(value.id(), value);
    }

    public void agent(Agent value) {
        Checks.notNull(value, "agent");
        agents.put(value.id(), value);
    }

    public void healthListener(ChannelHealthListener value) {
        healthListeners.add(Checks.notNull(value, "healthListener"));
    }

    public void listener(DeskListener value) {
        deskListeners.add(Checks.notNull(value, "listener"));
    }

    /** One desk's services, wired. */
    public record Services(
            DeskReader reader,
            IngestService ingest,
            WebhookIntake webhooks,
            ConversationWorkService work,
            ReplyService replies,
            ApprovalService approvals,
            OutboxDispatcher dispatcher,
            RoutingService routing,
            EscalationReviewer escalations,
            SlaScheduler sla,
            SlaSweeper sweeper,
            ChannelControl channels,
            NoticeDelivery notices,
            Operations operations) {}

    /**
     * Validates the settings and wires the services.
     *
     * @param channelStateMaxAge how long a read of the shared channel states is trusted
     * @throws IllegalStateException naming the setting when a channel, agent, routing rule, escalation rule or
     *     publisher refers to something not configured, no channel is configured, a channel that is not
     *     receive-only has no publisher, or a persistent storage has in-memory parts
     */
    public Services build(Duration channelStateMaxAge) {
        validate();
        CareStorage plain = wire(storage != null ? storage : InMemoryStorage.create());
        MessagePolicies configured = messagePolicies != null ? messagePolicies : MessagePolicies.ofDefaults();
        rejectPartialWiring(plain, configured.withStorageApprovals(plain.approvals()));
        // every text reaches the storage masked (AtRestProtection); triage still sees the raw text in memory
        DeskEvents events = new DeskEvents(deskListeners);
        CareStorage wired = events.deliveringAfterCommit(ProtectedStorage.wrap(plain, configured.atRest()));
        MessagePolicies policies = configured.withStorageApprovals(wired.approvals());
        MessageGuard guard = new MessageGuard(policies, ids);
        List<ChannelHealthListener> listeners = new ArrayList<>(healthListeners);
        // the alert is durable: it goes through the notice outbox, bound once the desk's services exist
        AtomicReference<NoticeDelivery> noticeDelivery = new AtomicReference<>();
        listeners.add(
                ChannelControl.authFailureAlert(notice -> noticeDelivery.get().enqueueAndDeliver(notice), clock));
        Map<ChannelId, String> pausedInStore = new LinkedHashMap<>();
        for (ChannelStateStore.Recorded r :
                wired.transactions().inTransaction(() -> wired.channelStates().paused())) {
            if (channels.containsKey(r.channel())) {
                pausedInStore.put(r.channel(), ChannelSwitches.describe(r));
            }
        }
        ChannelRegistry registry = new ChannelRegistry(channels.values(), pausedInStore, listeners, clock);
        ChannelSwitches switches = new ChannelSwitches(wired.channelStates(), registry, channelStateMaxAge);
        DeskContext ctx = new DeskContext(
                clock,
                ids,
                wired,
                settings,
                policies,
                new Directory(teams, agents),
                registry,
                switches,
                new Publishers(publishers, channelPublishers, receiveOnly),
                notifier,
                new DeskAudit(wired.audit()),
                random,
                events);
        NoticeDelivery notices = new NoticeDelivery(ctx);
        noticeDelivery.set(notices);
        SlaScheduler slaScheduler = new SlaScheduler(
                ctx, sla != null ? sla : SlaPolicy.wallClock(settings.firstResponseTarget()), escalation);
        RoutingService routingService = new RoutingService(ctx, routing);
        EscalationReviewer reviewer =
                new EscalationReviewer(ctx, escalation, Optional.ofNullable(complaints), slaScheduler, notices);
        DeliveryLedger ledger = new DeliveryLedger(ctx);
        DeadLetters deadLetters = new DeadLetters(ctx);
        IngestService ingest = new IngestService(
                ctx,
                guard,
                routingService,
                slaScheduler,
                reviewer,
                new EchoReconciler(ctx, ledger, new HijackResponse(ctx, hijack, notices)),
                deadLetters);
        return new Services(
                new DeskReader(ctx, slaScheduler.policy()),
                ingest,
                new WebhookIntake(ctx, ingest, deadLetters),
                new ConversationWorkService(ctx, routingService, Optional.ofNullable(callbacks), notices),
                new ReplyService(ctx, guard, reviewer),
                new ApprovalService(ctx),
                new OutboxDispatcher(ctx, publishing, ledger),
                routingService,
                reviewer,
                slaScheduler,
                new SlaSweeper(ctx, reviewer, routingService),
                new ChannelControl(ctx),
                notices,
                new DeskOperations(
                        new OperatorService(ctx),
                        new DeadLetterService(ctx, ingest),
                        new DirectoryChanges(ctx, routingService, routing, escalation),
                        new ChannelChanges(ctx)));
    }

    /** The storage with the explicit firings and channel-state overrides in place of its own. */
    private CareStorage wire(CareStorage base) {
        return new CareStorage(
                base.conversations(),
                base.messages(),
                base.outbox(),
                base.audit(),
                base.checkpoints(),
                base.deadLetters(),
                firings != null ? firings : base.escalationFirings(),
                channelStates != null ? channelStates : base.channelStates(),
                base.approvals(),
                base.notices(),
                base.transactions());
    }

    /**
     * A persistent storage (neither its transactions nor its message store are the in-memory ones; a test may wrap
     * either) whose firings, channel states or approvals are in memory would lose them on restart and share them
     * with no other desk: refused, naming the setting.
     */
    private void rejectPartialWiring(CareStorage wired, MessagePolicies policies) {
        if (wired.transactions() instanceof InMemoryTransactionManager
                || wired.messages() instanceof InMemoryMessageStore) {
            return;
        }
        List<String> local = new ArrayList<>();
        if (wired.escalationFirings() instanceof InMemoryEscalationFiringStore) {
            local.add(firings != null ? "escalationFirings (set in memory)" : "escalationFirings (the storage's)");
        }
        if (wired.channelStates() instanceof InMemoryChannelStateStore) {
            local.add(
                    channelStates != null
                            ? "channelStates, the kill switch (set in memory)"
                            : "channelStates, the kill switch (the storage's)");
        }
        if (wired.notices() instanceof InMemoryNoticeOutbox) {
            local.add("undelivered escalation notices (CareStorage.notices)");
        }
        if (policies.approvals() instanceof InMemoryApprovalGateway) {
            local.add(
                    policies.approvalsConfigured()
                            ? "MessagePolicies.approvals (set in memory)"
                            : "approvals (the storage's)");
        }
        if (!local.isEmpty()) {
            throw new IllegalStateException("the desk's storage is persistent but " + String.join(", ", local)
                    + (local.size() == 1 ? " is" : " are")
                    + " in memory: they would stay local to this desk and be lost on restart; give a storage that"
                    + " carries every port (JdbcCareStorage.storage()) and drop the in-memory overrides");
        }
    }

    private void validate() {
        if (channels.isEmpty()) {
            throw new IllegalStateException("a desk needs at least one channel; add one with channel(...)");
        }
        for (Channel c : channels.values()) {
            if (!teams.containsKey(c.team())) {
                throw new IllegalStateException("channel '" + c.id() + "' belongs to team '" + c.team()
                        + "', which is not configured; configured teams are " + teams.keySet());
            }
        }
        for (Map.Entry<ChannelId, ChannelPublisher> e : channelPublishers.entrySet()) {
            ChannelId id = e.getKey();
            if (!channels.containsKey(id)) {
                throw new IllegalStateException("a publisher is configured for channel '" + id
                        + "', which is not configured; configured channels are " + channels.keySet());
            }
            if (!e.getValue().platform().equals(channels.get(id).platform())) {
                throw new IllegalStateException("channel '" + id + "' is on "
                        + channels.get(id).platform() + " but its publisher publishes on "
                        + e.getValue().platform());
            }
        }
        for (ChannelId id : receiveOnly) {
            if (!channels.containsKey(id)) {
                throw new IllegalStateException("receiveOnly names channel '" + id
                        + "', which is not configured; configured channels are " + channels.keySet());
            }
            if (channelPublishers.containsKey(id)) {
                throw new IllegalStateException(
                        "channel '" + id + "' is receiveOnly but has its own publisher; drop one of the two");
            }
        }
        for (Channel c : channels.values()) {
            if (!receiveOnly.contains(c.id())
                    && !channelPublishers.containsKey(c.id())
                    && !publishers.containsKey(c.platform())) {
                throw new IllegalStateException("channel '" + c.id() + "' on " + c.platform()
                        + " has no publisher, so its replies would wait forever; add publisher(..) for "
                        + c.platform() + " or publisher(channelId, ..), or mark it receiveOnly(\"" + c.id() + "\")");
            }
        }
        for (Agent a : agents.values()) {
            if (!teams.containsKey(a.team())) {
                throw new IllegalStateException("agent '" + a.id() + "' belongs to team '" + a.team()
                        + "', which is not configured; configured teams are " + teams.keySet());
            }
        }
        routing.businessUnitTeams().forEach((unit, team) -> {
            if (!teams.containsKey(team)) {
                throw new IllegalStateException("routing sends business unit '" + unit + "' to team '" + team
                        + "', which is not configured; configured teams are " + teams.keySet());
            }
        });
        for (var rule : escalation.rules()) {
            for (EscalationAction action : rule.then()) {
                if (action instanceof EscalationAction.ReassignToTeam to && !teams.containsKey(to.team())) {
                    throw new IllegalStateException("escalation rule '" + rule.id() + "' moves conversations to team '"
                            + to.team() + "', which is not configured; configured teams are " + teams.keySet());
                }
            }
        }
    }
}
