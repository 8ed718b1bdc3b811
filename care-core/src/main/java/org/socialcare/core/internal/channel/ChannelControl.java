package org.socialcare.core.internal.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.out.ChannelHealthListener;
import org.socialcare.core.port.out.EscalationNotifier;

/**
 * Pauses and resumes channels (the kill switch) here and in the shared channel-state store, each with its audit
 * line in one transaction, and alerts people when a channel cannot authenticate. Not API. Thread-safe.
 */
public final class ChannelControl {
    private final DeskContext ctx;

    public ChannelControl(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Pauses here first, then records the pause with its audit line; stays paused here if that fails. */
    public void pause(ChannelId id, String reason, String actor) {
        Checks.notNull(id, "channel id");
        Checks.notBlank(reason, "reason");
        Checks.notBlank(actor, "actor");
        ctx.channels().get(id);
        Instant now = ctx.clock().instant();
        ctx.tx().run(() -> {
            ctx.switches().pause(id, reason, actor, now);
            ctx.audit().channel(now, actor, AuditAction.CHANNEL_PAUSED, id, reason);
            ctx.events().emit(new DeskEvent.ChannelPaused(now, id, actor));
        });
    }

    /** Records the resume with its audit line, then resumes here; stays paused if the transaction fails. */
    public void resume(ChannelId id, String actor) {
        Checks.notNull(id, "channel id");
        Checks.notBlank(actor, "actor");
        ctx.channels().get(id);
        Instant now = ctx.clock().instant();
        ctx.tx().run(() -> {
            ctx.switches().recordResume(id, actor, now);
            ctx.audit().channel(now, actor, AuditAction.CHANNEL_RESUMED, id, "resumed by " + actor);
        });
        ctx.switches().resumedLocally(id, now);
    }

    /** A health listener that notifies people (URGENT) when a channel can no longer authenticate. */
    public static ChannelHealthListener authFailureAlert(EscalationNotifier notifier, Clock clock) {
        return (before, after) -> notifyUnhealthy(notifier, clock, after);
    }

    private static void notifyUnhealthy(EscalationNotifier notifier, Clock clock, ChannelHealth after) {
        if (after.state() == HealthState.AUTH_FAILED) {
            notifier.notify(new EscalationNotice(
                    EscalationNotice.Kind.CHANNEL_UNHEALTHY,
                    after.channel(),
                    Optional.empty(),
                    "channel " + after.channel() + " cannot authenticate: "
                            + after.lastError().orElse("unknown"),
                    Priority.URGENT,
                    clock.instant()));
        }
    }
}
