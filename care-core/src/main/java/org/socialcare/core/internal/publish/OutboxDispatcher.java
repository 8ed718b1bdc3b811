package org.socialcare.core.internal.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * Publishes due outbox entries through the channels' publishers: claims a batch, checks channel state and health,
 * the publisher, the link allow-list and the outbound rate cap, records each attempt before the platform sees it,
 * and maps the platform's answer to the {@link DeliveryLedger} (sent, held with backoff, failed). An entry that
 * breaks the dispatcher itself is held and never stalls the batch. Not API. Thread-safe; several desks may
 * dispatch from one outbox.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final DeskContext ctx;
    private final PublishingGuard publishing;
    private final DeliveryLedger ledger;

    public OutboxDispatcher(DeskContext ctx, PublishingGuard publishing, DeliveryLedger ledger) {
        this.ctx = ctx;
        this.publishing = publishing;
        this.ledger = ledger;
    }

    /** Publishes one claimed batch of due entries. */
    public DispatchResult dispatchOutbox() {
        Instant now = ctx.clock().instant();
        List<Reply> claimed = ctx.tx().inTransaction(() -> ctx.storage()
                .outbox()
                .claimDue(
                        now, ctx.settings().dispatchBatchSize(), ctx.settings().dispatchLease()));
        DispatchResult result = DispatchResult.nothing();
        for (Reply r : claimed) {
            try {
                result = result.plus(dispatchOne(r));
            } catch (RuntimeException e) {
                result = result.plus(poisoned(r, e));
            }
        }
        return result;
    }

    /**
     * An entry that broke the dispatcher itself (a channel no longer configured, a guard or storage error) is held
     * with backoff, then FAILED after the maximum attempts, so it never stalls the rest of the batch.
     */
    private DispatchResult poisoned(Reply r, RuntimeException e) {
        LOG.warn(
                "dispatching reply {} on channel {} failed: {}",
                r.id(),
                r.channel(),
                e.getClass().getName());
        String why = "dispatch failed: " + e.getClass().getSimpleName()
                + (e instanceof CareException ? ": " + e.getMessage() : "");
        int attempt = r.attempts() + 1;
        try {
            if (ctx.storage().outbox().find(r.id()).filter(Reply::isQueued).isEmpty()) {
                return new DispatchResult(0, 0, 0); // its outcome was recorded after all
            }
            if (attempt >= ctx.settings().maxAttempts()) {
                ledger.fail(r, attempt, "gave up after " + attempt + " attempts: " + why);
                return new DispatchResult(0, 0, 1);
            }
            ledger.hold(r, attempt, ctx.clock().instant().plus(ledger.backoff(attempt)), why);
        } catch (RuntimeException again) {
            LOG.warn(
                    "could not record the failure of reply {} ({}); it is retried when its lease ends",
                    r.id(),
                    again.getClass().getName());
        }
        return new DispatchResult(0, 1, 0);
    }

    private DispatchResult dispatchOne(Reply r) {
        Instant now = ctx.clock().instant();
        ctx.switches().refresh(r.channel(), now); // another desk's kill switch, read at most the max age ago
        Channel channel = ctx.channels().get(r.channel());
        ChannelHealth health = ctx.channels().health(r.channel());
        if (!channel.isActive() || !health.isPublishable(now)) {
            String why = "channel " + channel.id() + " is " + (channel.isActive() ? health.state() : "PAUSED")
                    + health.retryAfter()
                            .filter(now::isBefore)
                            .map(t -> " until " + t)
                            .orElse("");
            ledger.hold(
                    r, r.attempts(), health.retryAfter().filter(now::isBefore).orElse(now), why);
            return new DispatchResult(0, 1, 0);
        }
        Optional<ChannelPublisher> publisher = ctx.publishers().forChannel(channel);
        if (publisher.isEmpty()) {
            ledger.hold(r, r.attempts(), now, "no publisher configured for platform " + channel.platform());
            return new DispatchResult(0, 1, 0);
        }
        // Guard rails (PublishingGuard): link allow-list fails the entry, the outbound rate cap holds it.
        List<String> badLinks = publishing.disallowedLinks(r);
        if (!badLinks.isEmpty()) {
            String why = "links to domains not on the allow-list: " + String.join(", ", badLinks);
            ctx.tx().run(() -> ctx.audit()
                    .conversation(
                            now,
                            DeskAudit.SYSTEM,
                            AuditAction.COMPLIANCE_BLOCKED,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " blocked: " + why));
            ledger.fail(r, r.attempts(), why);
            return new DispatchResult(0, 0, 1);
        }
        Optional<Instant> capped = publishing.tryAcquire(channel.id(), now);
        if (capped.isPresent()) {
            ledger.hold(
                    r,
                    r.attempts(),
                    capped.get(),
                    "outbound rate cap of " + publishing.describeCap(channel.id()) + " reached on channel "
                            + channel.id());
            return new DispatchResult(0, 1, 0);
        }
        int attempt = r.attempts() + 1;
        // Record the attempt before the platform sees it (own small transaction): from here on the entry may have
        // been published, and whoever looks at it next (a retry, an echo) knows. Its own lease starts now.
        Reply started = r.withStatus(new DeliveryStatus.Queued(
                attempt,
                now.plus(ctx.settings().dispatchLease()),
                Optional.of("publish attempt " + attempt + " started at " + now + "; outcome not recorded yet")));
        boolean stillOurs = ctx.tx().inTransaction(() -> {
            // the batch's lease may have run out while earlier entries were published: another desk may own it now
            if (!ctx.storage().outbox().find(r.id()).filter(r::equals).isPresent()) {
                return false;
            }
            ctx.storage().outbox().update(started);
            return true;
        });
        if (!stillOurs) {
            LOG.debug("reply {} changed since it was claimed; left to whoever changed it", r.id());
            return DispatchResult.nothing();
        }
        Optional<String> platformId;
        try {
            platformId = publisher.get().publish(channel, r);
        } catch (PlatformException e) {
            return onPublishError(r, channel, attempt, e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "publisher for {} failed unexpectedly on reply {}: {}",
                    channel.platform(),
                    r.id(),
                    e.getClass().getName());
            return onPublishError(
                    r,
                    channel,
                    attempt,
                    new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            "unexpected " + e.getClass().getSimpleName(),
                            Optional.empty(),
                            Optional.empty(),
                            e));
        }
        ctx.channels().recordSuccess(channel.id());
        ctx.tx().run(() -> ledger.markSent(started, platformId, ctx.clock().instant()));
        return new DispatchResult(1, 0, 0);
    }

    private DispatchResult onPublishError(Reply r, Channel channel, int attempt, PlatformException e) {
        Instant now = ctx.clock().instant();
        switch (e.kind()) {
            case DUPLICATE -> {
                if (attempt > 1) {
                    // an earlier attempt of this very entry may have got through: the platform already has it
                    ctx.tx()
                            .run(() -> ledger.markSent(
                                    r.withStatus(new DeliveryStatus.Queued(attempt, now, Optional.empty())),
                                    Optional.empty(),
                                    now));
                    return new DispatchResult(1, 0, 0);
                }
                ledger.fail(
                        r,
                        attempt,
                        "the platform refused the text as a duplicate: this account already posted identical text; "
                                + "rephrase the reply and send it again (" + e.getMessage() + ")");
                return new DispatchResult(0, 0, 1);
            }
            case RATE_LIMITED -> {
                ctx.channels().recordFailure(channel.id(), e);
                ledger.hold(
                        r, attempt, e.retryAt().orElse(now.plus(ctx.settings().retryBase())), e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            case AUTH_FAILED -> {
                ctx.channels().recordFailure(channel.id(), e);
                ledger.hold(r, attempt, now, e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            case TRANSIENT -> {
                ctx.channels().recordFailure(channel.id(), e);
                if (attempt >= ctx.settings().maxAttempts()) {
                    ledger.fail(r, attempt, "gave up after " + attempt + " attempts: " + e.getMessage());
                    return new DispatchResult(0, 0, 1);
                }
                ledger.hold(r, attempt, now.plus(ledger.backoff(attempt)), e.getMessage());
                return new DispatchResult(0, 1, 0);
            }
            default -> {
                if (e.kind() == PlatformException.Kind.PERMISSION) {
                    ctx.channels().recordFailure(channel.id(), e);
                }
                ledger.fail(r, attempt, e.getMessage());
                return new DispatchResult(0, 0, 1);
            }
        }
    }
}
