package org.socialcare.core.internal.ingest;

import java.time.Instant;
import java.util.Set;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;

/**
 * Keeps what the desk cannot ingest as a dead letter with its audit line, and renders messages readably for it
 * (ids, author, time and text, nothing else). Writes run in the caller's transaction. Not API. Thread-safe.
 */
public final class DeadLetters {
    private final DeskContext ctx;

    public DeadLetters(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Stores the payload as a dead letter (a new id) and audits DEAD_LETTERED. */
    public void put(String source, String raw, String reason) {
        Instant now = ctx.clock().instant();
        String id = ctx.ids().newId();
        ctx.storage().deadLetters().put(new DeadLetter(id, source, raw, reason, now));
        ctx.audit()
                .desk(
                        now,
                        DeskAudit.SYSTEM,
                        AuditAction.DEAD_LETTERED,
                        "dead letter " + id + " from " + source + ": " + reason);
    }

    static String unknownChannel(String what, ChannelId channel, Set<ChannelId> known) {
        return what + " names channel '" + channel + "', which this desk does not have; configured channels are "
                + known;
    }

    /** A readable rendering of a message for a dead letter: ids, author, time and text, nothing else. */
    static String render(InboundMessage m) {
        return "inbound " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' from @"
                + m.author().handle()
                + " (user " + m.author().platformUserId() + ") at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.rawPayloadRef().map(r -> " (raw payload " + r + ")").orElse("") + ": " + m.text();
    }

    static String render(OwnMessage m) {
        return "own " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.sourceApp().map(a -> " from app " + a).orElse("") + ": " + m.text();
    }
}
