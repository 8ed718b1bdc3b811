package org.socialcare.twitter.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.twitter.DirectMessageEvent;
import org.socialcare.twitter.DmPage;
import org.socialcare.twitter.TimelinePage;
import org.socialcare.twitter.Tweet;
import org.socialcare.twitter.TwitterApi;

/**
 * {@link TwitterApi} over X API v2 for one account, with the JDK {@code HttpClient} and Jackson:
 *
 * <ul>
 *   <li>mentions: {@code GET /2/users/{id}/mentions} with {@code since_id}, {@code until_id} (the walk back to
 *       the checkpoint, see below), {@code max_results}, {@code expansions=author_id,referenced_tweets.id},
 *       {@code user.fields} with {@code public_metrics} and {@code verified}, {@code tweet.fields} with
 *       {@code conversation_id}, {@code referenced_tweets}, {@code note_tweet} (the full text of long posts),
 *       {@code created_at}, {@code entities}, {@code lang};
 *   <li>the account's own posts (to find a reply whose answer was lost): {@code GET /2/users/{id}/tweets} with the
 *       same fields and {@code until_id};
 *   <li>DMs: {@code GET /2/dm_events} ({@code event_types=MessageCreate}, {@code pagination_token},
 *       {@code expansions=sender_id}); events of group conversations are left out (one-to-one only);
 *   <li>reply: {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}; DM:
 *       {@code POST /2/dm_conversations/with/{participant_id}/messages}; delete: {@code DELETE /2/tweets/{id}}.
 * </ul>
 *
 * <p>Mentions page back with {@code until_id} rather than {@code pagination_token}: the source's checkpoint then
 * stays a set of post ids, valid after a crash or a token's expiry, and the same checkpoint works for v1.1 and v2
 * (post ids are the same). A page with {@code meta.next_token} counts as full, so a short page that X says is not
 * the last keeps the walk going. A post that cannot be read becomes a rejected payload with its raw JSON.
 * Errors: {@link PlatformException} as {@link XHttp} maps them. Thread-safe.
 */
public final class XApiV2Client implements TwitterApi {
    private static final Logger LOG = LoggerFactory.getLogger(XApiV2Client.class);

    static final String TWEET_FIELDS =
            "created_at,author_id,conversation_id,referenced_tweets,note_tweet,entities,lang,source";
    static final String USER_FIELDS = "public_metrics,verified,verified_type,username,name";

    private final XApiConfig config;
    private final XHttp http;
    private final String source;

    private XApiV2Client(XApiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new XHttp(config);
        this.source = "x:" + config.channel();
    }

    /** A client for the account of {@code config}. */
    public static XApiV2Client create(XApiConfig config) {
        return new XApiV2Client(config);
    }

    @Override
    public TimelinePage mentions(OptionalLong sinceId, OptionalLong maxId, int count) {
        return timeline("mentions", sinceId, maxId, count);
    }

    /** The account's own posts, replies included: {@code GET /2/users/{id}/tweets}, newest first. */
    @Override
    public Optional<TimelinePage> ownTweets(OptionalLong maxId, int count) {
        return Optional.of(timeline("tweets", OptionalLong.empty(), maxId, count));
    }

