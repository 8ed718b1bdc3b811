package org.socialcare.twitter.v2;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.out.PayloadReader;
import org.socialcare.twitter.DirectMessageEvent;
import org.socialcare.twitter.Tweet;
import org.socialcare.twitter.TwitterUser;

/**
 * Reads recorded X API v2 and X Activity API payloads for {@code care-demo replay --platform x}, without calling
 * X: mentions (and other post list) responses, {@code GET /2/tweets/:id} bodies, {@code dm_events} responses,
 * API error bodies (RFC 7807 problems or {@code errors} arrays), and XAA webhook bodies; a file may hold one
 * document or one per line (NDJSON).
 *
 * <p>Rules are the adapter's: posts are PUBLIC and DMs PRIVATE customer messages; the bank's own (by the
 * configured account, or an XAA body's {@code filter.user_id}) are own messages; retweets are skipped with the
 * reason; deletions, likes, follows, error bodies and empty pages become notices saying what they are. These echo
 * and retweet rules mirror the v1.1 {@code MessageMapper}, which is package-private to the v1.1 package.
 * Errors: {@link MalformedPayloadException} naming the position for content that is not JSON, over the JSON
 * limits, not an X shape, or a post or DM event that cannot be read. Stateless and thread-safe.
 */
public final class XPayloadReader implements PayloadReader {
    /** The channel id messages get when the reader is not told one. */
    public static final ChannelId REPLAY_CHANNEL = ChannelId.of("x-replay");

    private final ChannelId channel;
    private final OptionalLong bankAccount;
    private final boolean includeRetweets;

    private XPayloadReader(ChannelId channel, OptionalLong bankAccount, boolean includeRetweets) {
        this.channel = channel;
        this.bankAccount = bankAccount;
        this.includeRetweets = includeRetweets;
    }

    /** A reader with no bank account: only XAA bodies ({@code filter.user_id}) say what is the bank's own. */
    public static XPayloadReader create() {
        return new XPayloadReader(REPLAY_CHANNEL, OptionalLong.empty(), false);
    }

