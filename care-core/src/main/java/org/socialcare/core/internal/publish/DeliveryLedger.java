package org.socialcare.core.internal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.out.OutboxClaim;

/**
 * Records what became of an outbox entry, with its audit line: held (still QUEUED, with why and when to try
 * next), failed, or sent (stored as the bank's own message of the conversation). Shared by the dispatcher and by
 * echo matching at ingest. The dispatcher writes through its {@link OutboxClaim} (fenced: nothing is written, audit
 * included, when the claim was taken over); echo matching writes unfenced. An entry whose last attempt may have
 * reached the platform carries {@link #OUTCOME_UNKNOWN} at the start of its last error until a lookup settles it.
 * Also computes the retry backoff with jitter from the desk's random source. Not API. Thread-safe.
 */
public final class DeliveryLedger {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final String SYSTEM = DeskAudit.SYSTEM;

    /** Starts the last error of an entry that may have been published by an earlier attempt. */
    public static final String OUTCOME_UNKNOWN = "outcome unknown: ";

    private static final String NOT_RECORDED = "outcome not recorded yet";

    private final DeskContext ctx;

    public DeliveryLedger(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Whether an earlier attempt of this QUEUED entry may have reached the platform (timeout, crash mid-publish). */
    public static boolean outcomeUnknown(Reply r) {
        return r.status() instanceof DeliveryStatus.Queued q
                && q.lastError()
                        .filter(e -> e.startsWith(OUTCOME_UNKNOWN) || e.contains(NOT_RECORDED))
                        .isPresent();
    }

    /**
     * The status of a FAILED entry an operator puts back: QUEUED, due now, its attempts starting again from 0; a
     * failure whose publish outcome was unknown stays marked so, so the dispatcher looks it up before publishing again.
     */
    public static DeliveryStatus.Queued retried(DeliveryStatus.Failed failed, String actor, Instant now) {
        boolean unknown =
                failed.reason().contains(OUTCOME_UNKNOWN) || failed.reason().contains(NOT_RECORDED);
        return new DeliveryStatus.Queued(
                0, now, Optional.of(marked(unknown, "retried by " + actor + " after: " + failed.reason())));
    }

    /** The error text, marked as of an unknown outcome when {@code unknown}. */
    public static String marked(boolean unknown, String why) {
        return unknown && !why.startsWith(OUTCOME_UNKNOWN) ? OUTCOME_UNKNOWN + why : why;
    }

    /** The status an attempt is recorded with before the platform call: QUEUED, possibly published, leased. */
    public static DeliveryStatus.Queued attemptStarted(int attempt, Instant now, Instant leaseUntil) {
        return new DeliveryStatus.Queued(
                attempt,
                leaseUntil,
                Optional.of(
                        OUTCOME_UNKNOWN + "publish attempt " + attempt + " started at " + now + "; " + NOT_RECORDED));
    }

    /**
     * {@link #hold} through the dispatcher's claim: writes (and audits) only while the claim is current.
     *
     * @return false when the claim was taken over and nothing was written
     */
    public boolean hold(OutboxClaim c, int attempts, Instant next, String why) {
        Reply r = c.reply();
        return ctx.tx().inTransaction(() -> {
            if (!ctx.storage()
                    .outbox()
                    .updateClaimed(
                            c,
                            r.withStatus(new DeliveryStatus.Queued(attempts, next, Optional.of(why))),
                            Optional.empty())) {
                return false;
            }
            auditHeld(r, why);
            return true;
        });
    }

    /**
     * {@link #fail} through the dispatcher's claim: writes (and audits) only while the claim is current.
     *
     * @return false when the claim was taken over and nothing was written
     */
    public boolean fail(OutboxClaim c, int attempts, String why) {
        Reply r = c.reply();
        Instant now = ctx.clock().instant();
        boolean written = ctx.tx().inTransaction(() -> {
            if (!ctx.storage()
                    .outbox()
                    .updateClaimed(c, r.withStatus(new DeliveryStatus.Failed(why, now, attempts)), Optional.empty())) {
                return false;
            }
            auditFailed(r, why, now);
            return true;
        });
        if (written) {
            LOG.warn("reply {} on channel {} failed: {}", r.id(), r.channel(), why);
        }
        return written;
    }

    /**
     * {@link #markSent} through the dispatcher's claim, in the caller's transaction: writes only while the claim is
     * current.
     *
     * @return false when the claim was taken over (an echo marked it, another desk claimed it) and nothing was written
     */
    public boolean markSent(OutboxClaim c, Optional<String> platformId, Instant at) {
        Reply r = c.reply();
        Reply sent = r.withStatus(new DeliveryStatus.Sent(platformId, at, r.attempts()));
        if (!ctx.storage().outbox().updateClaimed(c, sent, Optional.empty())) {
            return false;
        }
        recordSent(r, platformId, at);
        return true;
    }

    /** Keeps the entry QUEUED with {@code attempts}, next try at {@code next}; audits REPLY_HELD when the reason changed. Own transaction. */
    public void hold(Reply r, int attempts, Instant next, String why) {
        ctx.tx().run(() -> {
            ctx.storage().outbox().update(r.withStatus(new DeliveryStatus.Queued(attempts, next, Optional.of(why))));
            auditHeld(r, why);
        });
    }

    private void auditHeld(Reply r, String why) {
        Optional<String> previous = r.status() instanceof DeliveryStatus.Queued q ? q.lastError() : Optional.empty();
        if (!previous.equals(Optional.of(why))) {
            ctx.audit()
                    .conversation(
                            ctx.clock().instant(),
                            SYSTEM,
                            AuditAction.REPLY_HELD,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " held: " + why);
            ctx.events().emit(new DeskEvent.ReplyHeld(ctx.clock().instant(), r.channel(), r.kind(), r.id()));
        }
    }

    /** Fails the entry for good with the reason; audited REPLY_FAILED. Own transaction. */
    public void fail(Reply r, int attempts, String why) {
        Instant now = ctx.clock().instant();
        ctx.tx().run(() -> {
            ctx.storage().outbox().update(r.withStatus(new DeliveryStatus.Failed(why, now, attempts)));
            auditFailed(r, why, now);
        });
        LOG.warn("reply {} on channel {} failed: {}", r.id(), r.channel(), why);
    }

    private void auditFailed(Reply r, String why, Instant now) {
        ctx.audit()
                .conversation(
                        now,
                        SYSTEM,
                        AuditAction.REPLY_FAILED,
                        r.conversation(),
                        r.channel(),
                        r.kind() + " " + r.id() + " failed: " + why);
        ctx.events().emit(new DeskEvent.ReplyFailed(now, r.channel(), r.kind(), r.id()));
    }

    /** Marks the entry SENT (with the platform's id when known) and stores what it published. Caller's transaction. */
    public void markSent(Reply r, Optional<String> platformId, Instant at) {
        Reply sent = r.withStatus(new DeliveryStatus.Sent(platformId, at, r.attempts()));
        ctx.storage().outbox().update(sent);
        recordSent(r, platformId, at);
    }

    private void recordSent(Reply r, Optional<String> platformId, Instant at) {
        if (r.kind().carriesText() && platformId.isPresent()) {
            Channel channel = ctx.channels().get(r.channel());
            ctx.storage()
                    .messages()
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
        ctx.audit()
                .conversation(
                        at,
                        SYSTEM,
                        AuditAction.REPLY_SENT,
                        r.conversation(),
                        r.channel(),
                        r.kind() + " " + r.id()
                                + platformId.map(p -> " as " + p).orElse(" (platform already had it)"));
        Duration latency = Duration.between(r.createdAt(), at);
        ctx.events()
                .emit(new DeskEvent.ReplyPublished(
                        at, r.channel(), r.kind(), r.id(), latency.isNegative() ? Duration.ZERO : latency));
    }

    /** Exponential backoff for the attempt, capped, with jitter between half and all of it (desk's random source). */
    public Duration backoff(int attempt) {
        long base = ctx.settings().retryBase().toMillis();
        long cap = ctx.settings().retryCap().toMillis();
        long exp = attempt >= 30 ? cap : Math.min(cap, base << (attempt - 1));
        long jittered = exp / 2 + ctx.random().nextLong(exp / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
