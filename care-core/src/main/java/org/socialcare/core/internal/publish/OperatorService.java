package org.socialcare.core.internal.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.in.Operations;

/**
 * The outbox's side of the operator API ({@link Operations}): failed replies listed desk-wide and retried, audited.
 * Not API. Thread-safe.
 */
public final class OperatorService {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorService.class);

    private final DeskContext ctx;

    public OperatorService(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** @see Operations#failedReplies */
    public List<Reply> failedReplies(Optional<ReplyId> after, int limit) {
        Checks.notNull(after, "after");
        if (limit < 1 || limit > Operations.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + Operations.MAX_PAGE + " but was " + limit);
        }
        return ctx.tx().inTransaction(() -> ctx.storage().outbox().failed(after, limit));
    }

    /** @see Operations#retryFailedReply */
    public Reply retryFailedReply(ReplyId id, String operator) {
        Checks.notNull(id, "id");
        String actor = "operator:" + Checks.notBlank(operator, "operator");
        Reply retried = ctx.tx().inTransaction(() -> {
            Reply r = ctx.storage()
                    .outbox()
                    .find(id)
                    .orElseThrow(() -> new CareException("no reply " + id + " in the outbox"));
            if (!(r.status() instanceof DeliveryStatus.Failed failed)) {
                throw new CareException("reply " + id + " is " + r.status().name() + ", not FAILED: nothing to retry");
            }
            if (ctx.channels().isRetired(r.channel())) {
                throw new CareException("reply " + id + " is on channel '" + r.channel()
                        + "', which an operator retired: add the channel again (Operations.addChannel) to retry it");
            }
            Instant now = ctx.clock().instant();
            Reply queued = r.withStatus(DeliveryLedger.retried(failed, actor, now));
            ctx.storage().outbox().update(queued);
            ctx.audit()
                    .conversation(
                            now,
                            actor,
                            AuditAction.REPLY_RETRIED,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " put back in the outbox after: " + failed.reason());
            return queued;
        });
        LOG.info("reply {} on channel {} put back in the outbox by {}", id, retried.channel(), actor);
        return retried;
    }
}
