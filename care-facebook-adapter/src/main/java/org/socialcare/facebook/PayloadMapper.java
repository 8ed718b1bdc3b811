package org.socialcare.facebook;

import com.restfb.DefaultJsonMapper;
import com.restfb.exception.FacebookJsonMappingException;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import com.restfb.types.webhook.Change;
import com.restfb.types.webhook.ChangeValue;
import com.restfb.types.webhook.FeedCommentValue;
import com.restfb.types.webhook.FeedPostValue;
import com.restfb.types.webhook.MentionCommentAddValue;
import com.restfb.types.webhook.MentionPostAddValue;
import com.restfb.types.webhook.base.From;
import com.restfb.types.webhook.messaging.MessageItem;
import com.restfb.types.webhook.messaging.MessagingAttachment;
import com.restfb.types.webhook.messaging.MessagingItem;
import com.restfb.types.webhook.messaging.PostbackItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.adapter.support.LogText;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;

/**
 * The one place that turns Facebook JSON into core messages, used by the webhook handler, the polling source
 * and the payload reader so all three follow the same rules:
 * <ul>
 *   <li>page webhooks ({@code feed}, {@code mention}) map through restfb's {@code Change} types; a comment or
 *       post added by someone else is a PUBLIC customer message (comment id, parent id as {@code inReplyTo});
 *       one written by the page (author id = page id) is the bank's own; edits, removals, hides and reactions
 *       are skipped with the reason; anything else is an unknown event kind, skipped with a log line;</li>
 *   <li>Messenger events ({@code messaging} and {@code standby}) map through restfb's {@code MessagingItem}: a
 *       message or postback is a PRIVATE customer message (mid, {@code reply_to.mid}); {@code is_echo} or the
 *       page as sender is the bank's own (with {@code app_id}); delivery and read receipts are notices;</li>
 *   <li>Graph objects (post with its comments and their replies, comment, inbox conversation and message) use
 *       the same author rule; attachments are appended to the text as {@code [type] url} lines.</li>
 * </ul>
 * Problems with one item become a {@link RejectedPayload} holding that item's JSON (the rest of the payload
 * still counts); a body that is not the expected shape throws {@link MalformedPayloadException} naming the path.
 * Thread-safe. Not API.
 */
final class PayloadMapper {
    private static final Logger LOG = LoggerFactory.getLogger(PayloadMapper.class);
    static final String SOURCE = "webhook:facebook";
    private static final Set<String> POST_ITEMS = Set.of("post", "status", "photo", "video", "share");
    private static final Set<String> COMMENT_ONLY_FIELDS = Set.of(
            "can_hide", "can_remove", "like_count", "user_likes", "parent", "comment_count", "can_reply_privately");

    PayloadMapper() {}

    /** Where mapped items go. Not thread-safe: one per payload. */
    static final class Collected {
        final List<InboundMessage> customer = new ArrayList<>();
        final List<OwnMessage> own = new ArrayList<>();
        final List<PayloadReading.Skipped> skipped = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        final List<RejectedPayload> rejected = new ArrayList<>();

        void skip(String what, String why) {
            skipped.add(new PayloadReading.Skipped(what, why));
        }
    }

    /** Who the page is and which channel messages go to, for a run of Graph objects. */
    record Context(ChannelId channel, Optional<String> pageId, Instant fallbackTime) {
        Context withInferredPage(Optional<String> inferred) {
            return pageId.isPresent() || inferred.isEmpty() ? this : new Context(channel, inferred, fallbackTime);
        }
    }

    // ------------------------------------------------------------------ webhooks

