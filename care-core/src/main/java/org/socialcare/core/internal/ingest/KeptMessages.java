package org.socialcare.core.internal.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;

/**
 * The payload of a dead letter the desk keeps for a message it could not place (a channel it does not have): a
 * readable first line for people, a line the desk reads back when the dead letter is reprocessed, then the text.
 *
 * <pre>
 * inbound PUBLIC message twitter:123 on channel 'cards' from @ann (user 42) at 2026-11-25T09:00:00Z
 * care-kept-message-v1 kind=... platform=... id=... channel=... user=... (values in letters only)
 * text:
 * the customer's text, as is
 * </pre>
 *
 * The dead letter is masked at rest as a whole, so the field values are written in letters only (each UTF-16 unit as
 * four letters {@code a}-{@code p}): a platform id that happens to look like a card or phone number is not masked
 * and comes back exact, while the text stays plain and is masked like every stored text (it comes back masked). A
 * text longer than the dead letter's cap comes back cut, with the cap's note. Not API. Stateless.
 */
final class KeptMessages {
    static final String MARK = "care-kept-message-v1";
    private static final String TEXT = "\ntext:\n";

    private KeptMessages() {}

    static String of(InboundMessage m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "inbound");
        key(f, m.key(), m.channel(), m.visibility(), m.inReplyTo(), m.createdAt());
        f.put("user", m.author().platformUserId());
        f.put("handle", m.author().handle());
        m.author().displayName().ifPresent(v -> f.put("name", v));
        f.put("followers", Long.toString(m.author().followerCount()));
        f.put("verified", Boolean.toString(m.author().verified()));
        m.language().ifPresent(v -> f.put("lang", v));
        m.rawPayloadRef().ifPresent(v -> f.put("ref", v));
        return DeadLetters.header(m) + "\n" + line(f) + TEXT + m.text();
    }

    static String of(OwnMessage m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "own");
        key(f, m.key(), m.channel(), m.visibility(), m.inReplyTo(), m.createdAt());
        m.sourceApp().ifPresent(v -> f.put("app", v));
        return DeadLetters.header(m) + "\n" + line(f) + TEXT + m.text();
    }

    /**
     * The message kept in {@code payload}; empty when the payload is not one the desk kept (a platform's payload).
     *
     * @throws IllegalArgumentException naming what is wrong when it is marked as kept but cannot be read back
     */
    static Optional<PayloadReading> read(String payload) {
        int at = payload.indexOf("\n" + MARK + " ");
        if (at < 0) {
            return Optional.empty();
        }
        int end = payload.indexOf(TEXT, at + 1);
        if (end < 0) {
            throw new IllegalArgumentException("the kept message has no text line");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : payload.substring(at + MARK.length() + 2, end).split(" ")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("the kept message has a malformed field '" + pair + "'");
            }
            f.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
        }
        String text = payload.substring(end + TEXT.length());
        try {
            MessageKey key = MessageKey.of(Platform.of(need(f, "platform")), need(f, "id"));
            ChannelId channel = ChannelId.of(need(f, "channel"));
            Visibility visibility = Visibility.valueOf(need(f, "visibility"));
            Optional<String> inReplyTo = Optional.ofNullable(f.get("replyto"));
            Instant createdAt = Instant.parse(need(f, "at"));
            List<InboundMessage> inbound = new ArrayList<>();
            List<OwnMessage> own = new ArrayList<>();
            switch (need(f, "kind")) {
                case "inbound" ->
                    inbound.add(new InboundMessage(
                            key,
                            channel,
                            new Party(
                                    need(f, "user"),
                                    need(f, "handle"),
                                    Optional.ofNullable(f.get("name")),
                                    Long.parseLong(need(f, "followers")),
                                    Boolean.parseBoolean(need(f, "verified"))),
                            text,
                            visibility,
                            inReplyTo,
                            createdAt,
                            Optional.ofNullable(f.get("lang")),
                            Optional.ofNullable(f.get("ref"))));
                case "own" ->
                    own.add(new OwnMessage(
                            key, channel, text, visibility, inReplyTo, createdAt, Optional.ofNullable(f.get("app"))));
                default -> throw new IllegalArgumentException("the kept message has an unknown kind");
            }
            return Optional.of(new PayloadReading(inbound, own, List.of(), List.of()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the kept message cannot be read back: " + e.getMessage(), e);
        }
    }

    private static void key(
            Map<String, String> f,
            MessageKey key,
            ChannelId channel,
            Visibility visibility,
            Optional<String> inReplyTo,
            Instant at) {
        f.put("platform", key.platform().name());
        f.put("id", key.messageId());
        f.put("channel", channel.value());
        f.put("visibility", visibility.name());
        inReplyTo.ifPresent(v -> f.put("replyto", v));
        f.put("at", at.toString());
    }

    private static String need(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the kept message has no field '" + name + "'");
        }
        return v;
    }

    private static String line(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(MARK);
        fields.forEach((k, v) -> out.append(' ').append(k).append('=').append(encode(v)));
        return out.toString();
    }

    /** Each UTF-16 unit as four letters a-p (its hex digits shifted to letters): nothing a masking rule can match. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            for (int shift = 12; shift >= 0; shift -= 4) {
                out.append((char) ('a' + ((c >> shift) & 0xF)));
            }
        }
        return out.toString();
    }

    static String decode(String letters) {
        if (letters.length() % 4 != 0) {
            throw new IllegalArgumentException("a kept field value has a length that is not a multiple of 4");
        }
        StringBuilder out = new StringBuilder(letters.length() / 4);
        for (int i = 0; i < letters.length(); i += 4) {
            int c = 0;
            for (int j = 0; j < 4; j++) {
                int d = letters.charAt(i + j) - 'a';
                if (d < 0 || d > 15) {
                    throw new IllegalArgumentException("a kept field value holds a character outside a-p");
                }
                c = (c << 4) | d;
            }
            out.append((char) c);
        }
        return out.toString();
    }
}
