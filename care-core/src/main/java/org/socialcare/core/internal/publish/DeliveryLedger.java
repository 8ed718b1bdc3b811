package org.socialcare.core.internal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;

/**
 * Records what became of an outbox entry, with its audit line: held (still QUEUED, with why and when to try
 * next), failed, or sent (stored as the bank's own message of the conversation). Shared by the dispatcher and by
 * echo matching at ingest. Also computes the retry backoff with jitter from the desk's random source. Not API.
 * Thread-safe.
 */
public final class DeliveryLedger {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final DeskContext ctx;

    public DeliveryLedger(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Keeps the entry QUEUED with {@code attempts}, next try at {@code next}; audits REPLY_HELD when the reason changed. Own transaction. */
    public void hold(Reply r, int attempts, Instant next, String why) {
        ctx.tx().run(() -> {
            ctx.storage().outbox().update(r.withStatus(new DeliveryStatus.Queued(attempts, next, Optional.of(why))));
            Optional<String> previous =
                    r.status() instanceof DeliveryStatus.Queued q ? q.lastError() : Optional.empty();
            if (!previous.equals(Optional.of(why))) {
                ctx.audit()
                        .conversation(
                                ctx.clock().instant(),
                                SYSTEM,
                                AuditAction.REPLY_HELD,
                                r.conversation(),
                                r.channel(),
                                r.kind() + " " + r.id() + " held: " + why);
            }
        });
    }

    /** Fails the entry for good with the reason; audited REPLY_FAILED. Own transaction. */
    public void fail(Reply r, int attempts, String why) {
        Instant now = ctx.clock().instant();
        ctx.tx().run(() -> {
            ctx.storage().outbox().update(r.withStatus(new DeliveryStatus.Failed(why, now, attempts)));
            ctx.audit()
                    .conversation(
                            now,
                            SYSTEM,
                            AuditAction.REPLY_FAILED,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " failed: " + why);
        });
        LOG.warn("reply {} on channel {} failed: {}", r.id(), r.channel(), why);
    }

    /** Marks the entry SENT (with the platform's id when known) and stores what it published. Caller's transaction. */
    public void markSent(Reply r, Optional<String> platformId, Instant at) {
        Reply sent = r.withStatus(new DeliveryStatus.Sent(platformId, at, r.attempts()));
        ctx.storage().outbox().update(sent);
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