    /**
     * Maps a page webhook body ({@code {"object":"page","entry":[...]}}). {@code channelOfPage} routes each entry
     * by its page id; an entry for an unknown page is rejected (kept as a dead letter), not dropped.
     */
    void webhook(JsonObject root, Function<String, Optional<ChannelId>> channelOfPage, Instant now, Collected out) {
        String object = Json.text(root, "object")
                .orElseThrow(() -> new MalformedPayloadException("object", "missing; expected \"page\""));
        List<JsonValue> entries = Json.optionalArray(root, "entry", "$");
        if (!root.contains("entry")) {
            throw new MalformedPayloadException("entry", "missing; expected an array of entries");
        }
        if (!object.equals("page")) {
            LOG.info(
                    "skipping Facebook webhook for object '{}' ({} entries): this adapter reads page webhooks",
                    LogText.of(object),
                    entries.size());
            out.skip("webhook object " + LogText.of(object), "not a page webhook");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = "entry[" + i + "]";
            JsonObject entry = Json.asObject(entries.get(i), path);
            String pageId = Json.text(entry, "id")
                    .orElseThrow(() -> new MalformedPayloadException(path + ".id", "missing page id"));
            Instant entryTime = Json.time(entry, "time").orElse(now);
            Optional<ChannelId> channel = channelOfPage.apply(pageId);
            if (channel.isEmpty()) {
                out.rejected.add(new RejectedPayload(
                        SOURCE, entry.toString(), path + ": no channel is configured for page " + pageId));
                continue;
            }
            List<JsonValue> changes = Json.optionalArray(entry, "changes", path);
            List<JsonValue> messaging = Json.optionalArray(entry, "messaging", path);
            List<JsonValue> standby = Json.optionalArray(entry, "standby", path);
            if (changes.isEmpty() && messaging.isEmpty() && standby.isEmpty()) {
                out.skip(path, "entry without changes or messaging events");
            }
            Context ctx = new Context(channel.get(), Optional.of(pageId), entryTime);
            eachObject(changes, path + ".changes", (item, itemPath) -> change(item, itemPath, ctx, out));
            eachObject(messaging, path + ".messaging", (item, itemPath) -> messaging(item, itemPath, ctx, out));
            // Handover protocol: another app owns the thread; the customer's words still belong on the desk.
            eachObject(standby, path + ".standby", (item, itemPath) -> messaging(item, itemPath, ctx, out));
        }
    }

    /** Calls {@code each} with every element of {@code items} as an object and its path, e.g. {@code entry[0].changes[2]}. */
    private static void eachObject(
            List<JsonValue> items, String path, java.util.function.BiConsumer<JsonObject, String> each) {
        for (int j = 0; j < items.size(); j++) {
            String itemPath = path + "[" + j + "]";
            each.accept(Json.asObject(items.get(j), itemPath), itemPath);
        }
    }

