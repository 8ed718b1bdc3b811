package org.socialcare.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.escalation.EscalationAction;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.domain.reply.ComplianceReview;
import org.socialcare.core.domain.reply.TemplateContext;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.error.ApprovalException;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.ComplianceViolationException;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.UnknownConversationException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.ChannelRegistry;
import org.socialcare.core.internal.ChannelSwitches;
import org.socialcare.core.internal.DeskOperations;
import org.socialcare.core.internal.MessageGuard;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryEscalationFiringStore;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CallbackGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelHealthListener;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.ComplaintGateway;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.core.port.out.IdGenerator;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * The facade of the library: a bank's social care desk. Build one with {@link #builder()}, feed it with
 * {@link #ingest(Batch)}, {@link #poll(ChannelSource)} or {@link #webhook(WebhookHandler, WebhookRequest)},
 * let agents work conversations ({@link #claim}, {@link #reply}, {@link #moveToPrivate},
 * {@link #requestCallback}, {@link #resolve}, {@link #close}), and publish with {@link #dispatchOutbox()}.
 *
 * <p>Ingest dedupes by (platform, message id), threads each message into a conversation, triages it and
 * moderates public comments ({@link MessagePolicies}), stores it and its audit lines, and saves the source's
 * checkpoint last, all in one storage transaction. Every reply passes the compliance checks before it is
 * queued; replies that need four-eyes approval wait in the {@link org.socialcare.core.port.out.ApprovalGateway}
 * until {@link #approve}. Agent actions change the
 * conversation and enqueue replies in one transaction; the dispatcher publishes later and never publishes on
 * a PAUSED or unhealthy channel (the reply stays QUEUED and shows why).
 *
 * <p>Operations policies, each configured on the builder with a default that keeps the desk simple:
 * {@link RoutingPolicy} (team by channel and business unit; agents claim from the queue unless it
 * auto-assigns), {@link SlaPolicy} (SLA clocks; checkpoints stored on the conversation for {@link #sweep()}),
 * {@link EscalationPolicy} (rules applied at ingest and in the sweep, firings kept in an
 * {@link EscalationFiringStore}), {@link HijackGuard} (echoes the outbox did not send) and
 * {@link PublishingGuard} (rate cap and link allow-list at dispatch).
 *
 * <p>Thread-safe: any number of threads (and several desks sharing one storage) may call it; conflicting
 * conversation updates fail with {@link org.socialcare.core.error.ConcurrentUpdateException}.
 */
public final class CareDesk {
    private static final Logger LOG = LoggerFactory.getLogger(CareDesk.class);
    private static final String SYSTEM = "system";

    private final Clock clock;
    private final IdGenerator ids;
    private final Random random;
    private final CareStorage storage;
    private final ChannelRegistry channels;
    private final Map<Platform, ChannelPublisher> publishers;
    private final Map<ChannelId, ChannelPublisher> channelPublishers;
    private final Map<TeamId, Team> teams;
    private final Map<AgentId, Agent> agents;
    private final EscalationNotifier notifier;
    private final Optional<CallbackGateway> callbacks;
    private final DeskSettings settings;
    private final MessageGuard guard;
    private final SlaPolicy sla;
    private final PublishingGuard publishing;
    private final DeskOperations ops;
    private final ChannelSwitches switches;

    /**
     * How long the dispatcher trusts its last read of a channel's state in the {@link ChannelStateStore}: a pause
     * or resume made on another desk sharing the store takes effect here within this time (this desk's own at once).
     */
    public static final Duration CHANNEL_STATE_MAX_AGE = Duration.ofSeconds(5);

    private CareDesk(Builder b) {
        this.clock = b.clock;
        this.ids = b.ids;
        this.random = b.random;
        this.storage = b.storage;
        this.notifier = b.notifier;
        this.callbacks = Optional.ofNullable(b.callbacks);
        this.settings = b.settings;
        this.guard = new MessageGuard(b.messagePolicies, b.ids);
        this.publishers = Map.copyOf(b.publishers);
        this.channelPublishers = Map.copyOf(b.channelPublishers);
        this.teams = Map.copyOf(b.teams);
        this.agents = new ConcurrentHashMap<>(b.agents);
        List<ChannelHealthListener> listeners = new ArrayList<>(b.healthListeners);
        listeners.add(this::notifyUnhealthy);
        Map<ChannelId, String> pausedInStore = new HashMap<>();
        for (ChannelStateStore.Recorded r : storage.transactions().inTransaction(() -> b.channelStates.paused())) {
            if (b.channels.containsKey(r.channel())) {
                pausedInStore.put(r.channel(), ChannelSwitches.describe(r));
            }
        }
        this.channels = new ChannelRegistry(b.channels.values(), pausedInStore, listeners, clock);
        this.switches = new ChannelSwitches(b.channelStates, channels, CHANNEL_STATE_MAX_AGE);
        // Operations policies (routing, SLA, escalation, hijack guard) live in DeskOperations.
        this.sla = b.sla != null ? b.sla : SlaPolicy.wallClock(settings.firstResponseTarget());
        this.publishing = b.publishing;
        this.ops = new DeskOperations(
                storage,
                clock,
                ids,
                channels,
                teams,
                agents,
                notifier,
                Optional.ofNullable(b.complaints),
                b.routing,
                sla,
                b.escalation,
                b.firings,
                b.hijack,
                Set.of(Platform.FACEBOOK),
                switches);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- ingest

    /**
     * Stores a batch: rejected payloads become dead letters, messages are deduped and threaded, the bank's
     * own echoes are matched against the outbox, then the batch's checkpoint is saved, all in one transaction.
     * Messages and echoes naming a channel the desk does not have are dead-lettered (a readable rendering, the
     * reason names the channel and the configured ones) and the rest of the batch goes on. Never throws for
     * bad input; storage failures propagate (nothing of the batch is kept where the storage can roll back).
     */
    public IngestResult ingest(Batch batch) {
        Checks.notNull(batch, "batch");
        Set<ChannelId> known = new java.util.TreeSet<>(Comparator.comparing(ChannelId::value));
        channels.all().forEach(ch -> known.add(ch.id()));
        List<InboundMessage> ordered = new ArrayList<>();
        List<InboundMessage> foreign = new ArrayList<>();
        batch.messages().forEach(m -> (known.contains(m.channel()) ? ordered : foreign).add(m));
        ordered.sort(Comparator.comparing(InboundMessage::createdAt));
        AfterCommit after = new AfterCommit();
        IngestResult ingested = storage.transactions().inTransaction(() -> {
            IngestResult result = IngestResult.nothing();
            IngestResult deadLettered = new IngestResult(0, 0, 0, 0, 0, 1, List.of());
            for (RejectedPayload bad : batch.rejected()) {
                deadLetter(bad.source(), bad.rawPayload(), bad.reason());
                result = result.plus(deadLettered);
            }
            for (InboundMessage m : foreign) {
                deadLetter(
                        m.key().platform() + ":" + m.channel(),
                        render(m),
                        unknownChannel("message " + m.key(), m.channel(), known));
                result = result.plus(deadLettered);
            }
            for (InboundMessage m : ordered) {
                result = result.plus(ingestOne(m, after));
            }
            for (OwnMessage own : batch.ownMessages()) {
                if (!known.contains(own.channel())) {
                    deadLetter(
                            own.key().platform() + ":" + own.channel(),
                            render(own),
                            unknownChannel("own message " + own.key(), own.channel(), known));
                    result = result.plus(deadLettered);
                    continue;
                }
                matchEcho(own, after);
                result = result.plus(new IngestResult(0, 0, 0, 0, 1, 0, List.of()));
            }
            ops.assignWaiting(after.changedQueues());
            batch.nextCheckpoint().ifPresent(storage.checkpoints()::save);
            return result;
        });
        after.run();
        return ingested;
    }

    private static String unknownChannel(String what, ChannelId channel, Set<ChannelId> known) {
        return what + " names channel '" + channel + "', which this desk does not have; configured channels are "
                + known;
    }

    /** A readable rendering of a message for a dead letter: ids, author, time and text, nothing else. */
    private static String render(InboundMessage m) {
        return "inbound " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' from @"
                + m.author().handle()
                + " (user " + m.author().platformUserId() + ") at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.rawPayloadRef().map(r -> " (raw payload " + r + ")").orElse("") + ": " + m.text();
    }

    private static String render(OwnMessage m) {
        return "own " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.sourceApp().map(a -> " from app " + a).orElse("") + ": " + m.text();
    }

    /**
     * Polls one source from its stored checkpoint and ingests what it returns. Platform errors update the
     * channel's health and are rethrown (the {@link PollingScheduler} waits accordingly).
     */
    public PollResult poll(ChannelSource source) {
        Optional<Checkpoint> since = storage.checkpoints().load(source.sourceId());
        Batch batch;
        try {
            batch = source.poll(since);
        } catch (PlatformException e) {
            channels.recordPollFailure(source.channel(), e);
            throw e;
        }
        channels.recordPollSuccess(source.channel());
        return new PollResult(ingest(batch), batch.hasMore());
    }

    /**
     * Handles a platform callback with {@code handler}: verification challenges are answered, messages are
     * ingested, a rejected signature is audited and answered with its status, a malformed body (or one the
     * handler fails on unexpectedly) is kept as a dead letter and answered 400. Never throws: when the storage
     * fails the answer is 500, so the platform delivers the callback again.
     */
    public WebhookResult webhook(WebhookHandler handler, WebhookRequest request) {
        WebhookResult result;
        try {
            result = handler.handle(request);
        } catch (WebhookRejectedException e) {
            LOG.warn("{} webhook rejected: {}", handler.platform(), e.getMessage());
            try {
                storage.transactions().run(() -> storage.audit()
                        .append(new AuditEntry(
                                clock.instant(),
                                SYSTEM,
                                AuditAction.WEBHOOK_REJECTED,
                                Optional.empty(),
                                Optional.empty(),
                                handler.platform() + ": " + e.getMessage())));
            } catch (RuntimeException auditFailed) {
                LOG.error(
                        "{} webhook rejection could not be audited ({})",
                        handler.platform(),
                        auditFailed.getClass().getName());
            }
            return new WebhookResult(e.httpStatus(), "text/plain", "rejected", List.of());
        } catch (MalformedPayloadException e) {
            LOG.warn("{} webhook payload dead-lettered: {}", handler.platform(), e.getMessage());
            return deadLettered(handler, request, e.getMessage(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} webhook handler failed unexpectedly ({}); payload dead-lettered",
                    handler.platform(),
                    e.getClass().getName());
            return deadLettered(
                    handler,
                    request,
                    "the " + handler.platform() + " handler failed unexpectedly: "
                            + e.getClass().getName(),
                    "payload could not be handled");
        }
        try {
            for (Batch b : result.batches()) {
                ingest(b);
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "{} webhook messages could not be stored ({}); answering 500 so the platform retries",
                    handler.platform(),
                    e.getClass().getName());
            return new WebhookResult(500, "text/plain", "could not store the callback; retry", List.of());
        }
        return result;
    }

    private WebhookResult deadLettered(WebhookHandler handler, WebhookRequest request, String reason, String answer) {
        try {
            storage.transactions()
                    .run(() -> deadLetter("webhook:" + handler.platform(), request.bodyAsString(), reason));
        } catch (RuntimeException e) {
            LOG.error(
                    "{} webhook payload could not be dead-lettered ({}); answering 500",
                    handler.platform(),
                    e.getClass().getName());
            return new WebhookResult(500, "text/plain", "could not store the callback; retry", List.of());
        }
        return new WebhookResult(400, "text/plain", answer, List.of());
    }

    private IngestResult ingestOne(InboundMessage m, AfterCommit after) {
        if (storage.messages().find(m.key()).isPresent()) {
            return new IngestResult(0, 1, 0, 0, 0, 0, List.of());
        }
        // Every pure step (threading, triage, moderation, scheduling) runs before the first write, so a failure
        // leaves nothing half-written even where the transaction cannot roll back (in memory).
        Threading t = thread(m);
        Conversation c = t.conversation;
        if (t.kind == ThreadKind.NEW) {
            Channel channel = channels.get(m.channel());
            c = c.assignTo(ops.teamFor(channel), Optional.empty());
        } else {
            c = c.customerWrote(m);
        }
        Optional<AgentId> unavailable = Optional.empty();
        if (t.kind == ThreadKind.REOPENED
                && c.assignee()
                        .map(a -> agents.get(a))
                        .filter(a -> a.presence() == Presence.ONLINE)
                        .isEmpty()) {
            // a resolved conversation keeps its agent; if they are gone now, it waits in the team queue (or is routed)
            unavailable = c.assignee();
            c = c.unassign();
        }
        MessageGuard.Inbound judged = guard.onInbound(c, m, channels.get(m.channel()), clock.instant());
        c = judged.conversation();
        Instant now = clock.instant();
        c = ops.schedule(c, now); // SLA checkpoints (SlaPolicy), stored for the sweep
        if (!storage.messages().insertIfAbsent(StoredMessage.inbound(m, c.id()))) {
            return new IngestResult(0, 1, 0, 0, 0, 0, List.of()); // another node stored it first; nothing written here
        }
        c = storage.conversations().save(c);
        switch (t.kind) {
            case NEW ->
                audit(
                        now,
                        SYSTEM,
                        AuditAction.CONVERSATION_OPENED,
                        c,
                        "opened by " + m.visibility() + " message " + m.key());
            case REOPENED ->
                audit(
                        now,
                        SYSTEM,
                        AuditAction.CONVERSATION_REOPENED,
                        c,
                        "customer wrote again within the reopen window: " + m.key());
            case JOINED -> {}
        }
        if (unavailable.isPresent()) {
            audit(
                    now,
                    SYSTEM,
                    AuditAction.UNASSIGNED,
                    c,
                    unavailable.get() + " is not online; the reopened conversation waits in the team queue");
        }
        audit(
                now,
                SYSTEM,
                AuditAction.MESSAGE_RECEIVED,
                c,
                m.visibility() + " message " + m.key() + " (" + t.reason + ")");
        judged.outbox().forEach(storage.outbox()::enqueue);
        judged.audit().forEach(storage.audit()::append);
        c = ops.review(c, now, after); // escalation rules, then the next checkpoints
        if (c.assignee().isEmpty()) {
            c.team().ifPresent(after::queueChanged);
        }
        return new IngestResult(
                1, 0, t.kind == ThreadKind.NEW ? 1 : 0, t.kind == ThreadKind.REOPENED ? 1 : 0, 0, 0, List.of(c.id()));
    }

    private enum ThreadKind {
        NEW,
        JOINED,
        REOPENED
    }

    private record Threading(Conversation conversation, ThreadKind kind, String reason) {}

    /** The threading rules of DESIGN.md: reply joins its thread; private joins a recent public one; resolved reopens in the window. */
    private Threading thread(InboundMessage m) {
        if (m.inReplyTo().isPresent()) {
            Optional<Conversation> parent = storage.messages()
                    .find(MessageKey.of(m.platform(), m.inReplyTo().get()))
                    .flatMap(s -> storage.conversations().find(s.conversation()))
                    // a conversation is one customer's: someone else replying in the thread starts their own
                    .filter(c -> c.customer().platformUserId().equals(m.author().platformUserId()));
            if (parent.isPresent()) {
                Optional<Threading> joined = joinOrReopen(
                        parent.get(), m, "reply to " + m.inReplyTo().get());
                if (joined.isPresent()) {
                    return joined.get();
                }
            }
        }
        Optional<Conversation> latest = storage.conversations()
                .findLatestOfCustomer(m.channel(), m.author().platformUserId());
        if (latest.isPresent()) {
            Conversation c = latest.get();
            if (c.state().isActive() && m.visibility() == Visibility.PRIVATE && !c.hasPrivateLeg()) {
                Instant lastSeen = c.lastAgentReplyAt()
                        .filter(a -> a.isAfter(c.lastCustomerMessageAt()))
                        .orElse(c.lastCustomerMessageAt());
                if (!m.createdAt().isAfter(lastSeen.plus(settings.privateJoinWindow()))) {
                    return new Threading(
                            c, ThreadKind.JOINED, "private message joins the customer's public conversation");
                }
            } else {
                Optional<Threading> joined = joinOrReopen(c, m, "same customer on the same channel");
                if (joined.isPresent()) {
                    return joined.get();
                }
            }
        }
        return new Threading(Conversation.start(ConversationId.of(ids.newId()), m), ThreadKind.NEW, "new conversation");
    }

    private Optional<Threading> joinOrReopen(Conversation c, InboundMessage m, String reason) {
        if (c.state().isActive()) {
            return Optional.of(new Threading(c, ThreadKind.JOINED, reason));
        }
        if (c.state() == ConversationState.RESOLVED
                && c.resolvedAt()
                        .filter(r -> !m.createdAt().isAfter(r.plus(settings.reopenWindow())))
                        .isPresent()) {
            return Optional.of(new Threading(c, ThreadKind.REOPENED, reason + ", reopened"));
        }
        return Optional.empty();
    }

    private void matchEcho(OwnMessage own, AfterCommit after) {
        Instant now = clock.instant();
        Optional<Reply> sent = storage.outbox()
                .findByPlatformMessageId(own.channel(), own.key().messageId());
        if (sent.isPresent()) {
            audit(
                    now,
                    SYSTEM,
                    AuditAction.ECHO_MATCHED,
                    sent.get().conversation(),
                    own.channel(),
                    "own message " + own.key() + " is reply " + sent.get().id());
            return;
        }
        // A crash (or storage failure) between publishing and recording leaves the entry QUEUED with its attempt
        // recorded: the echo proves it was published. Only entries whose publish was started can have made it;
        // an echo matching several of them (same text to several customers: a DM names no recipient) is not guessed.
        List<Reply> inFlight = storage.outbox().queued(own.channel()).stream()
                .filter(r -> r.attempts() > 0
                        && r.kind().carriesText()
                        && r.visibility() == own.visibility()
                        && r.text().equals(own.text())
                        && (own.inReplyTo().isEmpty() || r.target().equals(own.inReplyTo())))
                .toList();
        if (inFlight.size() == 1) {
            Reply r = inFlight.get(0);
            markSent(r, Optional.of(own.key().messageId()), now);
            audit(
                    now,
                    SYSTEM,
                    AuditAction.ECHO_MATCHED,
                    r.conversation(),
                    own.channel(),
                    "own message " + own.key() + " reconciled as reply " + r.id());
            return;
        }
        if (inFlight.size() > 1) {
            String ids = inFlight.stream().map(r -> r.id().toString()).toList().toString();
            storage.audit()
                    .append(new AuditEntry(
                            now,
                            SYSTEM,
                            AuditAction.ECHO_UNMATCHED,
                            Optional.empty(),
                            Optional.of(own.channel()),
                            "own message " + own.key() + " matches " + inFlight.size() + " replies being published "
                                    + ids + "; not reconciled (cannot tell which one), their next attempts decide"));
            return;
        }
        ops.onUnmatchedEcho(own, after); // audited; the hijack guard may pause the channel
    }

    private void deadLetter(String source, String raw, String reason) {
        Instant now = clock.instant();
        String id = ids.newId();
        storage.deadLetters().put(new DeadLetter(id, source, raw, reason, now));
        storage.audit()
                .append(new AuditEntry(
                        now,
                        SYSTEM,
                        AuditAction.DEAD_LETTERED,
                        Optional.empty(),
                        Optional.empty(),
                        "dead letter " + id + " from " + source + ": " + reason));
    }

    // ---------------------------------------------------------------- agent work

    /** The team's unassigned active conversations in queue order (priority, then due time). */
    public List<Conversation> queue(TeamId team, int limit) {
        requireTeam(team);
        return storage.conversations().unassignedQueue(team, limit);
    }

    /** The agent's active conversations in queue order. */
    public List<Conversation> assignedTo(AgentId agent) {
        requireAgent(agent);
        return storage.conversations().assignedTo(agent);
    }

    /** The agent takes the conversation. @throws org.socialcare.core.error.AlreadyClaimedException if another agent holds it */
    public Conversation claim(ConversationId id, AgentId agent) {
        requireAgent(agent);
        return change(id, "agent:" + agent, c -> c.claim(agent), AuditAction.CLAIMED, "claimed by " + agent);
    }

    /**
     * The assigned agent answers in public under the customer's latest public message; the reply is queued in
     * the outbox in the same transaction.
     *
     * @throws org.socialcare.core.error.NotAssignedException if the agent does not hold the conversation
     * @throws CareException if the conversation has no public customer message to answer
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED);
     *     a reply that needs approval is returned but held, see {@link #pendingApprovals()}
     */
    public Reply reply(ConversationId id, AgentId agent, String text) {
        requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> storage.transactions().inTransaction(() -> {
            Conversation c = load(id);
            String target = lastCustomerMessage(c, Visibility.PUBLIC)
                    .orElseThrow(() -> new CareException("conversation " + id
                            + " has no public customer message to answer; send a private message instead"));
            return enqueueReply(c, agent, ReplyKind.PUBLIC_REPLY, Optional.of(target), Optional.empty(), text);
        }));
    }

    /**
     * The assigned agent answers the customer's latest public comment privately, after the compliance checks:
     * Facebook's private reply (one Messenger message per comment, allowed before the customer ever wrote on
     * Messenger). Queued in the outbox as a {@link ReplyKind#PRIVATE_REPLY_TO_COMMENT} targeting that comment.
     *
     * @throws org.socialcare.core.error.NotAssignedException if the agent does not hold the conversation
     * @throws CareException if the conversation has no public customer message to answer, or is on a Twitter
     *     channel (Twitter has no private reply to a tweet: use {@link #sendPrivate})
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    public Reply privateReplyToComment(ConversationId id, AgentId agent, String text) {
        requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> storage.transactions().inTransaction(() -> {
            Conversation c = load(id);
            Channel channel = channels.get(c.channel());
            if (channel.platform().equals(Platform.TWITTER)) {
                throw new CareException(
                        "conversation " + id + " is on " + channel.platform() + " channel '" + channel.id()
                                + "', which has no private reply to a public message; send a private message (sendPrivate) instead");
            }
            String target = lastCustomerMessage(c, Visibility.PUBLIC)
                    .orElseThrow(() -> new CareException("conversation " + id
                            + " has no public customer comment to answer privately; send a private message instead"));
            return enqueueReply(
                    c,
                    agent,
                    ReplyKind.PRIVATE_REPLY_TO_COMMENT,
                    Optional.of(target),
                    Optional.of(c.customer().platformUserId()),
                    text);
        }));
    }

    /**
     * The assigned agent sends the customer a private message (DM, Messenger), after the compliance checks.
     *
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    public Reply sendPrivate(ConversationId id, AgentId agent, String text) {
        requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> storage.transactions().inTransaction(() -> {
            Conversation c = load(id);
            return enqueueReply(
                    c,
                    agent,
                    ReplyKind.PRIVATE_MESSAGE,
                    Optional.empty(),
                    Optional.of(c.customer().platformUserId()),
                    text);
        }));
    }

    /**
     * Moves the conversation to a private channel: a public reply invites the customer ("DM us your number and
     * we'll call you"), and, when {@code privateOpening} is given, a private message opens the private leg.
     * Both are queued in one transaction; the customer's private answer joins this conversation. Both texts
     * pass the compliance checks before anything is queued.
     *
     * @throws ComplianceViolationException if either text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    public List<Reply> moveToPrivate(
            ConversationId id, AgentId agent, String publicInvite, Optional<String> privateOpening) {
        requireAgent(agent);
        Checks.notBlank(publicInvite, "publicInvite");
        Checks.notNull(privateOpening, "privateOpening");
        complianceAudited(id, agent, () -> {
            Conversation c = load(id);
            if (!c.isAssignedTo(agent)) {
                throw new org.socialcare.core.error.NotAssignedException(id, agent, c.assignee());
            }
            Channel channel = channels.get(c.channel());
            guard.review(c, channel, ReplyKind.PUBLIC_REPLY, publicInvite);
            privateOpening.ifPresent(text -> guard.review(c, channel, ReplyKind.PRIVATE_MESSAGE, text));
            return c;
        });
        return storage.transactions().inTransaction(() -> {
            List<Reply> out = new ArrayList<>();
            out.add(reply(id, agent, publicInvite));
            privateOpening.ifPresent(text -> out.add(sendPrivate(id, agent, text)));
            Conversation c = load(id);
            audit(
                    clock.instant(),
                    "agent:" + agent,
                    AuditAction.MOVED_TO_PRIVATE,
                    c,
                    "invited the customer to a private channel");
            return List.copyOf(out);
        });
    }

    /**
     * The assigned agent asks the bank's phone team to call the customer. Audited with the number masked,
     * then handed to the {@link CallbackGateway}.
     *
     * @throws IllegalStateException if the desk was built without a callback gateway
     */
    public CallbackRequest requestCallback(
            ConversationId id, AgentId agent, String phoneNumber, Optional<Instant> preferredAt) {
        requireAgent(agent);
        Checks.notBlank(phoneNumber, "phoneNumber");
        Checks.notNull(preferredAt, "preferredAt");
        CallbackGateway gateway = callbacks.orElseThrow(() -> new IllegalStateException(
                "no CallbackGateway configured; set one with CareDesk.builder().callbackGateway(...)"));
        CallbackRequest request = storage.transactions().inTransaction(() -> {
            Conversation c = load(id);
            if (!c.isAssignedTo(agent)) {
                throw new org.socialcare.core.error.NotAssignedException(id, agent, c.assignee());
            }
            CallbackRequest r = new CallbackRequest(id, c.customer(), phoneNumber, preferredAt, agent, clock.instant());
            audit(
                    r.requestedAt(),
                    "agent:" + agent,
                    AuditAction.CALLBACK_REQUESTED,
                    c,
                    "callback to " + r.maskedPhoneNumber()
                            + preferredAt.map(p -> " at " + p).orElse(" as soon as possible"));
            return r;
        });
        gateway.requestCallback(request);
        return request;
    }

    /**
     * Marks the conversation RESOLVED. Only the agent who holds it, or a supervisor
     * ({@link Agent#supervisor()}), may resolve it.
     *
     * @throws org.socialcare.core.error.NotAssignedException if {@code agent} neither holds the conversation nor
     *     is a supervisor
     */
    public Conversation resolve(ConversationId id, AgentId agent) {
        Agent who = requireAgent(agent);
        Instant now = clock.instant();
        Conversation resolved = change(
                id,
                "agent:" + agent,
                c -> {
                    if (!c.isAssignedTo(agent) && !who.supervisor()) {
                        throw new org.socialcare.core.error.NotAssignedException(id, agent, c.assignee());
                    }
                    return c.resolve(now);
                },
                AuditAction.RESOLVED,
                "resolved by " + agent);
        // the agent who held it has room for the next waiting conversation
        assignWaiting(resolved.assignee().map(agents::get).map(Agent::team).orElse(who.team()));
        return resolved;
    }

    /** Closes a RESOLVED conversation for good. */
    public Conversation close(ConversationId id) {
        return change(id, SYSTEM, Conversation::close, AuditAction.CLOSED, "closed");
    }

    /** Escalates the conversation (to a supervisor), notifying the {@link EscalationNotifier}. */
    public Conversation escalate(ConversationId id, String actor, String reason) {
        Checks.notBlank(actor, "actor");
        Checks.notBlank(reason, "reason");
        Conversation c = change(id, actor, Conversation::escalate, AuditAction.ESCALATED, reason);
        notifier.notify(new EscalationNotice(
                EscalationNotice.Kind.CONVERSATION_ESCALATED,
                c.channel(),
                Optional.of(c.id()),
                reason,
                c.priority(),
                clock.instant()));
        return c;
    }

    /**
     * Changes an agent's presence. An agent going OFFLINE gives back their active conversations: they return to
     * their team queue, keeping their priority and due times, and (with auto-assignment) are re-routed to the
     * team's agents who can take more. An agent coming ONLINE gets waiting work.
     */
    public Agent setPresence(AgentId agentId, Presence presence) {
        Agent agent = requireAgent(agentId).withPresence(presence);
        agents.put(agentId, agent);
        if (presence == Presence.OFFLINE) {
            for (Conversation c : storage.conversations().assignedTo(agentId)) {
                change(c.id(), SYSTEM, Conversation::unassign, AuditAction.UNASSIGNED, agentId + " went offline");
            }
        }
        if (presence != Presence.AWAY) {
            assignWaiting(agent.team()); // re-route what the agent gave back, or give a returning agent work
        }
        return agent;
    }

    private Reply enqueueReply(
            Conversation c,
            AgentId agent,
            ReplyKind kind,
            Optional<String> target,
            Optional<String> recipient,
            String text) {
        Instant now = clock.instant();
        Conversation answered = c.agentReplied(agent, kind.visibility(), now);
        ComplianceReview review = guard.review(c, channels.get(c.channel()), kind, text);
        Reply r = Reply.queued(
                ReplyId.of(ids.newId()),
                c.id(),
                c.channel(),
                kind,
                target,
                recipient,
                review.text(),
                Optional.of(agent),
                now);
        List<String> approvalReasons = new ArrayList<>(review.approvalReasons());
        if (ops.requiresApproval(c.id())) {
            approvalReasons.add("an escalation rule requires approval of replies in this conversation");
        }
        if (!approvalReasons.isEmpty()) {
            guard.policies().approvals().submit(new ApprovalRequest(r, approvalReasons, now));
            audit(
                    now,
                    "agent:" + agent,
                    AuditAction.APPROVAL_REQUESTED,
                    c,
                    kind + " " + r.id() + " held for approval: " + approvalReasons);
            return r;
        }
        Conversation replied = storage.conversations().save(answered);
        storage.outbox().enqueue(r);
        audit(now, "agent:" + agent, AuditAction.REPLY_QUEUED, replied, kind + " " + r.id());
        return r;
    }

    private Optional<String> lastCustomerMessage(Conversation c, Visibility visibility) {
        List<StoredMessage> thread = storage.messages().listByConversation(c.id());
        for (int i = thread.size() - 1; i >= 0; i--) {
            StoredMessage s = thread.get(i);
            if (s.direction() == Direction.INBOUND && s.visibility() == visibility) {
                return Optional.of(s.key().messageId());
            }
        }
        return Optional.empty();
    }

    private Conversation change(
            ConversationId id,
            String actor,
            java.util.function.UnaryOperator<Conversation> f,
            AuditAction action,
            String detail) {
        return storage.transactions().inTransaction(() -> {
            Conversation saved = storage.conversations().save(f.apply(load(id)));
            audit(clock.instant(), actor, action, saved, detail);
            return saved;
        });
    }

    private Conversation load(ConversationId id) {
        return storage.conversations()
                .find(Checks.notNull(id, "conversation id"))
                .orElseThrow(() -> new UnknownConversationException(id));
    }

    // ---------------------------------------------------------------- templates, compliance, approval

    /**
     * The assigned agent answers with template {@code templateKey} of the {@link MessagePolicies#composer()},
     * filled for the conversation's customer and language and signed with the agent's initials, as a
     * PUBLIC_REPLY ({@link #reply}) or PRIVATE_MESSAGE ({@link #sendPrivate}), with the same compliance checks.
     *
     * @param values values for the template's custom placeholders
     * @throws IllegalArgumentException for an unknown template, a missing placeholder value or another kind
     */
    public Reply replyWithTemplate(
            ConversationId id, AgentId agent, String templateKey, ReplyKind kind, Map<String, String> values) {
        Agent author = requireAgent(agent);
        Checks.notNull(kind, "kind");
        if (kind != ReplyKind.PUBLIC_REPLY && kind != ReplyKind.PRIVATE_MESSAGE) {
            throw new IllegalArgumentException(
                    "templates are sent as PUBLIC_REPLY or PRIVATE_MESSAGE but kind was " + kind);
        }
        Conversation c = load(id);
        String text = guard.policies()
                .composer()
                .compose(templateKey, new TemplateContext(c.customer(), author, c.language(), values), kind);
        return kind == ReplyKind.PUBLIC_REPLY ? reply(id, agent, text) : sendPrivate(id, agent, text);
    }

    /** Replies held for four-eyes approval, oldest first. */
    public List<ApprovalRequest> pendingApprovals() {
        return guard.policies().approvals().pending();
    }

    /**
     * A supervisor approves a held reply: it is queued in the outbox (and counts as the author's answer while
     * they still hold the active conversation). Audited APPROVAL_DECIDED.
     *
     * @throws ApprovalException if the reply is not awaiting approval, {@code supervisor} is not a supervisor,
     *     or wrote the reply (four eyes)
     */
    public Reply approve(ReplyId replyId, AgentId supervisor) {
        ApprovalRequest request = decidable(replyId, supervisor);
        Reply held = request.reply();
        AgentId author = held.author().orElseThrow();
        if (author.equals(supervisor)) {
            throw new ApprovalException("four eyes: " + supervisor + " wrote reply " + replyId
                    + " and cannot approve it; ask another supervisor");
        }
        // take the request in the transaction that queues the reply: with a transactional gateway (JDBC) a failure
        // puts it back by rollback; the in-memory gateway cannot roll back, so it is resubmitted below
        java.util.concurrent.atomic.AtomicReference<ApprovalRequest> taken =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return storage.transactions().inTransaction(() -> {
                taken.set(guard.policies()
                        .approvals()
                        .take(replyId)
                        .orElseThrow(() ->
                                new ApprovalException("reply " + replyId + " was decided by someone else meanwhile")));
                Instant now = clock.instant();
                Conversation c = load(held.conversation());
                Reply r = Reply.queued(
                        held.id(),
                        held.conversation(),
                        held.channel(),
                        held.kind(),
                        held.target(),
                        held.recipient(),
                        held.text(),
                        held.author(),
                        now);
                if (c.isAssignedTo(author) && c.state().isActive()) {
                    c = storage.conversations().save(c.agentReplied(author, r.visibility(), now));
                }
                storage.outbox().enqueue(r);
                audit(
                        now,
                        "supervisor:" + supervisor,
                        AuditAction.APPROVAL_DECIDED,
                        c,
                        "approved " + r.kind() + " " + r.id() + " by " + author);
                audit(
                        now,
                        "agent:" + author,
                        AuditAction.REPLY_QUEUED,
                        c,
                        r.kind() + " " + r.id() + " approved by " + supervisor);
                return r;
            });
        } catch (RuntimeException e) {
            keepPending(replyId, taken.get());
            throw e;
        }
    }

    /** After a failed decision: a request that was taken and not restored by a rollback is pending again. */
    private void keepPending(ReplyId replyId, ApprovalRequest taken) {
        if (taken != null && guard.policies().approvals().find(replyId).isEmpty()) {
            guard.policies().approvals().submit(taken);
        }
    }

    /**
     * A supervisor rejects a held reply; it is never queued. Audited APPROVAL_DECIDED with the reason.
     *
     * @throws ApprovalException if the reply is not awaiting approval or {@code supervisor} is not a supervisor
     */
    public ApprovalRequest rejectReply(ReplyId replyId, AgentId supervisor, String reason) {
        Checks.notBlank(reason, "reason");
        decidable(replyId, supervisor);
        java.util.concurrent.atomic.AtomicReference<ApprovalRequest> taken =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return storage.transactions().inTransaction(() -> {
                ApprovalRequest t = guard.policies()
                        .approvals()
                        .take(replyId)
                        .orElseThrow(() ->
                                new ApprovalException("reply " + replyId + " was decided by someone else meanwhile"));
                taken.set(t);
                Reply r = t.reply();
                audit(
                        clock.instant(),
                        "supervisor:" + supervisor,
                        AuditAction.APPROVAL_DECIDED,
                        r.conversation(),
                        r.channel(),
                        "rejected " + r.kind() + " " + r.id() + " by "
                                + r.author().map(AgentId::toString).orElse("desk") + ": " + reason);
                return t;
            });
        } catch (RuntimeException e) {
            keepPending(replyId, taken.get());
            throw e;
        }
    }

    private ApprovalRequest decidable(ReplyId replyId, AgentId supervisor) {
        Checks.notNull(replyId, "reply id");
        Agent s = requireAgent(supervisor);
        if (!s.supervisor()) {
            throw new ApprovalException(supervisor + " is not a supervisor and cannot decide on reply " + replyId);
        }
        return guard.policies()
                .approvals()
                .find(replyId)
                .orElseThrow(() -> new ApprovalException("reply " + replyId + " is not awaiting approval"));
    }

    /** Runs {@code work}; a compliance violation is audited COMPLIANCE_BLOCKED in its own transaction, then rethrown. */
    private <T> T complianceAudited(ConversationId id, AgentId agent, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ComplianceViolationException e) {
            LOG.info("reply on conversation {} by {} blocked: {}", id, agent, e.getMessage());
            storage.transactions().run(() -> storage.conversations()
                    .find(id)
                    .ifPresent(c -> audit(
                            clock.instant(), "agent:" + agent, AuditAction.COMPLIANCE_BLOCKED, c, e.getMessage())));
            throw e;
        }
    }

    // ---------------------------------------------------------------- publish

    /**
     * Publishes due outbox entries through the platforms' publishers. Entries of a PAUSED or unhealthy channel
     * stay QUEUED with the reason; rate limits wait until the platform's reset time; transient errors retry
     * with exponential backoff and jitter up to {@link DeskSettings#maxAttempts()}; permission, invalid-request and
     * messaging-window errors fail the entry with the reason.
     *
     * <p>Each attempt is recorded (attempts + 1, next attempt after {@link DeskSettings#dispatchLease()}) in its own
     * transaction before the publisher is called, so an entry with attempts above zero may have been published even
     * if its outcome was never recorded (a crash, a storage failure). A DUPLICATE answer therefore counts as sent
     * only when an earlier attempt of the same entry may have got through; on a first attempt it means the account
     * already posted identical text (another reply), and the entry FAILS asking the agent to rephrase.
     */
    public DispatchResult dispatchOutbox() {
        Instant now = clock.instant();
        List<Reply> claimed = storage.transactions().inTransaction(() -> storage.outbox()
                .claimDue(now, settings.dispatchBatchSize(), settings.dispatchLease()));
        DispatchResult result = DispatchResult.nothing();
        for (Reply r : claimed) {
            try {
                result = result.plus(dispatchOne(r));
            } catch (RuntimeException e) {
                result = result.plus(poisoned(r, e));
            }
        }
        return result;
    }

    /**
     * An entry that broke the dispatcher itself (a channel no longer configured, a guard or storage error) is held
     * with backoff, then FAILED after {@link DeskSettings#maxAttempts()}, so it never stalls the rest of the batch.
     */
    private DispatchResult poisoned(Reply r, RuntimeException e) {
        LOG.warn(
                "dispatching reply {} on channel {} failed: {}",
                r.id(),
                r.channel(),
                e.getClass().getName());
        String why = "dispatch failed: " + e.getClass().getSimpleName()
                + (e instanceof CareException ? ": " + e.getMessage() : "");
        int attempt = r.attempts() + 1;
        try {
            if (storage.outbox().find(r.id()).filter(Reply::isQueued).isEmpty()) {
                return new DispatchResult(0, 0, 0); // its outcome was recorded after all
            }
            if (attempt >= settings.maxAttempts()) {
                fail(r, attempt, "gave up after " + attempt + " attempts: " + why);
                return new DispatchResult(0, 0, 1);
            }
            hold(r, attempt, clock.instant().plus(backoff(attempt)), why);
        } catch (RuntimeException again) {
            LOG.warn(
                    "could not record the failure of reply {} ({}); it is retried when its lease ends",
                    r.id(),
                    again.getClass().getName());
        }
        return new DispatchResult(0, 1, 0);
    }

    private DispatchResult dispatchOne(Reply r) {
        Instant now = clock.instant();
        switches.refresh(r.channel(), now); // another desk's kill switch, read at most CHANNEL_STATE_MAX_AGE ago
        Channel channel = channels.get(r.channel());
        ChannelHealth health = channels.health(r.channel());
        if (!channel.isActive() || !health.isPublishable(now)) {
            String why = "channel " + channel.id() + " is " + (channel.isActive() ? health.state() : "PAUSED")
                    + health.retryAfter()
                            .filter(now::isBefore)
                            .map(t -> " until " + t)
                            .orElse("");
            hold(r, r.attempts(), health.retryAfter().filter(now::isBefore).orElse(now), why);
            return new DispatchResult(0, 1, 0);
        }
        ChannelPublisher publisher = channelPublishers.getOrDefault(channel.id(), publishers.get(channel.platform()));
        if (publisher == null) {
            hold(r, r.attempts(), now, "no publisher configured for platform " + channel.platform());
            return new DispatchResult(0, 1, 0);
        }
        // Guard rails (PublishingGuard): link allow-list fails the entry, the outbound rate cap holds it.
        List<String> badLinks = publishing.disallowedLinks(r);
        if (!badLinks.isEmpty()) {
            String why = "links to domains not on the allow-list: " + String.join(", ", badLinks);
            storage.transactions()
                    .run(() -> audit(
                            now,
                            SYSTEM,
                            AuditAction.COMPLIANCE_BLOCKED,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " blocked: " + why));
            fail(r, r.attempts(), why);
            return new DispatchResult(0, 0, 1);
        }
        Optional<Instant> capped = publishing.tryAcquire(channel.id(), now);
        if (capped.isPresent()) {
            hold(
                    r,
                    r.attempts(),
                    capped.get(),
                    "outbound rate cap of " + publishing.describeCap(channel.id()) + " reached on channel "
                            + channel.id());
            return new DispatchResult(0, 1, 0);
        }
        int attempt = r.attempts() + 1;
        // Record the attempt before the platform sees it (own small transaction): from here on the entry may have
        // been published, and whoever looks at it next (a retry, an echo) knows. Its own lease starts now.
        Reply started = r.withStatus(new DeliveryStatus.Queued(
                attempt,
                now.plus(settings.dispatchLease()),
                Optional.of("publish attempt " + attempt + " started at " + now + "; outcome not recorded yet")));
        boolean stillOurs = storage.transactions().inTransaction(() -> {
            // the batch's lease may have run out while earlier entries were published: another desk may own it now
            if (!storage.outbox().find(r.id()).filter(r::equals).isPresent()) {
                return false;
            }
            storage.outbox().update(started);
            return true;
        });
        if (!stillOurs) {
            LOG.debug("reply {} changed since it was claimed; left to whoever changed it", r.id());
            return DispatchResult.nothing();
        }
        Optional<String> platformId;
        try {
            platformId = publisher.publish(channel, r);
        } catch (PlatformException e) {
            return onPublishError(r, channel, attempt, e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "publisher for {} failed unexpectedly on reply {}: {}",
                    channel.platform(),
                    r.id(),
                    e.getClass().getName());
            return onPublishError(
                    r,
                    channel,
                    attempt,
                    new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            "unexpected " + e.getClass().getSimpleName(),
                            Optional.empty(),
                            Optional.empty(),
                            e));
        }
        channels.recordSuccess(channel.id());
        storage.transactions().run(() -> markSent(started, platformId, clock.instant()));
        return new DispatchResult(1, 0, 0);
    }

    private DispatchResult onPublishError(Reply r, Channel channel, int attempt, PlatformException e) {
        Instant now = clock.instant();
        switch (e.kind()) {
            case DUPLICATE -> {
                if (attempt > 1) {
                    // an earlier attempt of this very entry may have got through: the platform already has it
                    storage.transactions()
                            .run(() -> markSent(
                                    r.withStatus(new DeliveryStatus.Queued(attempt, now, Optional.empty())),
                                    Optional.empty(),
                                    now));
                    return new DispatchResult(1, 0, 0);
                }
                fail(
                        r,
                        attempt,
                        "the platform refused the text as a duplicate: this account already posted identical text; "
                                + "rephrase the reply and send it again (" + e.getMessage() + ")");
                return new DispatchResult(0, 0, 1);
            }
            case RATE_LIMITED -> {
                channels.recordFailure(channel.id(), e);
                hold(r, attempt, e.retryAt().orElse(now.plus(settings.retryBase())), e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            case AUTH_FAILED -> {
                channels.recordFailure(channel.id(), e);
                hold(r, attempt, now, e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            case TRANSIENT -> {
                channels.recordFailure(channel.id(), e);
                if (attempt >= settings.maxAttempts()) {
                    fail(r, attempt, "gave up after " + attempt + " attempts: " + e.getMessage());
                    return new DispatchResult(0, 0, 1);
                }
                hold(r, attempt, now.plus(backoff(attempt)), e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            default -> {
                if (e.kind() == PlatformException.Kind.PERMISSION) {
                    channels.recordFailure(channel.id(), e);
                }
                fail(r, attempt, e.getMessage());
                return new DispatchResult(0, 0, 1);
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.retryBase().toMillis();
        long cap = settings.retryCap().toMillis();
        long exp = attempt >= 30 ? cap : Math.min(cap, base << (attempt - 1));
        long jittered = exp / 2 + random.nextLong(exp / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private void hold(Reply r, int attempts, Instant next, String why) {
        storage.transactions().run(() -> {
            storage.outbox().update(r.withStatus(new DeliveryStatus.Queued(attempts, next, Optional.of(why))));
            Optional<String> previous =
                    r.status() instanceof DeliveryStatus.Queued q ? q.lastError() : Optional.empty();
            if (!previous.equals(Optional.of(why))) {
                audit(
                        clock.instant(),
                        SYSTEM,
                        AuditAction.REPLY_HELD,
                        r.conversation(),
                        r.channel(),
                        r.kind() + " " + r.id() + " held: " + why);
            }
        });
    }

    private void fail(Reply r, int attempts, String why) {
        Instant now = clock.instant();
        storage.transactions().run(() -> {
            storage.outbox().update(r.withStatus(new DeliveryStatus.Failed(why, now, attempts)));
            audit(
                    now,
                    SYSTEM,
                    AuditAction.REPLY_FAILED,
                    r.conversation(),
                    r.channel(),
                    r.kind() + " " + r.id() + " failed: " + why);
        });
        LOG.warn("reply {} on channel {} failed: {}", r.id(), r.channel(), why);
    }

    private void markSent(Reply r, Optional<String> platformId, Instant at) {
        Reply sent = r.withStatus(new DeliveryStatus.Sent(platformId, at, r.attempts()));
        storage.outbox().update(sent);
        if (r.kind().carriesText() && platformId.isPresent()) {
            Channel channel = channels.get(r.channel());
            storage.messages()
                    .insertIfAbsent(new StoredMessage(
                            MessageKey.of(channel.platform(), platformId.get()),
                            r.conversation(),
                            r.channel(),
                            Direction.OUTBOUND,
                            channel.platformAccountId(),
                            channel.handle(),
                            r.text(),
                            r.visibility(),
                            r.target(),
                            at));
        }
        audit(
                at,
                SYSTEM,
                AuditAction.REPLY_SENT,
                r.conversation(),
                r.channel(),
                r.kind() + " " + r.id() + platformId.map(p -> " as " + p).orElse(" (platform already had it)"));
    }

    // ---------------------------------------------------------------- operations: routing, SLA sweep, escalation

    /** The default number of due conversations one {@link #sweep()} reviews. */
    public static final int DEFAULT_SWEEP_LIMIT = 500;

    /**
     * Applies time-based rules to conversations whose SLA or rule checkpoint is due now (AT_RISK, BREACHED,
     * unanswered for N): reviews up to {@value #DEFAULT_SWEEP_LIMIT} of them through
     * {@code ConversationStore.dueBy}, each in its own transaction, and moves each one's checkpoint on (at-risk,
     * then breach, then none), so its cost grows with due work, not with open conversations. Call it from a
     * scheduler every minute or so; call again while {@link SweepResult#hasMore()}. Safe to run on several
     * desks at once (a conversation changed by another desk is skipped and stays due). Without time-based
     * escalation rules ({@link EscalationPolicy#hasTimeBasedRules()}) there is nothing to apply and it reads nothing.
     */
    public SweepResult sweep() {
        return sweep(DEFAULT_SWEEP_LIMIT);
    }

    /** {@link #sweep()} reviewing at most {@code limit} due conversations. */
    public SweepResult sweep(int limit) {
        Checks.positive(limit, "limit");
        return ops.sweep(limit, storage.transactions()::inTransaction);
    }

    /**
     * Assigns the team's waiting conversations (priority first, then SLA due time) to its agents who can take
     * more, by the desk's {@link RoutingPolicy}; returns how many were assigned. The desk calls it after
     * ingest, when an agent resolves a conversation, goes offline or comes online. Does nothing when the
     * routing policy does not auto-assign.
     */
    public int assignWaiting(TeamId team) {
        requireTeam(team);
        return storage.transactions().inTransaction(() -> ops.assignWaiting(team));
    }

    /**
     * Whether replies on the conversation need a second person's approval: an escalation rule with the
     * {@code require-approval} action has an open episode on it. Read from the {@link EscalationFiringStore},
     * so every desk sharing the store agrees.
     */
    public boolean requiresApproval(ConversationId id) {
        return ops.requiresApproval(Checks.notNull(id, "conversation id"));
    }

    /** Every escalation rule firing of the conversation, open or ended, in firing order. */
    public List<EscalationFiring> escalations(ConversationId id) {
        return ops.firings(Checks.notNull(id, "conversation id"));
    }

    /** The conversation's SLA status now (the worse of its running clocks). */
    public SlaStatus slaStatus(ConversationId id) {
        return ops.slaStatus(load(id), clock.instant());
    }

    /** The SLA policy the desk schedules with (for reports such as {@code CareMetrics}). */
    public SlaPolicy slaPolicy() {
        return sla;
    }

    // ---------------------------------------------------------------- channels

    /** {@link #pauseChannel(ChannelId, String, String)} by actor {@code system}. */
    public void pauseChannel(ChannelId id, String reason) {
        pauseChannel(id, reason, SYSTEM);
    }

    /**
     * Pauses the channel (kill switch): nothing is published on it until {@link #resumeChannel}, by this desk at
     * once and by every desk sharing the {@link ChannelStateStore} within {@link #CHANNEL_STATE_MAX_AGE}; desks
     * built later start with it PAUSED. The store record and the audit line are written in one transaction; the
     * channel is paused here first, so it stays paused here even if that transaction fails (the error propagates).
     *
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no such channel
     */
    public void pauseChannel(ChannelId id, String reason, String actor) {
        Checks.notNull(id, "channel id");
        Checks.notBlank(reason, "reason");
        Checks.notBlank(actor, "actor");
        channels.get(id);
        Instant now = clock.instant();
        storage.transactions().run(() -> {
            switches.pause(id, reason, actor, now);
            storage.audit()
                    .append(new AuditEntry(
                            now, actor, AuditAction.CHANNEL_PAUSED, Optional.empty(), Optional.of(id), reason));
        });
    }

    /**
     * Lifts the kill switch in the {@link ChannelStateStore} (with its audit line, one transaction), then here:
     * queued replies go out on the next dispatch, on other desks sharing the store within
     * {@link #CHANNEL_STATE_MAX_AGE}. If the transaction fails the channel stays paused.
     *
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no such channel
     */
    public void resumeChannel(ChannelId id, String actor) {
        Checks.notNull(id, "channel id");
        Checks.notBlank(actor, "actor");
        channels.get(id);
        Instant now = clock.instant();
        storage.transactions().run(() -> {
            switches.recordResume(id, actor, now);
            storage.audit()
                    .append(new AuditEntry(
                            now,
                            actor,
                            AuditAction.CHANNEL_RESUMED,
                            Optional.empty(),
                            Optional.of(id),
                            "resumed by " + actor));
        });
        switches.resumedLocally(id, now);
    }

    public Channel channel(ChannelId id) {
        return channels.get(id);
    }

    public List<Channel> channels() {
        return channels.all();
    }

    public ChannelHealth health(ChannelId id) {
        return channels.health(id);
    }

    public Optional<Agent> agent(AgentId id) {
        return Optional.ofNullable(agents.get(id));
    }

    public List<Agent> agents() {
        return agents.values().stream()
                .sorted(Comparator.comparing(a -> a.id().value()))
                .toList();
    }

    public List<Team> teams() {
        return teams.values().stream()
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList();
    }

    // ---------------------------------------------------------------- reading

    public Optional<Conversation> conversation(ConversationId id) {
        return storage.conversations().find(id);
    }

    /** The conversation's thread, customer's and bank's published messages, oldest first. */
    public List<StoredMessage> messages(ConversationId id) {
        return storage.messages().listByConversation(id);
    }

    /** Every outbox entry of the conversation with its delivery status, oldest first. */
    public List<Reply> replies(ConversationId id) {
        return storage.outbox().findByConversation(id);
    }

    /** The conversation's audit trail, in order. */
    public List<AuditEntry> history(ConversationId id) {
        return storage.audit().forConversation(id);
    }

    public CareStorage storage() {
        return storage;
    }

    /** The triage, moderation, composer and compliance policies this desk applies. */
    public MessagePolicies messagePolicies() {
        return guard.policies();
    }

    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- helpers

    private void notifyUnhealthy(ChannelHealth before, ChannelHealth after) {
        if (after.state() == HealthState.AUTH_FAILED) {
            notifier.notify(new EscalationNotice(
                    EscalationNotice.Kind.CHANNEL_UNHEALTHY,
                    after.channel(),
                    Optional.empty(),
                    "channel " + after.channel() + " cannot authenticate: "
                            + after.lastError().orElse("unknown"),
                    org.socialcare.core.domain.Priority.URGENT,
                    clock.instant()));
        }
    }

    private void audit(Instant at, String actor, AuditAction action, Conversation c, String detail) {
        audit(at, actor, action, c.id(), c.channel(), detail);
    }

    private void audit(Instant at, String actor, AuditAction action, ConversationId c, ChannelId ch, String detail) {
        storage.audit().append(AuditEntry.of(at, actor, action, c, ch, detail));
    }

    private Agent requireAgent(AgentId id) {
        Agent a = agents.get(Checks.notNull(id, "agent id"));
        if (a == null) {
            throw new CareException("unknown agent '" + id + "'; configured agents are " + agents.keySet());
        }
        return a;
    }

    private void requireTeam(TeamId id) {
        if (!teams.containsKey(Checks.notNull(id, "team id"))) {
            throw new CareException("unknown team '" + id + "'; configured teams are " + teams.keySet());
        }
    }

    /**
     * Configures a {@link CareDesk}. Defaults: in-memory storage, system UTC clock, random UUID ids, no
     * notifier, {@link DeskSettings#ofDefaults()}, {@link MessagePolicies#ofDefaults()}. {@link #build()}
     * validates that every channel's and agent's team is configured. Not thread-safe.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.uuids();
        private Random random = new Random();
        private CareStorage storage;
        private EscalationNotifier notifier = EscalationNotifier.none();
        private CallbackGateway callbacks;
        private DeskSettings settings = DeskSettings.ofDefaults();
        private MessagePolicies messagePolicies;
        private final Map<Platform, ChannelPublisher> publishers = new HashMap<>();
        private final Map<ChannelId, ChannelPublisher> channelPublishers = new HashMap<>();
        private final Map<ChannelId, Channel> channels = new LinkedHashMap<>();
        private final Map<TeamId, Team> teams = new LinkedHashMap<>();
        private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
        private final List<ChannelHealthListener> healthListeners = new ArrayList<>();
        private RoutingPolicy routing = RoutingPolicy.queueOnly();
        private SlaPolicy sla;
        private EscalationPolicy escalation = EscalationPolicy.none();
        private EscalationFiringStore firings;
        private ChannelStateStore channelStates;
        private ComplaintGateway complaints;
        private HijackGuard hijack = HijackGuard.off();
        private PublishingGuard publishing = PublishingGuard.none();

        private Builder() {}

        /** Team and agent choice. Default {@link RoutingPolicy#queueOnly()}: the channel's team queue, agents claim. */
        public Builder routing(RoutingPolicy value) {
            routing = Checks.notNull(value, "routing");
            return this;
        }

        /** SLA targets and calendars. Default {@code SlaPolicy.wallClock(settings.firstResponseTarget())}. */
        public Builder slaPolicy(SlaPolicy value) {
            sla = Checks.notNull(value, "slaPolicy");
            return this;
        }

        /** Escalation rules, applied at ingest and in {@link CareDesk#sweep()}. Default none. */
        public Builder escalation(EscalationPolicy value) {
            escalation = Checks.notNull(value, "escalation");
            return this;
        }

        /** Where rule firings are kept. Default in memory; share a persistent one between desks on one database. */
        public Builder escalationFirings(EscalationFiringStore value) {
            firings = Checks.notNull(value, "escalationFirings");
            return this;
        }

        /**
         * Where channel pauses (the kill switch) are kept. Default a fresh in-memory store; give every desk sharing
         * a storage the same store (the JDBC module's {@code channelStates()}) so a pause stops them all and
         * survives a restart.
         */
        public Builder channelStates(ChannelStateStore value) {
            channelStates = Checks.notNull(value, "channelStates");
            return this;
        }

        /** The bank's complaint system, for the {@code open-complaint} action. Default none (the firing says so). */
        public Builder complaintGateway(ComplaintGateway value) {
            complaints = Checks.notNull(value, "complaintGateway");
            return this;
        }

        /** Judges echoes the outbox did not send. Default {@link HijackGuard#off()} (audited only). */
        public Builder hijackGuard(HijackGuard value) {
            hijack = Checks.notNull(value, "hijackGuard");
            return this;
        }

        /** Outbound rate cap and link allow-list applied at dispatch. Default {@link PublishingGuard#none()}. */
        public Builder publishingGuard(PublishingGuard value) {
            publishing = Checks.notNull(value, "publishingGuard");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Checks.notNull(value, "clock");
            return this;
        }

        public Builder ids(IdGenerator value) {
            ids = Checks.notNull(value, "ids");
            return this;
        }

        /**
         * The source of the outbox's retry jitter (a held reply waits between half and all of its backoff). Default
         * an unseeded {@link Random}; a seeded one replays the retries of a run whose dispatches come in the same
         * order (one dispatching thread). Shared by every thread that dispatches ({@code Random} is thread-safe).
         *
         * @throws NullPointerException if {@code value} is null
         */
        public Builder random(Random value) {
            random = Checks.notNull(value, "random");
            return this;
        }

        public Builder storage(CareStorage value) {
            storage = Checks.notNull(value, "storage");
            return this;
        }

        public Builder notifier(EscalationNotifier value) {
            notifier = Checks.notNull(value, "notifier");
            return this;
        }

        public Builder callbackGateway(CallbackGateway value) {
            callbacks = Checks.notNull(value, "callbackGateway");
            return this;
        }

        public Builder settings(DeskSettings value) {
            settings = Checks.notNull(value, "settings");
            return this;
        }

        /**
         * Triage, moderation, reply composer, compliance, text limits and approval gateway. Default
         * {@link MessagePolicies#ofDefaults()} (a fresh in-memory approval gateway per desk).
         */
        public Builder messagePolicies(MessagePolicies value) {
            messagePolicies = Checks.notNull(value, "messagePolicies");
            return this;
        }

        public Builder publisher(ChannelPublisher value) {
            Checks.notNull(value, "publisher");
            if (publishers.put(value.platform(), value) != null) {
                throw new IllegalArgumentException(
                        "a publisher for platform " + value.platform() + " is already configured");
            }
            return this;
        }

        /**
         * Publishes the channel's entries with this publisher instead of its platform's: for accounts with their
         * own credentials (one Twitter publisher per account). The channel must be configured by {@link #build()}.
         */
        public Builder publisher(ChannelId channel, ChannelPublisher value) {
            Checks.notNull(channel, "channel");
            Checks.notNull(value, "publisher");
            if (channelPublishers.put(channel, value) != null) {
                throw new IllegalArgumentException("a publisher for channel '" + channel + "' is already configured");
            }
            return this;
        }

        /** Adds several publishers, one per platform. */
        public Builder publishers(java.util.Collection<? extends ChannelPublisher> values) {
            Checks.notNull(values, "publishers").forEach(this::publisher);
            return this;
        }

        public Builder channel(Channel value) {
            Checks.notNull(value, "channel");
            if (channels.put(value.id(), value) != null) {
                throw new IllegalArgumentException("channel id '" + value.id() + "' is configured twice");
            }
            return this;
        }

        public Builder team(Team value) {
            Checks.notNull(value, "team");
            teams.put(value.id(), value);
            return this;
        }

        public Builder agent(Agent value) {
            Checks.notNull(value, "agent");
            agents.put(value.id(), value);
            return this;
        }

        public Builder healthListener(ChannelHealthListener value) {
            healthListeners.add(Checks.notNull(value, "healthListener"));
            return this;
        }

        /**
         * @throws IllegalStateException naming the setting when a channel or agent refers to an unknown team, or
         *     no channel is configured
         */
        public CareDesk build() {
            if (channels.isEmpty()) {
                throw new IllegalStateException("a desk needs at least one channel; add one with channel(...)");
            }
            for (Channel c : channels.values()) {
                if (!teams.containsKey(c.team())) {
                    throw new IllegalStateException("channel '" + c.id() + "' belongs to team '" + c.team()
                            + "', which is not configured; configured teams are " + teams.keySet());
                }
            }
            for (ChannelId id : channelPublishers.keySet()) {
                if (!channels.containsKey(id)) {
                    throw new IllegalStateException("a publisher is configured for channel '" + id
                            + "', which is not configured; configured channels are " + channels.keySet());
                }
                if (!channelPublishers
                        .get(id)
                        .platform()
                        .equals(channels.get(id).platform())) {
                    throw new IllegalStateException("channel '" + id + "' is on "
                            + channels.get(id).platform() + " but its publisher publishes on "
                            + channelPublishers.get(id).platform());
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
                        throw new IllegalStateException(
                                "escalation rule '" + rule.id() + "' moves conversations to team '" + to.team()
                                        + "', which is not configured; configured teams are " + teams.keySet());
                    }
                }
            }
            if (storage == null) {
                storage = InMemoryStorage.create();
            }
            if (messagePolicies == null) {
                messagePolicies = MessagePolicies.ofDefaults();
            }
            if (firings == null) {
                firings = new InMemoryEscalationFiringStore();
            }
            if (channelStates == null) {
                channelStates = new InMemoryChannelStateStore();
            }
            return new CareDesk(this);
        }
    }
}
