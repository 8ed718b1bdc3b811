package org.socialcare.twitter.v2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.twitter.DirectMessageEvent;
import org.socialcare.twitter.Tweet;
import org.socialcare.twitter.TwitterUser;

/**
 * X API v2 JSON: one Jackson mapper with limits, and the conversions of v2 posts, users and DM events (and the
 * v1.1-shaped DM events inside X Activity API bodies) to the adapter's client-neutral records. Ids are read as
 * strings (they exceed 2^53) and parsed as {@code long}; a number where an id belongs is accepted only when it is
 * an integer. Thread-safe.
 *
 * <p>Limits ({@link StreamReadConstraints}): nesting 64, numbers 64 characters (a 500,000-digit number fails at
 * once instead of costing seconds), strings 1 MB, documents 16 MB.
 */
final class XJson {
    static final int MAX_NESTING = 64;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final long MAX_DOCUMENT_LENGTH = 16_000_000L;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                            .build())
                    .build())
            .build();

    private XJson() {}

    /** Parses {@code text}; not JSON, or over a limit, is a {@link MalformedPayloadException} naming the position. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedPayloadException("$", "body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new MalformedPayloadException("$", "body is not JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code includes.users} (or any array of v2 users) by id. */
    static Map<String, JsonNode> usersById(JsonNode users) {
        Map<String, JsonNode> out = new HashMap<>();
        if (users != null && users.isArray()) {
            for (JsonNode u : users) {
                JsonNode user = u.has("data") && u.get("data").isObject() ? u.get("data") : u;
                if (user.path("id").isTextual() || user.path("id").canConvertToLong()) {
                    out.put(user.get("id").asText(), user);
                }
            }
        }
        return out;
    }

    /** A v2 post; {@code users} from {@code includes.users} gives the author (id only when absent). */
    static Tweet tweet(JsonNode t, Map<String, JsonNode> users, String at) {
        if (!t.isObject()) {
            throw new MalformedPayloadException(at, "expected a post object");
        }
        long id = id(t, "id", at);
        long authorId = id(t, "author_id", at);
        JsonNode author = users.get(Long.toString(authorId));
        TwitterUser user = author == null ? TwitterUser.idOnly(authorId) : user(author, at + ".author");
        OptionalLong inReplyTo = OptionalLong.empty();
        OptionalLong retweetOf = OptionalLong.empty();
        for (JsonNode ref : t.path("referenced_tweets")) {
            String type = ref.path("type").asText("");
            if (type.equals("replied_to")) {
                inReplyTo = OptionalLong.of(id(ref, "id", at + ".referenced_tweets"));
            } else if (type.equals("retweeted")) {
                retweetOf = OptionalLong.of(id(ref, "id", at + ".referenced_tweets"));
            }
        }
        JsonNode note = t.path("note_tweet");
        String text;
        JsonNode entities;
        if (note.path("text").isTextual()) {
            text = note.get("text").asText(); // long post (over 280): the full text is only here
            entities = note.path("entities");
        } else {
            text = text(t, "text", at);
            entities = t.path("entities");
        }
        List<String> mentioned = new ArrayList<>();
        for (JsonNode m : entities.path("mentions")) {
            if (m.path("username").isTextual()) {
                mentioned.add(m.get("username").asText());
            }
        }
        String lang = t.path("lang").asText("");
        return new Tweet(
                id,
                user,
                expandUrls(text, entities),
                inReplyTo,
                instant(t, "created_at", at),
                lang.isEmpty() || lang.equals("und") ? Optional.empty() : Optional.of(lang),
                t.path("source").isTextual() ? Optional.of(t.get("source").asText()) : Optional.empty(),
                retweetOf,
                mentioned);
    }

    /** A v2 user object ({@code public_metrics.followers_count}, {@code verified}). */
    static TwitterUser user(JsonNode u, String at) {
        long id = id(u, "id", at);
        String name = u.path("name").asText("");
        return new TwitterUser(
                id,
                u.path("username").asText(""),
                name.isBlank() ? Optional.empty() : Optional.of(name),
                u.path("public_metrics").path("followers_count").asLong(0),
                u.path("verified").asBoolean(false));
    }

    /**
     * A v2 {@code dm_events} item of type {@code MessageCreate}. The recipient is the other participant of the
     * one-to-one conversation ({@code dm_conversation_id} "a-b"); {@code sender_id} is looked up in {@code users}.
     */
    static DirectMessageEvent dmEvent(JsonNode e, Map<String, JsonNode> users, long accountId, String at) {
        long id = id(e, "id", at);
        long sender = id(e, "sender_id", at);
        String conversation = text(e, "dm_conversation_id", at);
        String[] ids = conversation.split("-");
        if (ids.length != 2 || !ids[0].matches("\\d{1,19}") || !ids[1].matches("\\d{1,19}")) {
            throw new MalformedPayloadException(
                    at + ".dm_conversation_id", "not a one-to-one conversation: '" + abbreviate(conversation) + "'");
        }
        long a = Long.parseLong(ids[0]);
        long b = Long.parseLong(ids[1]);
        long recipient = sender == a ? b : (sender == b ? a : accountId);
        JsonNode u = users.get(Long.toString(sender));
        return new DirectMessageEvent(
                id,
                u == null ? TwitterUser.idOnly(sender) : user(u, at + ".sender"),
                recipient,
                expandUrls(e.path("text").asText(""), e.path("entities")),
                instant(e, "created_at", at),
                Optional.empty());
    }

    /**
     * A v1.1-shaped {@code message_create} event as the X Activity API delivers it ({@code dm.received},
     * {@code dm.sent}), with string ids, {@code created_timestamp} in epoch milliseconds and a {@code users} map of
     * {@code {"data": <v2 user>}} objects.
     */
    static DirectMessageEvent messageCreate(JsonNode e, JsonNode users, String at) {
        long id = id(e, "id", at);
        JsonNode mc = e.path("message_create");
        if (!mc.isObject()) {
            throw new MalformedPayloadException(at + ".message_create", "missing");
        }
        long sender = id(mc, "sender_id", at + ".message_create");
        long recipient = id(mc.path("target"), "recipient_id", at + ".message_create.target");
        JsonNode data = mc.path("message_data");
        String text = text(data, "text", at + ".message_create.message_data");
        JsonNode u = users.path(Long.toString(sender));
        u = u.has("data") ? u.get("data") : u;
        long millis;
        try {
            millis = Long.parseLong(e.path("created_timestamp").asText(""));
        } catch (NumberFormatException x) {
            throw new MalformedPayloadException(at + ".created_timestamp", "missing or not epoch milliseconds");
        }
        return new DirectMessageEvent(
                id,
                u.isObject() ? user(u, at + ".users") : TwitterUser.idOnly(sender),
                recipient,
                expandUrls(text, data.path("entities")),
                Instant.ofEpochMilli(millis),
                mc.path("source_app_id").isTextual()
                        ? Optional.of(mc.get("source_app_id").asText())
                        : Optional.empty());
    }

    static long id(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        String s = v.isTextual()
                ? v.asText()
                : (v.isIntegralNumber() ? v.bigIntegerValue().toString() : null);
        if (s == null) {
            throw new MalformedPayloadException(at + "." + field, v.isMissingNode() ? "missing" : "not an id");
        }
        if (!s.matches("[1-9]\\d{0,18}")) {
            throw new MalformedPayloadException(at + "." + field, "not a positive numeric id: '" + abbreviate(s) + "'");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(at + "." + field, "id exceeds 64 bits: '" + s + "'");
        }
    }

    static String text(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new MalformedPayloadException(at + "." + field, v.isMissingNode() ? "missing" : "not a string");
        }
        return v.asText();
    }

    static Instant instant(JsonNode o, String field, String at) {
        String s = text(o, field, at);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException(at + "." + field, "not an ISO-8601 instant: '" + abbreviate(s) + "'");
        }
    }

    /** Replaces t.co links by their {@code expanded_url} ({@code entities.urls}). */
    static String expandUrls(String text, JsonNode entities) {
        String out = text;
        for (JsonNode u : entities.path("urls")) {
            String url = u.path("url").asText("");
            String expanded = u.path("expanded_url").asText("");
            if (!url.isEmpty() && !expanded.isEmpty()) {
                out = out.replace(url, expanded);
            }
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
