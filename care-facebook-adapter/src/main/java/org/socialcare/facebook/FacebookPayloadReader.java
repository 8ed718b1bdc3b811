package org.socialcare.facebook;

import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.out.PayloadReader;

/**
 * Reads one recorded Facebook payload with the adapter's own rules (the same mapper the webhook handler and the
 * source use), without calling Facebook: page webhooks ({@code feed}/{@code mention} changes, Messenger
 * {@code messaging}/{@code standby} events), and Graph API responses: a post (with comments and replies), a
 * comment, a page feed or any connection page, an inbox conversation, an inbox message or a list of them, a
 * Send API response, a Graph error body and a batch response.
 *
 * <p>The page's own messages are told apart by the configured page id; without one, by the webhook entry's page
 * id, the owner part of a Graph id ({@code <page>_<post>}), the page a visitor post is addressed to, or the
 * inbox tag {@code sent}. Payloads without customer messages get a notice ("Graph error 190 OAuthException ...",
 * "Messenger delivery receipt ..."). Notices and reasons are redacted: no access token from a paging URL
 * reaches them. Malformed or unrecognised content throws {@link MalformedPayloadException} naming the path.
 * Thread-safe.
 */
public final class FacebookPayloadReader implements PayloadReader {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private final ChannelId channel;
    private final Optional<String> pageId;
    private final Clock clock;
    private final Redactor redactor;
    private final PayloadMapper mapper;

