package org.socialcare.twitter.v2;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.twitter.DirectMessageEvent;
import org.socialcare.twitter.Tweet;

/**
 * Reads X Activity API (XAA) webhook bodies, the successor of Account Activity (AAA) payloads.
 *
 * <p>An XAA delivery is one event in an envelope {@code {"data": {"event_uuid", "filter": {"user_id"},
 * "event_type", "tag", "payload", "includes"}}}; an AAA body has {@code for_user_id} and {@code *_events} arrays
 * at the top. {@link #parse(String)} tells them apart by that shape and reads:
 * <ul>
 *   <li>{@code post.mention.create}, {@code post.create} and other {@code post.*} events whose payload is a v2
 *       post: the post ({@code note_tweet} for long posts, {@code referenced_tweets} for the parent), its author
 *       from {@code includes.users} with {@code public_metrics.followers_count};
 *   <li>{@code post.delete}: the deleted post id and author;
 *   <li>{@code dm.received} and {@code dm.sent}: {@code payload.direct_message_events} ({@code message_create},
 *       string ids, {@code created_timestamp}) with the {@code payload.users} map;
 *   <li>everything else (likes, follows, profile updates, read receipts, typing, encrypted {@code chat.*}):
 *       {@link Item.Ignored}, with what it was.
 * </ul>
 * Whose message it is (a customer's or the bank's own echo) is the caller's rule, by {@link Event#forUserId()}.
 * Stateless and thread-safe.
 */
public final class XActivityParser {
    /** Post events that must carry a post; one without is a dead letter, never silently dropped. */
    private static final java.util.Set<String> MESSAGE_POSTS =
            java.util.Set.of("post.create", "post.mention.create", "post.reply.create", "post.quote.create");

    private XActivityParser() {}

    /** One XAA delivery: its type, uuid, the subscribed account ({@code filter.user_id}) and what it holds. */
    public record Event(String eventType, String eventUuid, long forUserId, List<Item> items) {
        public Event {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(eventUuid, "eventUuid");
            items = List.copyOf(items);
        }
    }

    /** What one XAA event holds. */
    public sealed interface Item permits Item.Post, Item.DirectMessage, Item.Deletion, Item.Unreadable, Item.Ignored {
        /** A post (a mention, a reply, or the account's own post). */
        record Post(Tweet tweet) implements Item {}

        /** A one-to-one DM, received or sent. */
        record DirectMessage(DirectMessageEvent event) implements Item {}

        /** The post {@code postId} of {@code authorId} was deleted. */
        record Deletion(long postId, long authorId) implements Item {}

        /** An item that could not be read: its raw JSON and the error naming the field (a dead letter). */
        record Unreadable(String rawJson, MalformedPayloadException error) implements Item {}

        /** An event that is not a message, described for the log. */
        record Ignored(String what) implements Item {}
    }

    /**
     * The XAA event in {@code body}, or empty when the body is not XAA-shaped (not JSON, or no
     * {@code data.event_type}): the caller then reads it as an Account Activity body or rejects it.
     *
     * @throws MalformedPayloadException for any JSON body over the reader's limits (nesting 64, numbers of 64
     *     digits, strings of 1 MB: a 500,000-digit number fails in milliseconds, before a slower reader sees it),
     *     or an XAA-shaped body without a numeric {@code filter.user_id} or a usable {@code payload}
     */
    public static Optional<Event> parse(String body) {
        JsonNode root;
        try {
            root = XJson.parse(body);
        } catch (MalformedPayloadException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw e; // over a limit (nesting, number or string length): malformed whatever its shape
            }
            return Optional.empty();
        }
        return isXActivity(root) ? Optional.of(event(root)) : Optional.empty();
    }

    /** The event of an XAA-shaped document (see {@link #isXActivity}). */
    static Event event(JsonNode root) {
        JsonNode data = root.get("data");
        String type = data.get("event_type").asText();
        long forUser = XJson.id(data.path("filter"), "user_id", "$.data.filter");
        JsonNode payload = data.path("payload");
        if (!payload.isObject()) {
            throw new MalformedPayloadException(
                    "$.data.payload", payload.isMissingNode() ? "missing" : "not an object");
        }
        String uuid = data.path("event_uuid").asText("");
        List<Item> items = new ArrayList<>();
        if (type.equals("post.delete")) {
            try {
                items.add(new Item.Deletion(
                        XJson.id(payload, "id", "$.data.payload"), XJson.id(payload, "author_id", "$.data.payload")));
            } catch (MalformedPayloadException e) {
                items.add(new Item.Unreadable(XJson.write(payload), e));
            }
        } else if (MESSAGE_POSTS.contains(type) && !(payload.has("author_id") && payload.has("text"))) {
            items.add(new Item.Unreadable(
                    XJson.write(payload),
                    new MalformedPayloadException("$.data.payload", type + " without the post's author_id and text")));
        } else if (type.startsWith("post.") && payload.has("author_id") && payload.has("text")) {
            try {
                items.add(new Item.Post(XJson.tweet(
                        payload, XJson.usersById(data.path("includes").path("users")), "$.data.payload")));
            } catch (MalformedPayloadException e) {
                items.add(new Item.Unreadable(XJson.write(payload), e));
            } catch (IllegalArgumentException e) {
                items.add(new Item.Unreadable(
                        XJson.write(payload), new MalformedPayloadException("$.data.payload", e.getMessage())));
            }
        } else if (type.equals("dm.received") || type.equals("dm.sent")) {
            JsonNode events = payload.path("direct_message_events");
            if (!events.isArray()) {
                throw new MalformedPayloadException("$.data.payload.direct_message_events", "missing or not an array");
            }
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                String at = "$.data.payload.direct_message_events[" + i + "]";
                if (!e.path("type").asText("message_create").equals("message_create")) {
                    items.add(new Item.Ignored(
                            type + " item of type " + e.path("type").asText()));
                    continue;
                }
                try {
                    items.add(new Item.DirectMessage(XJson.messageCreate(e, payload.path("users"), at)));
                } catch (MalformedPayloadException x) {
                    items.add(new Item.Unreadable(XJson.write(e), x));
                } catch (IllegalArgumentException x) {
                    items.add(new Item.Unreadable(XJson.write(e), new MalformedPayloadException(at, x.getMessage())));
                }
            }
        } else if (type.startsWith("chat.")) {
            items.add(new Item.Ignored(
                    "X Activity " + type + " for account " + forUser + ": encrypted chat, not readable as a message"));
        } else {
            items.add(new Item.Ignored("X Activity " + type + " for account " + forUser + " (not a message)"));
        }
        return new Event(type, uuid, forUser, items);
    }

    /** True for the XAA envelope: a top-level {@code data} object with a string {@code event_type}. */
    static boolean isXActivity(JsonNode root) {
        return root.isObject()
                && root.path("data").isObject()
                && root.get("data").path("event_type").isTextual()
                && !root.has("for_user_id");
    }
}