    private void change(JsonObject change, String path, Context ctx, Collected out) {
        String field =
                Json.text(change, "field").orElseThrow(() -> new MalformedPayloadException(path + ".field", "missing"));
        if (!field.equals("feed") && !field.equals("mention")) {
            unknownKind(field, path, out);
            return;
        }
        JsonObject value = Json.requireObject(change, "value", path);
        String item = Json.text(value, "item").orElse("?");
        String verb = Json.text(value, "verb").orElse("?").toLowerCase(Locale.ROOT);
        String kind = field + "/" + item + "/" + verb;
        boolean comment = item.equals("comment");
        if (!comment && !POST_ITEMS.contains(item)) {
            if (item.equals("reaction") || item.equals("like")) {
                out.skip(kind + " " + Json.text(value, "post_id").orElse(""), item + " (carries no message)");
            } else {
                unknownKind(kind, path, out);
            }
            return;
        }
        String id = comment
                ? Json.text(value, "comment_id").orElse("")
                : Json.text(value, "post_id").orElse("");
        switch (verb) {
            case "add" -> {}
            case "edited", "edit" -> {
                out.skip(item + " " + id, item + " edited: the desk keeps the text it first received");
                return;
            }
            case "remove", "delete" -> {
                out.skip(item + " " + id, item + " removed");
                return;
            }
            case "hide", "unhide" -> {
                out.skip(
                        item + " " + id,
                        item + " " + (verb.equals("hide") ? "hidden" : "unhidden") + " on the page (moderation)");
                return;
            }
            default -> {
                unknownKind(kind, path, out);
                return;
            }
        }
        if (id.isBlank()) {
            out.rejected.add(new RejectedPayload(
                    SOURCE, change.toString(), path + ".value." + (comment ? "comment_id" : "post_id") + ": missing"));
            return;
        }
        ChangeValue typed;
        try {
            typed = new DefaultJsonMapper()
                    .toJavaObject(change.toString(), Change.class)
                    .getValue();
        } catch (FacebookJsonMappingException | IllegalArgumentException e) {
            out.rejected.add(new RejectedPayload(
                    SOURCE, change.toString(), path + ".value: cannot be read as a " + kind + " change"));
            return;
        }
        String text;
        Optional<String> parent;
        Optional<From> from = Optional.empty();
        if (typed instanceof FeedCommentValue c) {
            text = withLinks(c.getMessage(), List.of(link("photo", c.getPhoto()), link("video", c.getVideo())));
            parent = Optional.ofNullable(c.getParentId()).or(() -> Optional.ofNullable(c.getPostId()));
            from = Optional.ofNullable(c.getFrom());
        } else if (typed instanceof FeedPostValue p) {
            text = withLinks(p.getMessage(), List.of());
            parent = Optional.empty();
            from = Optional.ofNullable(p.getFrom());
        } else if (typed instanceof MentionCommentAddValue m) {
            text = Json.text(value, "message").orElse("");
            parent = Optional.ofNullable(m.getPostId());
        } else if (typed instanceof MentionPostAddValue) {
            text = Json.text(value, "message").orElse("");
            parent = Optional.empty();
        } else {
            // status, photo, video and share items (restfb types them differently, or not at all): read the raw value
            List<String> links = new ArrayList<>();
            if (!comment) {
                Json.text(value, "link").ifPresent(l -> links.add("[" + item + "] " + l));
                Json.array(value, "photos").ifPresent(a -> a.values()
                        .forEach(v -> Json.asText(v).ifPresent(u -> links.add("[photo] " + u))));
            }
            text = withLinks(Json.text(value, "message").orElse(""), links);
            parent = comment ? Json.text(value, "parent_id").or(() -> Json.text(value, "post_id")) : Optional.empty();
        }
        Optional<String> authorId = from.map(From::getId)
                .filter(s -> !s.isBlank())
                .or(() -> Json.object(value, "from").flatMap(f -> Json.text(f, "id")))
                .or(() -> Json.text(value, "sender_id"));
        Optional<String> authorName = from.map(From::getName)
                .filter(s -> !s.isBlank())
                .or(() -> Json.object(value, "from").flatMap(f -> Json.text(f, "name")))
                .or(() -> Json.text(value, "sender_name"));
        if (authorId.isEmpty() && field.equals("mention")) {
            // Mention webhooks omit the author; keep the message, attributed to a per-mention placeholder.
            authorId = Optional.of("unknown-author:" + id);
        }
        if (authorId.isEmpty()) {
            out.rejected.add(new RejectedPayload(
                    SOURCE, change.toString(), path + ".value.from: missing author of " + item + " " + id));
            return;
        }
        Instant at = Json.time(value, "created_time").orElse(ctx.fallbackTime());
        emit(
                ctx,
                out,
                id,
                authorId.get(),
                authorName,
                text,
                Visibility.PUBLIC,
                parent.filter(p -> !p.equals(id)),
                at,
                Optional.empty(),
                false);
    }

