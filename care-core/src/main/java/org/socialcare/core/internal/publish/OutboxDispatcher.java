package org.socialcare.core.internal.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.runtime.MaskedFailure;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.core.port.out.PublishedLookup;

/**
 * Publishes due outbox entries through the channels' publishers: claims a batch, checks channel state and health,
 * the publisher, the link allow-list and the outbound rate cap, records each attempt before the platform sees it,
 * and maps the platform's answer to the {@link DeliveryLedger} (sent, held with backoff, failed). An entry that
 * breaks the dispatcher itself is held and never stalls the batch. Not API. Thread-safe; several desks may
 * dispatch from one outbox.
 *
 * <p>Exactly once: every write of a claimed entry goes through its {@link OutboxClaim} (fenced), so a desk whose
 * claim was taken over writes nothing and, when the attempt record is refused, publishes nothing. The attempt
 * record leases the entry for {@code publishTimeout + dispatchLease}, covering the platform call. An entry whose
 * earlier attempt may have reached the platform ({@link DeliveryLedger#outcomeUnknown}) is looked up with
 * {@link ChannelPublisher#findPublished} first and marked sent when found. A storage error while recording the
 * attempt is not an attempt: the entry is left to its lease.
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
        List<OutboxClaim> claimed = ctx.tx().inTransaction(() -> ctx.storage()
                .outbox()
                .claim(now, ctx.settings().dispatchBatchSize(), ctx.settings().dispatchLease()));
        DispatchResult result = DispatchResult.nothing();
        for (OutboxClaim c : claimed) {
            if (Thread.currentThread().isInterrupted()) {
                // a stopping runtime interrupted this thread: publish nothing more; the rest wait out their lease
                LOG.info("dispatch interrupted: the claimed entries not yet published wait out their lease");
                break;
            }
            try {
                result = result.plus(dispatchOne(c));
            } catch (RuntimeException e) {
                result = result.plus(poisoned(c, e));
            }
        }
        return result;
    }

    /**
     * An entry that broke the dispatcher itself (a channel no longer configured, a guard or storage error) is held
     * with backoff, then FAILED after the maximum attempts, so it never stalls the rest of the batch.
     */
    private DispatchResult poisoned(OutboxClaim c, RuntimeException e) {
        Reply r = c.reply();
        LOG.warn(
                "dispatching reply {} on channel {} failed: {}",
                r.id(),
                r.channel(),
                MaskedFailure.describe(e),
                MaskedFailure.of(e));
        String failure = "dispatch failed: " + e.getClass().getSimpleName()
                + (e instanceof CareException ? ": " + e.getMessage() : "");
        int attempt = r.attempts() + 1;
        try {
            // the attempt may have been recorded (and the platform called) before it broke
            boolean unknown = DeliveryLedger.outcomeUnknown(r)
                    || ctx.storage()
                            .outbox()
                            .find(r.id())
                            .filter(DeliveryLedger::outcomeUnknown)
                            .isPresent();
            String why = DeliveryLedger.marked(unknown, failure);
            if (attempt >= ctx.settings().maxAttempts()) {
                return ledger.fail(c, attempt, "gave up after " + attempt + " attempts: " + why)
                        ? new DispatchResult(0, 0, 1)
                        : DispatchResult.nothing();
            }
            return ledger.hold(c, attempt, ctx.clock().instant().plus(ledger.backoff(attempt)), why)
                    ? new DispatchResult(0, 1, 0)
                    : DispatchResult.nothing(); // its outcome was recorded after all, or another desk has it
        } catch (RuntimeException again) {
            LOG.warn(
                    "could not record the failure of reply {} ({}); it is retried when its lease ends",
                    r.id(),
                    again.getClass().getName());
        }
        return new DispatchResult(0, 1, 0);
    }

    private DispatchResult dispatchOne(OutboxClaim c) {
        Reply r = c.reply();
        Instant now = ctx.clock().instant();
        ctx.switches().refresh(r.channel(), now); // another desk's kill switch, read at most the max age ago
        Channel channel = ctx.channels().get(r.channel());
        ChannelHealth health = ctx.channels().health(r.channel());
        boolean unknown = DeliveryLedger.outcomeUnknown(r);
        if (ctx.channels().isRetired(channel.id())) {
            // queued after the retirement's check (it refuses a channel with replies to send): never silently kept
            return ledger.fail(
                            c,
                            r.attempts(),
                            DeliveryLedger.marked(
                                    unknown,
                                    "channel " + channel.id() + " was retired by an operator; the reply was not"
                                            + " sent (add the channel again, then retry it)"))
                    ? new DispatchResult(0, 0, 1)
                    : DispatchResult.nothing();
        }
        if (!channel.isActive() || !health.isPublishable(now)) {
            String why = "channel " + channel.id() + " is " + (channel.isActive() ? health.state() : "PAUSED")
                    + health.retryAfter()
                            .filter(now::isBefore)
                            .map(t -> " until " + t)
                            .orElse("");
            return held(ledger.hold(
                    c,
                    r.attempts(),
                    health.retryAfter().filter(now::isBefore).orElse(now),
                    DeliveryLedger.marked(unknown, why)));
        }
        Optional<ChannelPublisher> publisher = ctx.publishers().forChannel(channel);
        if (publisher.isEmpty()) {
            return held(ledger.hold(
                    c,
                    r.attempts(),
                    now,
                    DeliveryLedger.marked(unknown, "no publisher configured for platform " + channel.platform())));
        }
        if (unknown) {
            // an earlier attempt may have reached the platform: ask it before sending again
            PublishedLookup lookup;
            try {
                lookup = publisher.get().findPublished(channel, r);
            } catch (PlatformException e) {
                ctx.channels().recordFailure(channel.id(), e);
                return held(ledger.hold(
                        c,
                        r.attempts(),
                        e.retryAt().orElse(now.plus(ledger.backoff(Math.max(1, r.attempts())))),
                        DeliveryLedger.marked(true, "could not look up an earlier attempt: " + e.getMessage())));
            }
            if (lookup.outcome() == PublishedLookup.Outcome.FOUND) {
                boolean sent = ctx.tx()
                        .inTransaction(() -> ledger.markSent(
                                c, lookup.platformMessageId(), ctx.clock().instant()));
                return sent ? new DispatchResult(1, 0, 0) : DispatchResult.nothing();
            }
            unknown = lookup.outcome() == PublishedLookup.Outcome.CANNOT_TELL;
        }
        // Guard rails (PublishingGuard): link allow-list fails the entry, the outbound rate cap holds it.
        List<String> badLinks = publishing.disallowedLinks(r);
        if (!badLinks.isEmpty()) {
            String why = "links to domains not on the allow-list: " + String.join(", ", badLinks);
            if (!ledger.fail(c, r.attempts(), why)) {
                return DispatchResult.nothing();
            }
            ctx.tx().run(() -> ctx.audit()
                    .conversation(
                            now,
                            DeskAudit.SYSTEM,
                            AuditAction.COMPLIANCE_BLOCKED,
                            r.conversation(),
                            r.channel(),
                            r.kind() + " " + r.id() + " blocked: " + why));
            return new DispatchResult(0, 0, 1);
        }
        Optional<Instant> capped = publishing.tryAcquire(channel.id(), now);
        if (capped.isPresent()) {
            return held(ledger.hold(
                    c,
                    r.attempts(),
                    capped.get(),
                    DeliveryLedger.marked(
                            unknown,
                            "outbound rate cap of " + publishing.describeCap(channel.id()) + " reached on channel "
                                    + channel.id())));
        }
        int attempt = r.attempts() + 1;
        // Record the attempt before the platform sees it (own small transaction, fenced by the claim): from here on
        // the entry may have been published, and whoever looks at it next (a retry, an echo) knows. Its lease now
        // covers the platform call.
        Instant leaseUntil =
                now.plus(ctx.settings().publishTimeout()).plus(ctx.settings().dispatchLease());
        Reply started = r.withStatus(DeliveryLedger.attemptStarted(attempt, now, leaseUntil));
        boolean stillOurs;
        try {
            stillOurs = ctx.tx()
                    .inTransaction(() -> ctx.storage().outbox().updateClaimed(c, started, Optional.of(leaseUntil)));
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not record attempt {} of reply {} ({}); not sent, retried when its lease ends",
                    attempt,
                    r.id(),
                    e.getClass().getName());
            return new DispatchResult(0, 1, 0);
        }
        if (!stillOurs) {
            LOG.debug("reply {} was claimed again or changed since this desk claimed it; left alone", r.id());
            return DispatchResult.nothing();
        }
        OutboxClaim mine = c.with(started);
        Optional<String> platformId;
        try {
            platformId = publisher.get().publish(channel, r);
        } catch (PlatformException e) {
            return onPublishError(mine, channel, attempt, unknown, e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "publisher for {} failed unexpectedly on reply {}: {}",
                    channel.platform(),
                    r.id(),
                    e.getClass().getName());
            return onPublishError(
                    mine,
                    channel,
                    attempt,
                    unknown,
                    new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            "unexpected " + e.getClass().getSimpleName(),
                            Optional.empty(),
                            Optional.empty(),
                            e));
        }
        ctx.channels().recordSuccess(channel.id());
        boolean recorded = ctx.tx()
                .inTransaction(
                        () -> ledger.markSent(mine, platformId, ctx.clock().instant()));
        if (!recorded) {
            LOG.warn("reply {} was published but its claim was taken over before it was marked sent", r.id());
        }
        return new DispatchResult(1, 0, 0);
    }

    private static DispatchResult held(boolean written) {
        return written ? new DispatchResult(0, 1, 0) : DispatchResult.nothing();
    }

    private DispatchResult onPublishError(
            OutboxClaim c, Channel channel, int attempt, boolean unknownBefore, PlatformException e) {
        Instant now = ctx.clock().instant();
        switch (e.kind()) {
            case DUPLICATE -> {
                if (attempt > 1) {
                    // an earlier attempt of this very entry may have got through: the platform already has it
                    boolean sent = ctx.tx().inTransaction(() -> ledger.markSent(c, Optional.empty(), now));
                    return sent ? new DispatchResult(1, 0, 0) : DispatchResult.nothing();
                }
                ledger.fail(
                        c,
                        attempt,
                        "the platform refused the text as a duplicate: this account already posted identical text; "
                                + "rephrase the reply and send it again (" + e.getMessage() + ")");
                return new DispatchResult(0, 0, 1);
            }
            case RATE_LIMITED -> {
                ctx.channels().recordFailure(channel.id(), e);
                return held(ledger.hold(
                        c,
                        attempt,
                        e.retryAt().orElse(now.plus(ctx.settings().retryBase())),
                        DeliveryLedger.marked(unknownBefore, e.getMessage())));
            }
            case AUTH_FAILED -> {
                ctx.channels().recordFailure(channel.id(), e);
                return held(ledger.hold(c, attempt, now, DeliveryLedger.marked(unknownBefore, e.getMessage())));
            }
            case TRANSIENT, UNKNOWN -> {
                ctx.channels().recordFailure(channel.id(), e);
                boolean unknown = unknownBefore || e.kind() == PlatformException.Kind.UNKNOWN;
                if (attempt >= ctx.settings().maxAttempts()) {
                    ledger.fail(
                            c,
                            attempt,
                            "gave up after " + attempt + " attempts: "
                                    + DeliveryLedger.marked(unknown, e.getMessage()));
                    return new DispatchResult(0, 0, 1);
                }
                return held(ledger.hold(
                        c, attempt, now.plus(ledger.backoff(attempt)), DeliveryLedger.marked(unknown, e.getMessage())));
            }
            default -> {
                if (e.kind() == PlatformException.Kind.PERMISSION) {
                    ctx.channels().recordFailure(channel.id(), e);
                }
                ledger.fail(c, attempt, e.getMessage());
                return new DispatchResult(0, 0, 1);
            }
        }
    }
}
