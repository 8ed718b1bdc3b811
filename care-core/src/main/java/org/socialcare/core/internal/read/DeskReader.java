package org.socialcare.core.internal.read;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.metrics.CareMetrics;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.out.CareStorage;

/** Reads of one desk's storage and configuration, and its {@link CareMetrics} report. Not API. Thread-safe. */
public final class DeskReader {
    private final DeskContext ctx;
    private final SlaPolicy sla;

    public DeskReader(DeskContext ctx, SlaPolicy sla) {
        this.ctx = ctx;
        this.sla = sla;
    }

    public Optional<Conversation> conversation(ConversationId id) {
        return ctx.storage().conversations().find(id);
    }

    public List<StoredMessage> messages(ConversationId id) {
        return ctx.storage().messages().listByConversation(id);
    }

    public List<Reply> replies(ConversationId id) {
        return ctx.storage().outbox().findByConversation(id);
    }

    public List<AuditEntry> history(ConversationId id) {
        return ctx.storage().audit().forConversation(id);
    }

    public Channel channel(ChannelId id) {
        return ctx.channels().get(id);
    }

    public List<Channel> channels() {
        return ctx.channels().all();
    }

    public ChannelHealth health(ChannelId id) {
        return ctx.channels().health(id);
    }

    public Optional<Agent> agent(AgentId id) {
        return ctx.directory().agent(id);
    }

    public List<Agent> agents() {
        return ctx.directory().agents();
    }

    public List<Team> teams() {
        return ctx.directory().teams();
    }

    /** The metrics report for conversations opened in [from, to), accounts idle for {@code inactiveAfter} listed. */
    public MetricsReport metrics(Instant from, Instant to, Duration inactiveAfter) {
        return CareMetrics.of(ctx.storage().conversations(), sla, channels(), teams(), agents(), ctx.clock())
                .report(from, to, inactiveAfter);
    }

    /**
     * When the oldest QUEUED outbox entry of any of the desk's channels was created, read in one transaction (so
     * a storage that cannot be reached throws here).
     */
    public Optional<Instant> oldestQueuedReply() {
        return ctx.tx().inTransaction(() -> channels().stream()
                .map(c -> ctx.storage().outbox().oldestQueued(c.id()))
                .flatMap(Optional::stream)
                .map(Reply::createdAt)
                .min(Instant::compareTo));
    }

    /** The desk's storage, every port wired. */
    public CareStorage storage() {
        return ctx.storage();
    }

    /** The language policies, with the effective approval gateway. */
    public MessagePolicies policies() {
        return ctx.policies();
    }

    public Clock clock() {
        return ctx.clock();
    }

    public SlaPolicy slaPolicy() {
        return sla;
    }
}