    private void messaging(JsonObject raw, String path, Context ctx, Collected out) {
        MessagingItem item;
        try {
            item = new DefaultJsonMapper().toJavaObject(raw.toString(), MessagingItem.class);
        } catch (FacebookJsonMappingException | IllegalArgumentException e) {
            out.rejected.add(
                    new RejectedPayload(SOURCE, raw.toString(), path + ": cannot be read as a Messenger event"));
            return;
        }
        String sender = item.getSender() == null ? null : item.getSender().getId();
        Instant at = Json.time(raw, "timestamp").orElse(ctx.fallbackTime());
        String page = ctx.pageId().orElse("");
        if (item.getMessage() != null) {
            MessageItem m = item.getMessage();
            if (m.getMid() == null || m.getMid().isBlank()) {
                out.rejected.add(new RejectedPayload(SOURCE, raw.toString(), path + ".message.mid: missing"));
                return;
            }
            if (Boolean.TRUE.equals(m.getIsDeleted())) {
                out.skip("Messenger message " + m.getMid(), "deleted by its sender");
                return;
            }
            String text = withLinks(m.getText(), attachmentLinks(m.getAttachments()));
            if (text.isBlank() && m.getStickerId() != null) {
                text = m.isLike() ? "[like]" : "[sticker]";
            }
            Optional<String> replyTo =
                    Optional.ofNullable(m.getReplyTo()).map(r -> r.getMid()).filter(s -> s != null && !s.isBlank());
            boolean own = m.isEcho() || page.equals(sender);
            if (!own && (sender == null || sender.isBlank())) {
                out.rejected.add(new RejectedPayload(SOURCE, raw.toString(), path + ".sender.id: missing"));
                return;
            }
            emit(
                    ctx,
                    out,
                    m.getMid(),
                    own ? page : sender,
                    Optional.empty(),
                    text,
                    Visibility.PRIVATE,
                    replyTo,
                    at,
                    Optional.ofNullable(m.getAppId()),
                    own);
            return;
        }
        if (item.getPostback() != null) {
            PostbackItem p = item.getPostback();
            if (sender == null || sender.isBlank()) {
                out.rejected.add(new RejectedPayload(SOURCE, raw.toString(), path + ".sender.id: missing"));
                return;
            }
            String id = p.getMid() != null && !p.getMid().isBlank()
                    ? p.getMid()
                    : "postback:" + sender + ":" + at.toEpochMilli();
            String text = p.getTitle() != null && !p.getTitle().isBlank()
                    ? p.getTitle()
                    : "[postback] " + Optional.ofNullable(p.getPayload()).orElse("");
            emit(
                    ctx,
                    out,
                    id,
                    sender,
                    Optional.empty(),
                    text,
                    Visibility.PRIVATE,
                    Optional.empty(),
                    at,
                    Optional.empty(),
                    false);
            return;
        }
        if (item.getDelivery() != null) {
            int n = item.getDelivery().getMids() == null
                    ? 0
                    : item.getDelivery().getMids().size();
            out.notices.add("Messenger delivery receipt from " + sender + " for " + n + " message(s)");
            out.skip("Messenger delivery " + path, "delivery receipt (no message)");
            return;
        }
        if (item.getRead() != null) {
            out.notices.add("Messenger read receipt from " + sender);
            out.skip("Messenger read " + path, "read receipt (no message)");
            return;
        }
        if (item.getReaction() != null) {
            out.skip(
                    "Messenger reaction to " + item.getReaction().getMid(),
                    "message reaction '" + item.getReaction().getReaction() + "' (no text)");
            return;
        }
        List<String> keys = new ArrayList<>(raw.names());
        keys.removeAll(List.of("sender", "recipient", "timestamp"));
        unknownKind("messaging/" + String.join("+", keys), path, out);
    }

    private static void unknownKind(String kind, String path, Collected out) {
        String shown = LogText.of(kind);
        LOG.info("skipping unknown Facebook event kind '{}' at {}", shown, path);
        out.skip(shown + " at " + path, "unknown event kind");
    }

    private static List<String> attachmentLinks(List<MessagingAttachment> attachments) {
        List<String> links = new ArrayList<>();
        if (attachments == null) {
            return links;
        }
        for (MessagingAttachment a : attachments) {
            String type = Optional.ofNullable(a.getType()).orElse("attachment");
            String where = null;
            if (a.getPayload() != null) {
                if (a.getPayload().getUrl() != null) {
                    where = a.getPayload().getUrl();
                } else if (a.getPayload().getCoordinates() != null) {
                    where = a.getPayload().getCoordinates().getLat() + ","
                            + a.getPayload().getCoordinates().getLongVal();
                } else if (a.getPayload().getFallback() != null) {
                    where = a.getPayload().getFallback();
                }
            }
            if (where == null && a.getUrl() != null) {
                where = a.getUrl();
            }
            links.add("[" + type + "]" + (where == null ? "" : " " + where));
        }
        return links;
    }

    // ------------------------------------------------------------------ Graph objects

    /** A post with its {@code comments.data} (and their replies). */
    void post(JsonObject p, String path, Context ctx, Collected out) {
        String id =
                Json.text(p, "id").orElseThrow(() -> new MalformedPayloadException(path + ".id", "missing post id"));
        Context c = ctx.withInferredPage(ownerPrefix(id).or(() -> pageAddressed(p)));
        Optional<JsonObject> from = Json.object(p, "from");
        String text = withLinks(Json.text(p, "message").orElse(""), graphAttachments(Json.dataOf(p, "attachments")));
        if (from.isEmpty() || Json.text(from.get(), "id").isEmpty()) {
            out.skip("post " + id, "no author: 'from' not in the response");
        } else if (text.isBlank()) {
            out.skip("post " + id, "no text or attachment");
        } else {
            String author = Json.text(from.get(), "id").get();
            emit(
                    c,
                    out,
                    id,
                    author,
                    Json.text(from.get(), "name"),
                    text,
                    Visibility.PUBLIC,
                    Optional.empty(),
                    Json.time(p, "created_time").orElse(c.fallbackTime()),
                    applicationOf(p),
                    false);
        }
        List<JsonValue> comments = Json.dataOf(p, "comments");
        for (int i = 0; i < comments.size(); i++) {
            comment(
                    Json.asObject(comments.get(i), path + ".comments.data[" + i + "]"),
                    Optional.of(id),
                    path + ".comments.data[" + i + "]",
                    c,
                    out);
        }
    }

