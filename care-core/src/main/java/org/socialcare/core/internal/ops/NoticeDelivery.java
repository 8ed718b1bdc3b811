package org.socialcare.core.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.runtime.MaskedFailure;
import org.socialcare.core.port.in.NoticeResult;
import org.socialcare.core.port.out.NoticeOutbox;

/**
 * Durable escalation notices: each is enqueued in the {@link NoticeOutbox} in the caller's transaction and handed to
 * the notifier right after the commit; a notifier that throws leaves it queued, retried by {@link #deliverDue} with
 * exponential backoff ({@link #FIRST_RETRY} doubling up to {@link #MAX_RETRY}), its masked error kept for
 * {@link #failing}. Notice ids are random UUIDs, not the desk's ids, so notices never shift the ids of conversations
 * and replies. Not API. Thread-safe.
 */
public final class NoticeDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeDelivery.class);
    /** How long a new notice is reserved for the enqueuing desk's delivery right after the commit. */
    public static final Duration OWN_DELIVERY_LEASE = Duration.ofMinutes(1);
    /** The lease of a claimed notice while the notifier is called. */
    public static final Duration DELIVERY_LEASE = Duration.ofMinutes(1);

    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration MAX_RETRY = Duration.ofHours(1);
    public static final int BATCH = 100;

    private final DeskContext ctx;

    public NoticeDelivery(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Enqueues the notice in the current transaction; delivers it once {@code after} runs (after the commit). */
    public void enqueue(EscalationNotice notice, AfterCommit after) {
        Instant now = ctx.clock().instant();
        NoticeOutbox.Entry entry = new NoticeOutbox.Entry(
                UUID.randomUUID().toString(), notice, now, 0, now.plus(OWN_DELIVERY_LEASE), Optional.empty());
        ctx.storage().notices().enqueue(entry);
        after.later(() -> deliver(entry));
    }

    /** Enqueues the notice in a transaction of its own and delivers it at once (for notices outside a change). */
    public void enqueueAndDeliver(EscalationNotice notice) {
        AfterCommit after = new AfterCommit();
        ctx.tx().run(() -> enqueue(notice, after));
        after.run();
    }

    /** Delivers up to {@link #BATCH} due notices; a failing one is held with backoff and never stops the others. */
    public NoticeResult deliverDue() {
        Instant now = ctx.clock().instant();
        List<NoticeOutbox.Entry> due =
                ctx.tx().inTransaction(() -> ctx.storage().notices().claimDue(now, BATCH, DELIVERY_LEASE));
        int delivered = 0;
        int failed = 0;
        for (NoticeOutbox.Entry e : due) {
            if (Thread.currentThread().isInterrupted()) {
                break; // a stopping runtime: the rest wait out their lease
            }
            if (deliver(e)) {
                delivered++;
            } else {
                failed++;
            }
        }
        return new NoticeResult(delivered, failed, due.size() == BATCH);
    }

    /** The notices that failed at least once and are still queued, longest failing first. */
    public List<NoticeOutbox.Entry> failing(int limit) {
        return ctx.tx().inTransaction(() -> ctx.storage().notices().failing(limit));
    }

    private boolean deliver(NoticeOutbox.Entry e) {
        try {
            ctx.notifier().notify(e.notice());
        } catch (RuntimeException failure) {
            int attempts = e.attempts() + 1;
            Instant next = ctx.clock().instant().plus(backoff(attempts));
            String why = MaskedFailure.describe(failure);
            LOG.warn(
                    "escalation notice {} ({} on channel {}) failed, attempt {}; kept and retried at {}: {}",
                    e.id(),
                    e.notice().kind(),
                    e.notice().channel(),
                    attempts,
                    next,
                    why,
                    MaskedFailure.of(failure));
            try {
                ctx.tx().run(() -> ctx.storage().notices().failed(e.id(), attempts, next, why));
            } catch (RuntimeException storage) {
                LOG.warn(
                        "could not record the failure of notice {} ({}); it is retried when its lease ends",
                        e.id(),
                        MaskedFailure.describe(storage));
            }
            return false;
        }
        try {
            ctx.tx().run(() -> ctx.storage().notices().delivered(e.id()));
        } catch (RuntimeException storage) {
            LOG.warn(
                    "notice {} was delivered but could not be marked so ({}); it may be delivered again",
                    e.id(),
                    MaskedFailure.describe(storage));
        }
        return true;
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(16, attempts - 1));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