    /** A reader with the channel, account and retweet setting of {@code config}. */
    public static XPayloadReader forAccount(XApiConfig config) {
        Objects.requireNonNull(config, "config");
        return new XPayloadReader(
                config.channel(), OptionalLong.of(config.accountIdAsLong()), config.includeRetweets());
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public PayloadReading read(String content) {
        Objects.requireNonNull(content, "content");
        Out out = new Out();
        for (Doc d : documents(content)) {
            document(d.node(), d.at(), out);
        }
        return new PayloadReading(out.customers, out.own, out.skipped, out.notices);
    }

    private record Doc(JsonNode node, String at) {}

    private static List<Doc> documents(String content) {
        try {
            return List.of(new Doc(XJson.parse(content), "$"));
        } catch (MalformedPayloadException whole) {
            if (whole.getCause() instanceof StreamConstraintsException) {
                throw whole;
            }
            List<String> lines = content.lines().toList();
            if (lines.stream().filter(l -> !l.isBlank()).count() < 2) {
                throw whole;
            }
            List<Doc> docs = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    try {
                        docs.add(new Doc(XJson.parse(lines.get(i)), "line " + (i + 1) + ": $"));
                    } catch (MalformedPayloadException e) {
                        throw new MalformedPayloadException("line " + (i + 1) + ": " + e.field(), e.getMessage(), e);
                    }
                }
            }
            return docs;
        }
    }

    private final class Out {
        final List<InboundMessage> customers = new ArrayList<>();
        final List<OwnMessage> own = new ArrayList<>();
        final List<PayloadReading.Skipped> skipped = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
    }

    private void document(JsonNode doc, String at, Out out) {
        if (!doc.isObject()) {
            throw new MalformedPayloadException(at, "expected an X API v2 or X Activity API object");
        }
        if (XActivityParser.isXActivity(doc)) {
            xActivity(XActivityParser.event(doc), out);
            return;
        }
        JsonNode data = doc.path("data");
        Map<String, JsonNode> users = XJson.usersById(doc.path("includes").path("users"));
        for (JsonNode e : doc.path("errors")) {
            out.notices.add("X API error in the response: " + problem(e));
        }
        if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                item(data.get(i), users, at + ".data[" + i + "]", out, bankAccount);
            }
        } else if (data.isObject()) {
            item(data, users, at + ".data", out, bankAccount);
        } else if (doc.has("title") || doc.has("detail") || doc.has("errors")) {
            if (!doc.has("errors")) {
                out.notices.add("X API error: " + problem(doc));
            }
        } else if (doc.path("meta").has("result_count")) {
            out.notices.add("empty page (result_count "
                    + doc.path("meta").path("result_count").asText() + ")");
        } else {
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            throw new MalformedPayloadException(
                    at,
                    "not an X API v2 or X Activity API shape (keys " + keys.subList(0, Math.min(10, keys.size()))
                            + ")");
        }
    }

    private void item(JsonNode o, Map<String, JsonNode> users, String at, Out out, OptionalLong bank) {
        if (o.has("event_type") && o.has("sender_id")) {
            if (!o.path("event_type").asText().equals("MessageCreate")) {
                out.notices.add("DM event " + o.path("id").asText() + " of type "
                        + o.path("event_type").asText());
                return;
            }
            direct(XJson.dmEvent(o, users, bank.orElse(0), at), bank, out);
        } else if (o.has("author_id") && o.has("text")) {
            post(XJson.tweet(o, users, at), bank, out);
        } else {
            throw new MalformedPayloadException(
                    at, "neither a post (author_id, text) nor a DM event (event_type, sender_id)");
        }
    }

    private void xActivity(XActivityParser.Event event, Out out) {
        OptionalLong bank = OptionalLong.of(event.forUserId());
        for (XActivityParser.Item item : event.items()) {
            if (item instanceof XActivityParser.Item.Post p) {
                post(p.tweet(), bank, out);
            } else if (item instanceof XActivityParser.Item.DirectMessage d) {
                direct(d.event(), bank, out);
            } else if (item instanceof XActivityParser.Item.Deletion d) {
                out.notices.add("post " + d.postId() + " deleted by user " + d.authorId());
            } else if (item instanceof XActivityParser.Item.Unreadable u) {
                throw u.error();
            } else if (item instanceof XActivityParser.Item.Ignored i) {
                out.notices.add(i.what());
            }
        }
    }

    private void post(Tweet t, OptionalLong bank, Out out) {
        MessageKey key = MessageKey.of(Platform.TWITTER, Long.toString(t.id()));
        Optional<String> parent = t.inReplyToStatusId().isPresent()
                ? Optional.of(Long.toString(t.inReplyToStatusId().getAsLong()))
                : Optional.empty();
        if (bank.isPresent() && bank.getAsLong() == t.author().id()) {
            out.own.add(
                    new OwnMessage(key, channel, t.text(), Visibility.PUBLIC, parent, t.createdAt(), t.sourceApp()));
        } else if (t.isRetweet() && !includeRetweets) {
            out.skipped.add(new PayloadReading.Skipped(
                    "post " + t.id(),
                    "retweet of post " + t.retweetOf().getAsLong() + " (retweets are ignored unless configured)"));
        } else {
            out.customers.add(InboundMessage.builder(key, channel, party(t.author()))
                    .text(t.text())
                    .visibility(Visibility.PUBLIC)
                    .inReplyTo(parent.orElse(null))
                    .createdAt(t.createdAt())
                    .language(t.language().orElse(null))
                    .build());
        }
    }

    private void direct(DirectMessageEvent d, OptionalLong bank, Out out) {
        MessageKey key = MessageKey.of(Platform.TWITTER, Long.toString(d.id()));
        if (bank.isPresent() && bank.getAsLong() == d.sender().id()) {
            out.own.add(new OwnMessage(
                    key, channel, d.text(), Visibility.PRIVATE, Optional.empty(), d.createdAt(), d.sourceApp()));
        } else {
            out.customers.add(InboundMessage.builder(key, channel, party(d.sender()))
                    .text(d.text())
                    .visibility(Visibility.PRIVATE)
                    .createdAt(d.createdAt())
                    .build());
        }
    }

    private static Party party(TwitterUser u) {
        return new Party(
                Long.toString(u.id()),
                u.screenName(),
                u.name().filter(n -> !n.isBlank()),
                u.followersCount(),
                u.verified());
    }

    private static String problem(JsonNode p) {
        String status = p.path("status").asText("");
        String title = p.path("title").asText(p.path("message").asText(""));
        String detail = p.path("detail").asText("");
        String s = (status.isEmpty() ? "" : "HTTP " + status + " ")
                + title
                + (detail.isEmpty() || detail.equals(title) ? "" : ": " + detail);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