    /** A comment (its parent from {@code parent.id}, else {@code defaultParent}) with its {@code comments.data} replies. */
    void comment(JsonObject cm, Optional<String> defaultParent, String path, Context ctx, Collected out) {
        String id = Json.text(cm, "id")
                .orElseThrow(() -> new MalformedPayloadException(path + ".id", "missing comment id"));
        Context c = ctx.withInferredPage(ownerPrefix(id));
        Optional<String> parent =
                Json.object(cm, "parent").flatMap(x -> Json.text(x, "id")).or(() -> defaultParent);
        Optional<JsonObject> from = Json.object(cm, "from");
        List<String> links = new ArrayList<>();
        Json.object(cm, "attachment").ifPresent(a -> links.addAll(graphAttachments(List.of(a))));
        String text = withLinks(Json.text(cm, "message").orElse(""), links);
        if (from.isEmpty() || Json.text(from.get(), "id").isEmpty()) {
            out.skip("comment " + id, "no author: 'from' not in the response");
        } else if (text.isBlank()) {
            out.skip("comment " + id, "no text or attachment");
        } else {
            emit(
                    c,
                    out,
                    id,
                    Json.text(from.get(), "id").get(),
                    Json.text(from.get(), "name"),
                    text,
                    Visibility.PUBLIC,
                    parent,
                    Json.time(cm, "created_time").orElse(c.fallbackTime()),
                    applicationOf(cm),
                    false);
        }
        List<JsonValue> replies = Json.dataOf(cm, "comments");
        for (int i = 0; i < replies.size(); i++) {
            comment(
                    Json.asObject(replies.get(i), path + ".comments.data[" + i + "]"),
                    Optional.of(id),
                    path + ".comments.data[" + i + "]",
                    c,
                    out);
        }
    }

    /** A page inbox conversation with its {@code messages.data}. */
    void conversation(JsonObject conv, String path, Context ctx, Collected out) {
        String id = Json.text(conv, "id")
                .orElseThrow(() -> new MalformedPayloadException(path + ".id", "missing conversation id"));
        List<JsonValue> messages = Json.dataOf(conv, "messages");
        if (messages.isEmpty()) {
            out.skip("conversation " + id, "no messages in the response");
        }
        for (int i = 0; i < messages.size(); i++) {
            inboxMessage(
                    Json.asObject(messages.get(i), path + ".messages.data[" + i + "]"),
                    path + ".messages.data[" + i + "]",
                    ctx,
                    out);
        }
    }

    /** A page inbox message ({@code m_...}). Without a known page id, the inbox tag "sent" marks the page's own. */
    void inboxMessage(JsonObject m, String path, Context ctx, Collected out) {
        String id =
                Json.text(m, "id").orElseThrow(() -> new MalformedPayloadException(path + ".id", "missing message id"));
        Optional<JsonObject> from = Json.object(m, "from");
        List<JsonValue> attachments = Json.dataOf(m, "attachments");
        String text = withLinks(Json.text(m, "message").orElse(""), graphAttachments(attachments));
        if (from.isEmpty() || Json.text(from.get(), "id").isEmpty()) {
            out.skip(
                    "inbox message " + id,
                    "no author: 'from' not in the response (" + attachments.size() + " attachment(s))");
            return;
        }
        String author = Json.text(from.get(), "id").get();
        boolean own = ctx.pageId().map(author::equals).orElseGet(() -> Json.dataOf(m, "tags").stream()
                .anyMatch(t -> t.isObject()
                        && Json.text(t.asObject(), "name")
                                .filter("sent"::equals)
                                .isPresent()));
        if (text.isBlank()) {
            out.skip("inbox message " + id, "no text or attachment");
            return;
        }
        emit(
                ctx,
                out,
                id,
                author,
                Json.text(from.get(), "name"),
                text,
                Visibility.PRIVATE,
                Optional.empty(),
                Json.time(m, "created_time").orElse(ctx.fallbackTime()),
                Optional.empty(),
                own);
    }

