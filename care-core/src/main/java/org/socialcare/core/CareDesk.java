package org.socialcare.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.internal.DeskAssembly;
import org.socialcare.core.port.in.CareUseCases;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.NoticeResult;
import org.socialcare.core.port.in.Operations;
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
import org.socialcare.core.port.out.DeskListener;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.core.port.out.IdGenerator;
import org.socialcare.core.port.out.NoticeOutbox;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * The entry point of the library: a bank's social care desk. Build one with {@link #builder()}; it implements
 * every primary port ({@link CareUseCases}: ingest, agent work, replies, approvals, dispatch, operations, reads),
 * each method handing the call to the service that owns the use case ({@code docs/architecture.md} draws the map).
 *
 * <p>Thread-safe: any number of threads (and several desks sharing one storage) may call it; conflicting
 * conversation updates fail with {@link org.socialcare.core.error.ConcurrentUpdateException}.
 */
public final class CareDesk implements CareUseCases {
    /**
     * How long a read of the shared {@link ChannelStateStore} is trusted: another desk's pause or resume applies here
     * within this time (this desk's own at once).
     */
    public static final Duration CHANNEL_STATE_MAX_AGE = Duration.ofSeconds(5);
    /** The default number of due conversations one {@link #sweep()} reviews. */
    public static final int DEFAULT_SWEEP_LIMIT = CareUseCases.DEFAULT_SWEEP_LIMIT;

    private final DeskAssembly.Services s;

