package org.socialcare.core.port.in;

import java.util.List;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.domain.sla.SlaStatus;

/**
 * Running the desk: the SLA sweep, routing of waiting work, escalation state, and the channels' kill switch.
 * Implementations are thread-safe; several desks sharing one storage may run these at once.
 */
public interface OperateDesk {
    /** The default number of due conversations one {@link #sweep()} reviews. */
    int DEFAULT_SWEEP_LIMIT = 500;

    /**
     * Applies time-based rules to conversations whose SLA or rule checkpoint is due now (AT_RISK, BREACHED,
     * unanswered for N): reviews up to {@value #DEFAULT_SWEEP_LIMIT} of them through
     * {@code ConversationStore.dueBy}, each in its own transaction, and moves each one's checkpoint on (at-risk,
     * then breach, then none), so its cost grows with due work, not with open conversations. Call it from a
     * scheduler every minute or so; call again while {@link SweepResult#hasMore()}. Safe to run on several
     * desks at once (a conversation changed by another desk is skipped and stays due). Without time-based
     * escalation rules ({@code EscalationPolicy.hasTimeBasedRules()}) there is nothing to apply and it reads nothing.
     */
    default SweepResult sweep() {
        return sweep(DEFAULT_SWEEP_LIMIT);
    }

    /** {@link #sweep()} reviewing at most {@code limit} due conversations. @throws IllegalArgumentException unless positive */
    SweepResult sweep(int limit);

    /**
     * Assigns the team's waiting conversations (priority first, then SLA due time) to its agents who can take
     * more, by the desk's {@code RoutingPolicy}; returns how many were assigned. The desk calls it after
     * ingest, when an agent resolves a conversation, goes offline or comes online. Does nothing when the
     * routing policy does not auto-assign.
     */
    int assignWaiting(TeamId team);

    /**
     * Whether replies on the conversation need a second person's approval: an escalation rule with the
     * {@code require-approval} action has an open episode on it. Read from the escalation firing store, so every
     * desk sharing the store agrees.
     */
    boolean requiresApproval(ConversationId id);

    /** Every escalation rule firing of the conversation, open or ended, in firing order. */
    List<EscalationFiring> escalations(ConversationId id);

    /** The conversation's SLA status now (the worse of its running clocks). */
    SlaStatus slaStatus(ConversationId id);

    /** {@link #pauseChannel(ChannelId, String, String)} by actor {@code system}. */
    default void pauseChannel(ChannelId id, String reason) {
        pauseChannel(id, reason, "system");
    }

    /**
     * Pauses the channel (kill switch): nothing is published on it until {@link #resumeChannel}, by this desk at
     * once and by every desk sharing the channel-state store within a few seconds ({@code
     * CareDesk.CHANNEL_STATE_MAX_AGE}); desks built later start with it PAUSED. The store record and the audit
     * line are written in one transaction; the channel is paused here first, so it stays paused here even if that
     * transaction fails (the error propagates).
     *
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no such channel
     */
    void pauseChannel(ChannelId id, String reason, String actor);

    /**
     * Lifts the kill switch in the channel-state store (with its audit line, one transaction), then here:
     * queued replies go out on the next dispatch, on other desks sharing the store within a few seconds. If the
     * transaction fails the channel stays paused.
     *
     * @throws org.socialcare.core.error.UnknownChannelException when the desk has no such channel
     */
    void resumeChannel(ChannelId id, String actor);
}