    /** True for a single Graph object that has fields only comments have. */
    static boolean looksLikeComment(JsonObject o) {
        return COMMENT_ONLY_FIELDS.stream().anyMatch(o::contains);
    }

    private static Optional<String> applicationOf(JsonObject o) {
        return Json.object(o, "application").flatMap(a -> Json.text(a, "id"));
    }

    /** Graph ids of page objects read {@code <owner id>_<object id>}. */
    private static Optional<String> ownerPrefix(String id) {
        int u = id.indexOf('_');
        return u > 0 && id.substring(0, u).chars().allMatch(Character::isDigit)
                ? Optional.of(id.substring(0, u))
                : Optional.empty();
    }

    /** A visitor post names the page it was posted to in {@code to.data} (a page has a category). */
    private static Optional<String> pageAddressed(JsonObject p) {
        return Json.dataOf(p, "to").stream()
                .filter(JsonValue::isObject)
                .map(JsonValue::asObject)
                .filter(t -> t.contains("category"))
                .findFirst()
                .flatMap(t -> Json.text(t, "id"));
    }

    private static List<String> graphAttachments(List<JsonValue> attachments) {
        List<String> links = new ArrayList<>();
        for (JsonValue v : attachments) {
            if (!v.isObject()) {
                continue;
            }
            JsonObject a = v.asObject();
            String type =
                    Json.text(a, "type").or(() -> Json.text(a, "mime_type")).orElse("attachment");
            Optional<String> url = Json.text(a, "url")
                    .or(() -> Json.object(a, "media")
                            .flatMap(m -> Json.object(m, "image"))
                            .flatMap(i -> Json.text(i, "src")))
                    .or(() -> Json.object(a, "image_data").flatMap(i -> Json.text(i, "url")))
                    .or(() -> Json.object(a, "video_data").flatMap(i -> Json.text(i, "url")))
                    .or(() -> Json.text(a, "file_url"));
            String name = Json.text(a, "name").map(n -> " " + n).orElse("");
            links.add("[" + type + "]" + name + url.map(u -> " " + u).orElse(""));
        }
        return links;
    }

    private static String link(String type, String url) {
        return url == null || url.isBlank() ? "" : "[" + type + "] " + url;
    }

    private static String withLinks(String text, List<String> links) {
        StringBuilder sb = new StringBuilder(text == null ? "" : text);
        for (String l : links) {
            if (l.isBlank()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l);
        }
        return sb.toString();
    }

    private void emit(
            Context ctx,
            Collected out,
            String id,
            String authorId,
            Optional<String> authorName,
            String text,
            Visibility visibility,
            Optional<String> inReplyTo,
            Instant at,
            Optional<String> app,
            boolean markedOwn) {
        if (id.isBlank() || authorId.isBlank()) {
            // an empty id cannot be deduped or answered: keep the item as a rejected payload, never a bare exception
            out.rejected.add(new RejectedPayload(
                    SOURCE,
                    "item '" + id + "' from '" + authorId + "' at " + at + ": " + text,
                    (id.isBlank() ? "blank message id" : "blank author id") + " of a " + visibility + " item"));
            return;
        }
        boolean own = markedOwn || ctx.pageId().map(authorId::equals).orElse(false);
        MessageKey key = MessageKey.of(Platform.FACEBOOK, id);
        if (own) {
            out.own.add(
                    new OwnMessage(key, ctx.channel(), text, visibility, inReplyTo, at, app.filter(s -> !s.isBlank())));
            return;
        }
        Party author = new Party(authorId, "", authorName.filter(s -> !s.isBlank()), 0, false);
        InboundMessage.Builder b = InboundMessage.builder(key, ctx.channel(), author)
                .text(text)
                .visibility(visibility)
                .createdAt(at);
        inReplyTo.ifPresent(b::inReplyTo);
        out.customer.add(b.build());
    }
}