    private CareDesk(DeskAssembly.Services services) {
        this.s = services;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IngestResult ingest(Batch batch) {
        return s.ingest().ingest(batch);
    }

    public PollResult poll(ChannelSource source) {
        return s.ingest().poll(source);
    }

    public WebhookResult webhook(WebhookHandler handler, WebhookRequest request) {
        return s.webhooks().webhook(handler, request);
    }

    public List<Conversation> queue(TeamId team, int limit) {
        return s.work().queue(team, limit);
    }

    public List<Conversation> assignedTo(AgentId agent) {
        return s.work().assignedTo(agent);
    }

    public Conversation claim(ConversationId id, AgentId agent) {
        return s.work().claim(id, agent);
    }

    public Conversation resolve(ConversationId id, AgentId agent) {
        return s.work().resolve(id, agent);
    }

    public Conversation close(ConversationId id) {
        return s.work().close(id);
    }

    public Conversation escalate(ConversationId id, String actor, String reason) {
        return s.work().escalate(id, actor, reason);
    }

    public Agent setPresence(AgentId agentId, Presence presence) {
        return s.work().setPresence(agentId, presence);
    }

    public CallbackRequest requestCallback(
            ConversationId id, AgentId agent, String phoneNumber, Optional<Instant> preferredAt) {
        return s.work().requestCallback(id, agent, phoneNumber, preferredAt);
    }

    public Reply reply(ConversationId id, AgentId agent, String text) {
        return s.replies().reply(id, agent, text);
    }

    public Reply privateReplyToComment(ConversationId id, AgentId agent, String text) {
        return s.replies().privateReplyToComment(id, agent, text);
    }

    public Reply sendPrivate(ConversationId id, AgentId agent, String text) {
        return s.replies().sendPrivate(id, agent, text);
    }

    public List<Reply> moveToPrivate(
            ConversationId id, AgentId agent, String publicInvite, Optional<String> privateOpening) {
        return s.replies().moveToPrivate(id, agent, publicInvite, privateOpening);
    }

    public Reply replyWithTemplate(
            ConversationId id, AgentId agent, String templateKey, ReplyKind kind, Map<String, String> values) {
        return s.replies().replyWithTemplate(id, agent, templateKey, kind, values);
    }

    public List<ApprovalRequest> pendingApprovals() {
        return s.approvals().pending();
    }

    public Reply approve(ReplyId replyId, AgentId supervisor) {
        return s.approvals().approve(replyId, supervisor);
    }

    public ApprovalRequest rejectReply(ReplyId replyId, AgentId supervisor, String reason) {
        return s.approvals().reject(replyId, supervisor, reason);
    }

    public DispatchResult dispatchOutbox() {
        return s.dispatcher().dispatchOutbox();
    }

    public NoticeResult deliverNotices() {
        return s.notices().deliverDue();
    }

    public List<NoticeOutbox.Entry> failingNotices(int limit) {
        Checks.positive(limit, "limit");
        return s.notices().failing(limit);
    }

    public SweepResult sweep() {
        return s.sweeper().sweep(DEFAULT_SWEEP_LIMIT);
    }

    public SweepResult sweep(int limit) {
        return s.sweeper().sweep(limit);
    }

    public int assignWaiting(TeamId team) {
        return s.routing().assignWaitingNow(team);
    }

    public boolean requiresApproval(ConversationId id) {
        return s.escalations().requiresApproval(id);
    }

    public List<EscalationFiring> escalations(ConversationId id) {
        return s.escalations().firings(id);
    }

    public SlaStatus slaStatus(ConversationId id) {
        return s.sla().status(id);
    }

    public void pauseChannel(ChannelId id, String reason) {
        s.channels().pause(id, reason, "system");
    }

    public void pauseChannel(ChannelId id, String reason, String actor) {
        s.channels().pause(id, reason, actor);
    }

    public void resumeChannel(ChannelId id, String actor) {
        s.channels().resume(id, actor);
    }

    public Optional<Conversation> conversation(ConversationId id) {
        return s.reader().conversation(id);
    }

    public List<StoredMessage> messages(ConversationId id) {
        return s.reader().messages(id);
    }

    public List<Reply> replies(ConversationId id) {
        return s.reader().replies(id);
    }

    public List<AuditEntry> history(ConversationId id) {
        return s.reader().history(id);
    }

    public Channel channel(ChannelId id) {
        return s.reader().channel(id);
    }

    public List<Channel> channels() {
        return s.reader().channels();
    }

    public ChannelHealth health(ChannelId id) {
        return s.reader().health(id);
    }

    public Optional<Agent> agent(AgentId id) {
        return s.reader().agent(id);
    }

    public List<Agent> agents() {
        return s.reader().agents();
    }

    public List<Team> teams() {
        return s.reader().teams();
    }

    public SlaPolicy slaPolicy() {
        return s.reader().slaPolicy();
    }

    public Clock clock() {
        return s.reader().clock();
    }

    public MetricsReport metrics(Instant from, Instant to, Duration inactiveAfter) {
        return s.reader().metrics(from, to, inactiveAfter);
    }

    /**
     * When the oldest reply still QUEUED in the outbox was created (the outbox lag a runtime reports); empty when
     * nothing waits. Reads the storage, so it throws when the storage cannot be reached.
     */
    public Optional<Instant> oldestQueuedReply() {
        return s.reader().oldestQueuedReply();
    }

    /**
     * The operator API: failed replies listed desk-wide and retried, dead letters listed and reprocessed, teams,
     * agents and channels added and retired at run time; every change audited under the operator's name.
     */
    public Operations operations() {
        return s.operations();
    }

    /** @deprecated read through the desk's own reads ({@link #history}, {@link #metrics}, ...) instead */
    @Deprecated
    public CareStorage storage() {
        return s.reader().storage();
    }

    /** The policies this desk applies, with its approval gateway. @deprecated keep the {@link MessagePolicies} you built */
    @Deprecated
    public MessagePolicies messagePolicies() {
        return s.reader().policies();
    }

    /**
     * Configures a {@link CareDesk}. Defaults: in-memory storage (every port), system UTC clock, random UUID ids, no
     * notifier, {@link DeskSettings#ofDefaults()}, {@link MessagePolicies#ofDefaults()}. Not thread-safe.
     */
    public static final class Builder {
        private final DeskAssembly parts = new DeskAssembly();

        private Builder() {}

        private <T> Builder set(java.util.function.Consumer<T> setting, T value) {
            setting.accept(value);
            return this;
        }

        /** Team and agent choice. Default {@link RoutingPolicy#queueOnly()}: the channel's team queue, agents claim. */
        public Builder routing(RoutingPolicy value) {
            return set(parts::routing, value);
        }

        /** SLA targets and calendars. Default {@code SlaPolicy.wallClock(settings.firstResponseTarget())}. */
        public Builder slaPolicy(SlaPolicy value) {
            return set(parts::sla, value);
        }

        /** Escalation rules, applied at ingest and in {@link CareDesk#sweep()}. Default none. */
        public Builder escalation(EscalationPolicy value) {
            return set(parts::escalation, value);
        }

        /** Where rule firings are kept, overriding the storage's ({@link CareStorage#escalationFirings()}). */
        public Builder escalationFirings(EscalationFiringStore value) {
            return set(parts::firings, value);
        }

        /** Where channel pauses (the kill switch) are kept, overriding the storage's ({@link CareStorage#channelStates()}). */
        public Builder channelStates(ChannelStateStore value) {
            return set(parts::channelStates, value);
        }

        /** The bank's complaint system, for the {@code open-complaint} action. Default none (the firing says so). */
        public Builder complaintGateway(ComplaintGateway value) {
            return set(parts::complaints, value);
        }

        /** Judges echoes the outbox did not send. Default {@link HijackGuard#off()} (audited only). */
        public Builder hijackGuard(HijackGuard value) {
            return set(parts::hijack, value);
        }

        /** Outbound rate cap and link allow-list applied at dispatch. Default {@link PublishingGuard#none()}. */
        public Builder publishingGuard(PublishingGuard value) {
            return set(parts::publishing, value);
        }

        public Builder clock(Clock value) {
            return set(parts::clock, value);
        }

        public Builder ids(IdGenerator value) {
            return set(parts::ids, value);
        }

        /** Every storage port in one value. Default {@code InMemoryStorage.create()}; {@code JdbcCareStorage.storage()} for a database. */
        public Builder storage(CareStorage value) {
            return set(parts::storage, value);
        }

        public Builder notifier(EscalationNotifier value) {
            return set(parts::notifier, value);
        }

        public Builder callbackGateway(CallbackGateway value) {
            return set(parts::callbacks, value);
        }

        public Builder settings(DeskSettings value) {
            return set(parts::settings, value);
        }

        /** Triage, moderation, composer, compliance, text limits; approvals default to the storage's gateway. */
        public Builder messagePolicies(MessagePolicies value) {
            return set(parts::messagePolicies, value);
        }

        /**
         * Source of retry jitter; default a shared thread-safe random; a seeded {@code new Random(seed)} makes a
         * simulated day repeatable.
         */
        public Builder random(Random value) {
            return set(parts::random, value);
        }

        /** @throws IllegalArgumentException when the platform already has a publisher */
        public Builder publisher(ChannelPublisher value) {
            return set(parts::publisher, value);
        }

        /** Publishes the channel's entries with this publisher instead of its platform's (an account's own credentials). */
        public Builder publisher(ChannelId channel, ChannelPublisher value) {
            return set(v -> parts.publisher(channel, v), value);
        }

        /** Adds several publishers, one per platform. */
        public Builder publishers(Collection<? extends ChannelPublisher> values) {
            Checks.notNull(values, "publishers").forEach(this::publisher);
            return this;
        }

        public Builder channel(Channel value) {
            return set(parts::channel, value);
        }

        /**
         * Marks a channel the desk only reads (a listening account, an import): it needs no publisher, and replies on
         * it are refused. Without this, {@link #build()} refuses a channel that has no publisher.
         */
        public Builder receiveOnly(ChannelId channel) {
            return set(parts::receiveOnly, channel);
        }

        public Builder team(Team value) {
            return set(parts::team, value);
        }

        public Builder agent(Agent value) {
            return set(parts::agent, value);
        }

        public Builder healthListener(ChannelHealthListener value) {
            return set(parts::healthListener, value);
        }

        /**
         * Adds a listener told about the desk's events after they commit ({@link DeskListener}); several allowed,
         * called in the order added. Default none.
         */
        public Builder listener(DeskListener value) {
            return set(parts::listener, value);
        }

        /**
         * @throws IllegalStateException naming the setting when a setting refers to one not configured, a channel
         *     has no publisher and is not {@link #receiveOnly receive-only}, or a persistent storage has escalation
         *     firings, channel states or approvals in memory
         */
        public CareDesk build() {
            return new CareDesk(parts.build(CHANNEL_STATE_MAX_AGE));
        }
    }
}
