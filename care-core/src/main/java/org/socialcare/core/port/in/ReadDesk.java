package org.socialcare.core.port.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.domain.sla.SlaPolicy;

/**
 * What a desk shows: conversations, their threads, outbox entries and audit trails, the configured channels,
 * agents and teams, and the metrics report, so callers need not reach into the storage. Lists are never null.
 * Implementations are thread-safe.
 */
public interface ReadDesk {
    /** How long without an agent reply {@link #metrics(Instant, Instant)} reports an account inactive. */
    Duration DEFAULT_INACTIVE_AFTER = Duration.ofDays(1);

    Optional<Conversation> conversation(ConversationId id);

    /** The conversation's thread, customer's and bank's published messages, oldest first. */
    List<StoredMessage> messages(ConversationId id);

    /** Every outbox entry of the conversation with its delivery status, oldest first. */
    List<Reply> replies(ConversationId id);

    /** The conversation's audit trail, in order. */
    List<AuditEntry> history(ConversationId id);

    /**
     * The channel, also when an operator retired it (its conversations still name it).
     *
     * @throws org.socialcare.core.error.UnknownChannelException when the desk never had such a channel
     */
    Channel channel(ChannelId id);

    /**
     * The active channels (configured, and added by an operator, none retired) in the order they came, with their
     * current state.
     */
    List<Channel> channels();

    ChannelHealth health(ChannelId id);

    Optional<Agent> agent(AgentId id);

    /** The agents in id order, with their current presence. */
    List<Agent> agents();

    /** The teams in id order. */
    List<Team> teams();

    /** The SLA policy the desk schedules with. */
    SlaPolicy slaPolicy();

    /** The clock the desk stamps everything with. */
    Clock clock();

    /**
     * The care metrics ({@code CareMetrics}) for conversations opened in [from, to): first response times, response
     * rate, SLA compliance and backlog per channel, team, agent and business unit; accounts without an agent reply
     * for {@code inactiveAfter} are listed as inactive.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code inactiveAfter} is not positive
     */
    MetricsReport metrics(Instant from, Instant to, Duration inactiveAfter);

    /** {@link #metrics(Instant, Instant, Duration)} with accounts inactive after {@link #DEFAULT_INACTIVE_AFTER}. */
    default MetricsReport metrics(Instant from, Instant to) {
        return metrics(from, to, DEFAULT_INACTIVE_AFTER);
    }
}
