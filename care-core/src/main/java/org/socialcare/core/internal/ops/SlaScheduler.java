package org.socialcare.core.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationContext;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.sla.SlaClocks;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.internal.DeskContext;

/**
 * The SLA side of a conversation: its running clocks (resolution pauses while the customer owes an answer), its
 * status, and the next SLA and time-based rule checkpoints stored on it for the sweep. Reads only. Not API.
 * Thread-safe.
 */
public final class SlaScheduler {
    private final DeskContext ctx;
    private final SlaPolicy sla;
    private final EscalationPolicy escalation;
    /** Paused time per conversation while an ingest batch runs on this thread (see {@link #inBatch}). */
    private final ThreadLocal<Map<ConversationId, Duration>> batch = new ThreadLocal<>();

    public SlaScheduler(DeskContext ctx, SlaPolicy sla, EscalationPolicy escalation) {
        this.ctx = ctx;
        this.sla = sla;
        this.escalation = escalation;
    }

    /** The SLA policy the desk schedules with. */
    public SlaPolicy policy() {
        return sla;
    }

    /** The conversation with its next SLA and time-based rule checkpoints (not saved). */
    public Conversation schedule(Conversation c, Instant now) {
        SlaClocks clocks = clocks(c);
        Optional<Instant> ruleCheck = escalation.isEmpty() || !c.state().isActive()
                ? Optional.empty()
                : escalation.nextTimeBasedCheck(
                        new EscalationContext(c, now, clocks, EscalationContext.ContactHistory.none()));
        return sla.schedule(c, clocks, now, ruleCheck);
    }

    /** The conversation's SLA status at {@code now}, resolution pauses included. */
    public SlaStatus status(Conversation c, Instant now) {
        return clocks(c).statusAt(now);
    }

    /** The conversation's SLA status now. @throws org.socialcare.core.error.UnknownConversationException */
    public SlaStatus status(ConversationId id) {
        return status(ctx.load(id), ctx.clock().instant());
    }

    /** The conversation's running clocks. */
    public SlaClocks clocks(Conversation c) {
        return sla.clocks(c, pausedTime(c));
    }

    /**
     * Runs {@code work} with paused time remembered per conversation (read from the thread once, not on every
     * clock question) until {@link #threadChanged} says a message was added. Joins a running batch.
     */
    public <T> T inBatch(Supplier<T> work) {
        if (batch.get() != null) {
            return work.get();
        }
        batch.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            batch.remove();
        }
    }

    /** Within {@link #inBatch}: the conversation's thread is new and holds only customer messages (no pause). */
    public void threadHasNoBankMessage(ConversationId id) {
        Map<ConversationId, Duration> paused = batch.get();
        if (paused != null) {
            paused.put(id, Duration.ZERO);
        }
    }

    /** Within {@link #inBatch}: a message was added to the conversation's thread; its paused time is read again. */
    public void threadChanged(ConversationId id) {
        Map<ConversationId, Duration> paused = batch.get();
        if (paused != null) {
            paused.remove(id);
        }
    }

    private Duration pausedTime(Conversation c) {
        if (!c.state().isActive()
                || sla.targetsFor(c.channel(), c.priority()).resolution().isEmpty()) {
            return Duration.ZERO;
        }
        Map<ConversationId, Duration> paused = batch.get();
        if (paused == null) {
            return readPausedTime(c);
        }
        Duration known = paused.get(c.id());
        if (known == null) {
            known = readPausedTime(c);
            paused.put(c.id(), known);
        }
        return known;
    }

    private Duration readPausedTime(Conversation c) {
        return SlaPolicy.pausedTime(ctx.storage().messages().listByConversation(c.id()), sla.calendarFor(c.channel()));
    }
}
