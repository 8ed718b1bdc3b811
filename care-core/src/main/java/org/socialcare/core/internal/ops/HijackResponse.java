package org.socialcare.core.internal.ops;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;

/**
 * Judges an echo the outbox did not send with the desk's {@link HijackGuard}. An anomaly pauses the channel at
 * once (on every desk sharing the channel states), is audited HIJACK_SUSPECTED and notified after commit; an
 * expected one is audited ECHO_UNMATCHED with the guard's reason. Writes run in the caller's transaction. Not
 * API. Thread-safe.
 */
public final class HijackResponse {
    private static final Logger LOG = LoggerFactory.getLogger(HijackResponse.class);
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final DeskContext ctx;
    private final HijackGuard hijack;
    private final NoticeDelivery notices;

    public HijackResponse(DeskContext ctx, HijackGuard hijack, NoticeDelivery notices) {
        this.ctx = ctx;
        this.notices = notices;
        this.hijack = hijack;
    }

    /** Audits (and, when the guard says so, answers) an own message the outbox did not send. */
    public void onUnmatchedEcho(OwnMessage own, AfterCommit after) {
        Instant now = ctx.clock().instant();
        Channel channel = ctx.channels().get(own.channel());
        HijackGuard.Verdict verdict = hijack.inspect(own, channel.platform(), now);
        String app = own.sourceApp().orElse("unknown");
        ctx.audit()
                .channel(
                        now,
                        SYSTEM,
                        AuditAction.ECHO_UNMATCHED,
                        own.channel(),
                        "own message " + own.key() + " was not sent by this desk (source app: " + app + "): "
                                + verdict.reason());
        if (!verdict.anomaly()) {
            return;
        }
        String reason = "suspected account hijack on " + channel.id() + ": " + verdict.reason() + " (message "
                + own.key() + ")";
        LOG.warn("{}; pausing the channel", reason);
        if (channel.isActive()) {
            // shared: every desk on the storage stops publishing
            ctx.switches().pause(channel.id(), reason, SYSTEM, now);
            ctx.audit().channel(now, SYSTEM, AuditAction.CHANNEL_PAUSED, channel.id(), reason);
            ctx.events().emit(new DeskEvent.ChannelPaused(now, channel.id(), SYSTEM));
        }
        ctx.audit().channel(now, SYSTEM, AuditAction.HIJACK_SUSPECTED, channel.id(), reason);
        EscalationNotice notice = new EscalationNotice(
                EscalationNotice.Kind.ACCOUNT_HIJACK_SUSPECTED,
                channel.id(),
                Optional.empty(),
                reason,
                Priority.URGENT,
                now);
        notices.enqueue(notice, after);
    }
}