    /** A reader attributing messages to {@code channel}; {@code pageId} tells the page's own messages when known. */
    public FacebookPayloadReader(ChannelId channel, Optional<String> pageId, Clock clock) {
        this.channel = Objects.requireNonNull(channel, "channel must not be null");
        this.pageId = Objects.requireNonNull(pageId, "pageId must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.redactor = Redactor.generic();
        this.mapper = new PayloadMapper();
    }

    /** A reader for replaying files: channel {@code facebook}, page id inferred from the payload, system clock. */
    public static FacebookPayloadReader forReplay() {
        return new FacebookPayloadReader(ChannelId.of("facebook"), Optional.empty(), Clock.systemUTC());
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public PayloadReading read(String content) {
        JsonValue root = Json.parse(content, "$");
        PayloadMapper.Collected out = new PayloadMapper.Collected();
        PayloadMapper.Context ctx = new PayloadMapper.Context(channel, pageId, clock.instant());
        readValue(root, "$", ctx, out, false);
        if (!out.rejected.isEmpty()) {
            RejectedPayload first = out.rejected.get(0);
            throw new MalformedPayloadException(
                    first.reason().contains(":")
                            ? first.reason().substring(0, first.reason().indexOf(':'))
                            : "$",
                    redactor.redact(first.reason()));
        }
        return new PayloadReading(
                out.customer,
                out.own,
                out.skipped,
                out.notices.stream().map(redactor::redact).toList());
    }

    private void readValue(
            JsonValue value, String path, PayloadMapper.Context ctx, PayloadMapper.Collected out, boolean inBatch) {
        if (value.isArray()) {
            readArray(value.asArray().values(), path, ctx, out);
            return;
        }
        if (!value.isObject()) {
            throw new MalformedPayloadException(path, "expected a JSON object or array but was " + Json.kind(value));
        }
        JsonObject o = value.asObject();
        if (o.contains("object") && o.contains("entry")) {
            mapper.webhook(o, page -> Optional.of(channel), ctx.fallbackTime(), out);
            return;
        }
        if (o.contains("error")) {
            Optional<JsonObject> error = Json.object(o, "error");
            if (error.isEmpty()) {
                throw new MalformedPayloadException(path + ".error", "expected a Graph error object");
            }
            out.notices.add(GraphErrors.describe(error.get(), redactor));
            return;
        }
        if (o.contains("recipient_id") && (o.contains("message_id") || o.contains("attachment_id"))) {
            out.notices.add(
                    "Send API response: message " + Json.text(o, "message_id").orElse("?") + " sent to "
                            + Json.text(o, "recipient_id").orElse("?"));
            return;
        }
        if (o.contains("data") && Json.array(o, "data").isPresent()) {
            readConnection(o, path, ctx, out);
            return;
        }
        String id = Json.text(o, "id").orElse("");
        if (id.startsWith("t_")
                || o.contains("participants")
                || Json.object(o, "messages").isPresent()) {
            mapper.conversation(o, path, ctx, out);
            return;
        }
        if (id.startsWith("m_") || id.startsWith("mid.")) {
            mapper.inboxMessage(o, path, ctx, out);
            return;
        }
        if (!id.isEmpty() && PayloadMapper.looksLikeComment(o)) {
            mapper.comment(o, Optional.empty(), path, ctx, out);
            return;
        }
        if (!id.isEmpty() && looksLikePost(o)) {
            mapper.post(o, path, ctx, out);
            return;
        }
        if (inBatch && !id.isEmpty()) {
            out.notices.add("Graph object " + id + " without a message");
            return;
        }
        throw new MalformedPayloadException(
                path,
                "unrecognised Facebook payload: expected a page webhook (object, entry), a Graph error, "
                        + "a post, comment, conversation, message, connection page, Send API response or batch response; found fields "
                        + o.names());
    }

    private void readArray(List<JsonValue> items, String path, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
        if (items.isEmpty()) {
            out.notices.add("empty list");
            return;
        }
        boolean batch = items.stream()
                .allMatch(v -> v.isObject()
                        && v.asObject().contains("code")
                        && v.asObject().contains("body"));
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonObject item = Json.asObject(items.get(i), itemPath);
            if (!batch) {
                String id = Json.text(item, "id").orElse("");
                if (id.startsWith("m_") || id.startsWith("mid.")) {
                    mapper.inboxMessage(item, itemPath, ctx, out);
                    continue;
                }
                readValue(item, itemPath, ctx, out, false);
                continue;
            }
            String code = Json.text(item, "code").orElse("?");
            Optional<String> body = Json.text(item, "body");
            if (body.isEmpty() || body.get().isBlank()) {
                out.notices.add("batch item " + (i + 1) + ": HTTP " + code + " without a body");
                continue;
            }
            JsonValue parsed = Json.parse(body.get(), itemPath + ".body");
            int before = out.notices.size();
            readValue(parsed, itemPath + ".body", ctx, out, true);
            for (int n = before; n < out.notices.size(); n++) {
                out.notices.set(n, "batch item " + (i + 1) + " (HTTP " + code + "): " + out.notices.get(n));
            }
        }
    }

    private void readConnection(JsonObject o, String path, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
        List<JsonValue> data = Json.array(o, "data").get().values();
        int messages = 0;
        int others = 0;
        for (int i = 0; i < data.size(); i++) {
            String itemPath = path + ".data[" + i + "]";
            JsonObject item = Json.asObject(data.get(i), itemPath);
            String id = Json.text(item, "id").orElse("");
            if (id.startsWith("t_")) {
                mapper.conversation(item, itemPath, ctx, out);
                messages++;
            } else if (id.startsWith("m_") || id.startsWith("mid.")) {
                mapper.inboxMessage(item, itemPath, ctx, out);
                messages++;
            } else if (!id.isEmpty() && PayloadMapper.looksLikeComment(item)) {
                mapper.comment(item, Optional.empty(), itemPath, ctx, out);
                messages++;
            } else if (!id.isEmpty() && (item.contains("message") || item.contains("from"))) {
                mapper.post(item, itemPath, ctx, out);
                messages++;
            } else {
                others++;
            }
        }
        if (messages == 0) {
            out.notices.add(
                    "connection page of " + data.size() + " item(s) without messages (profiles or other objects)"
                            + Json.object(o, "summary")
                                    .flatMap(s -> Json.text(s, "total_count"))
                                    .map(t -> ", total_count " + t)
                                    .orElse(""));
        } else if (others > 0) {
            out.notices.add(others + " item(s) of the connection page carry no message");
        }
        if (Json.object(o, "paging").filter(p -> p.contains("next")).isPresent()) {
            out.notices.add("connection page has a next page (more results not in this payload)");
        }
    }

    private static boolean looksLikePost(JsonObject o) {
        return List.of(
                        "from",
                        "message",
                        "comments",
                        "reactions",
                        "likes",
                        "type",
                        "status_type",
                        "to",
                        "privacy",
                        "is_hidden",
                        "created_time",
                        "attachments")
                .stream()
                .anyMatch(o::contains);
    }
}
