package org.socialcare.core.internal.ingest;

import java.time.Instant;
import java.util.Set;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.DeskEvent;
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

    /** Longest raw payload a dead letter keeps, in characters; the rest is cut with a note of how much. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    /** Longest reason a dead letter keeps, in characters. */
    public static final int MAX_REASON_CHARS = 2 * 1024;

    /**
     * Stores the payload as a dead letter (a new id) and audits DEAD_LETTERED. Payload and reason are capped
     * ({@link #MAX_PAYLOAD_CHARS}, {@link #MAX_REASON_CHARS}) so hostile input keeps a small dead letter. Reports
     * {@link DeskEvent.DeadLettered} with {@code kind}.
     */
    public void put(String source, String raw, String reason, DeskEvent.DeadLetterReason kind) {
        Instant now = ctx.clock().instant();
        String id = ctx.ids().newId();
        raw = capped(raw, MAX_PAYLOAD_CHARS);
        reason = capped(reason, MAX_REASON_CHARS);
        ctx.storage().deadLetters().put(new DeadLetter(id, source, raw, reason, now));
        ctx.audit()
                .desk(
                        now,
                        DeskAudit.SYSTEM,
                        AuditAction.DEAD_LETTERED,
                        "dead letter " + id + " from " + source + ": " + reason);
        ctx.events().emit(new DeskEvent.DeadLettered(now, source, kind));
    }

    /**
     * {@code text} cut to at most {@code max} characters plus a note of how many were kept. The cut never ends
     * inside a run of digits, spaces or dashes, so no card number is left half there for the masking to miss.
     */
    static String capped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        while (end > 0 && isCardGlyph(text.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + " [truncated: " + end + " of " + text.length() + " characters kept]";
    }

    private static boolean isCardGlyph(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-';
    }

    static String unknownChannel(String what, ChannelId channel, Set<ChannelId> known) {
        return what + " names channel '" + channel + "', which this desk does not have; configured channels are "
                + known + "; once the channel is added (Operations.addChannel) this dead letter can be reprocessed";
    }

    /**
     * What the desk keeps of a message for a channel it does not have: a readable first line, then the message in a
     * form {@code Operations.reprocessDeadLetter} reads back ({@link KeptMessages}).
     */
    static String render(InboundMessage m) {
        return KeptMessages.of(m);
    }

    static String render(OwnMessage m) {
        return KeptMessages.of(m);
    }

    /** The readable first line of a kept message: ids, author and time, no text. */
    static String header(InboundMessage m) {
        return "inbound " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' from @"
                + m.author().handle()
                + " (user " + m.author().platformUserId() + ") at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.rawPayloadRef().map(r -> " (raw payload " + r + ")").orElse("");
    }

    static String header(OwnMessage m) {
        return "own " + m.visibility() + " message " + m.key() + " on channel '" + m.channel() + "' at " + m.createdAt()
                + m.inReplyTo().map(r -> " in reply to " + r).orElse("")
                + m.sourceApp().map(a -> " from app " + a).orElse("");
    }
}