    private TimelinePage timeline(String which, OptionalLong sinceId, OptionalLong maxId, int count) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", Integer.toString(Math.max(5, Math.min(100, count))));
        sinceId.ifPresent(s -> q.put("since_id", Long.toString(s)));
        maxId.ifPresent(m -> q.put("until_id", Long.toString(m + 1))); // until_id is exclusive
        q.put("expansions", "author_id,referenced_tweets.id");
        q.put("tweet.fields", TWEET_FIELDS);
        q.put("user.fields", USER_FIELDS);
        JsonNode body = http.send(
                "GET", "2/users/" + config.accountId() + "/" + which, q, Optional.empty(), "GET /2/users/:id/" + which);
        Map<String, JsonNode> users = XJson.usersById(body.path("includes").path("users"));
        List<Tweet> tweets = new ArrayList<>();
        List<RejectedPayload> rejected = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        long newest = 0;
        int returned = 0;
        for (JsonNode t : body.path("data")) {
            returned++;
            OptionalLong id = idOf(t);
            if (id.isPresent()) {
                oldest = Math.min(oldest, id.getAsLong());
                newest = Math.max(newest, id.getAsLong());
            }
            try {
                tweets.add(XJson.tweet(t, users, "$.data[" + (returned - 1) + "]"));
            } catch (MalformedPayloadException | IllegalArgumentException e) {
                rejected.add(new RejectedPayload(source + ":" + which, XJson.write(t), e.getMessage()));
            }
        }
        boolean more = body.path("meta").path("next_token").isTextual();
        return new TimelinePage(
                tweets,
                rejected,
                newest == 0 ? OptionalLong.empty() : OptionalLong.of(oldest),
                newest == 0 ? OptionalLong.empty() : OptionalLong.of(newest),
                more ? Math.max(count, returned) : returned);
    }

    /** One page of DM events; {@code count} is ignored in favour of {@link XApiConfig#dmPageSize()} (1..100). */
    @Override
    public DmPage directMessages(Optional<String> cursor, int count) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", Integer.toString(config.dmPageSize()));
        cursor.ifPresent(c -> q.put("pagination_token", c));
        q.put("event_types", "MessageCreate");
        q.put("dm_event.fields", "id,text,event_type,created_at,dm_conversation_id,sender_id,participant_ids,entities");
        q.put("expansions", "sender_id");
        q.put("user.fields", USER_FIELDS);
        JsonNode body = http.send("GET", "2/dm_events", q, Optional.empty(), "GET /2/dm_events");
        Map<String, JsonNode> users = XJson.usersById(body.path("includes").path("users"));
        List<DirectMessageEvent> events = new ArrayList<>();
        List<RejectedPayload> rejected = new ArrayList<>();
        int i = 0;
        for (JsonNode e : body.path("data")) {
            String at = "$.data[" + i++ + "]";
            if (!e.path("event_type").asText("MessageCreate").equals("MessageCreate")) {
                continue;
            }
            String conversation = e.path("dm_conversation_id").asText("");
            if (!conversation.isEmpty() && !conversation.matches("\\d{1,19}-\\d{1,19}")) {
                LOG.debug(
                        "{}: skipped DM event {} of group conversation",
                        source,
                        e.path("id").asText(""));
                continue;
            }
            try {
                events.add(XJson.dmEvent(e, users, config.accountIdAsLong(), at));
            } catch (MalformedPayloadException | IllegalArgumentException x) {
                rejected.add(new RejectedPayload(source + ":dms", XJson.write(e), x.getMessage()));
            }
        }
        JsonNode next = body.path("meta").path("next_token");
        return new DmPage(events, rejected, next.isTextual() ? Optional.of(next.asText()) : Optional.empty());
    }

    @Override
    public long reply(long inReplyToStatusId, String text) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", text);
        json.put("reply", Map.of("in_reply_to_tweet_id", Long.toString(inReplyToStatusId)));
        JsonNode body = http.send("POST", "2/tweets", Map.of(), Optional.of(json), "POST /2/tweets");
        return createdId(body, "id", "POST /2/tweets");
    }

    @Override
    public long sendDirectMessage(long recipientId, String text) {
        JsonNode body = http.send(
                "POST",
                "2/dm_conversations/with/" + recipientId + "/messages",
                Map.of(),
                Optional.of(Map.of("text", text)),
                "POST /2/dm_conversations/with/:id/messages");
        return createdId(body, "dm_event_id", "POST /2/dm_conversations/with/:id/messages");
    }

    @Override
    public void deleteTweet(long statusId) {
        http.send("DELETE", "2/tweets/" + statusId, Map.of(), Optional.empty(), "DELETE /2/tweets/:id");
    }

    private static long createdId(JsonNode body, String field, String operation) {
        try {
            return XJson.id(body.path("data"), field, "$.data");
        } catch (MalformedPayloadException e) {
            throw PlatformException.of(
                    Kind.UNKNOWN,
                    operation + " succeeded without a usable " + field + " (" + e.getMessage()
                            + "); the desk checks whether it was published",
                    "http 2xx");
        }
    }

    private static OptionalLong idOf(JsonNode t) {
        String s = t.path("id").asText("");
        if (!s.matches("[1-9]\\d{0,18}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // 19 digits above 2^63-1
        }
    }

    @Override
    public String toString() {
        return "XApiV2Client[" + config + "]";
    }
}
