package org.socialcare.core.internal.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.reply.EchoText;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.ops.HijackResponse;
import org.socialcare.core.internal.publish.DeliveryLedger;

/**
 * Matches the bank's own messages seen on a platform against the outbox: a sent reply is confirmed, a reply whose
 * publish was started but never recorded is marked sent through the {@link DeliveryLedger} (only when exactly one
 * in-flight entry matches, its text compared by {@link EchoText}: platforms add @mentions, escape entities and
 * shorten links), anything else goes to the {@link HijackResponse}. Writes run in the caller's
 * transaction. Not API. Thread-safe.
 */
public final class EchoReconciler {
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final DeskContext ctx;
    private final DeliveryLedger ledger;
    private final HijackResponse hijack;

    public EchoReconciler(DeskContext ctx, DeliveryLedger ledger, HijackResponse hijack) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.hijack = hijack;
    }

    /** Reconciles one own message. */
    public void match(OwnMessage own, AfterCommit after) {
        Instant now = ctx.clock().instant();
        Optional<Reply> sent = ctx.storage()
                .outbox()
                .findByPlatformMessageId(own.channel(), own.key().messageId());
        if (sent.isPresent()) {
            ctx.audit()
                    .conversation(
                            now,
                            SYSTEM,
                            AuditAction.ECHO_MATCHED,
                            sent.get().conversation(),
                            own.channel(),
                            "own message " + own.key() + " is reply "
                                    + sent.get().id());
            return;
        }
        // A crash (or storage failure) between publishing and recording leaves the entry QUEUED with its attempt
        // recorded: the echo proves it was published. Only entries whose publish was started can have made it;
        // an echo matching several of them (same text to several customers: a DM names no recipient) is not guessed.
        List<Reply> inFlight = ctx.storage().outbox().queued(own.channel()).stream()
                .filter(r -> r.attempts() > 0
                        && r.kind().carriesText()
                        && r.visibility() == own.visibility()
                        && EchoText.sameText(r.text(), own.text())
                        && (own.inReplyTo().isEmpty() || r.target().equals(own.inReplyTo())))
                .toList();
        if (inFlight.size() == 1) {
            Reply r = inFlight.get(0);
            ledger.markSent(r, Optional.of(own.key().messageId()), now);
            ctx.audit()
                    .conversation(
                            now,
                            SYSTEM,
                            AuditAction.ECHO_MATCHED,
                            r.conversation(),
                            own.channel(),
                            "own message " + own.key() + " reconciled as reply " + r.id());
            return;
        }
        if (inFlight.size() > 1) {
            String ids = inFlight.stream().map(r -> r.id().toString()).toList().toString();
            ctx.audit()
                    .channel(
                            now,
                            SYSTEM,
                            AuditAction.ECHO_UNMATCHED,
                            own.channel(),
                            "own message " + own.key() + " matches " + inFlight.size() + " replies being published "
                                    + ids + "; not reconciled (cannot tell which one), their next attempts decide");
            return;
        }
        hijack.onUnmatchedEcho(own, after); // audited; the hijack guard may pause the channel
    }
}
