package org.socialcare.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.twitter.MessageMapper.Perspective;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * Reads Twitter JSON payloads (Account Activity webhook bodies, v1.1 API responses, stream lines) into
 * customer messages, own messages, skipped items, notices, deletions and per-item rejects. Structure is
 * recognised here, in a Jackson tree bounded by {@link TwitterJson}'s limits; statuses, DMs and users are
 * parsed by twitter4j's own {@link TwitterObjectFactory} from text written from that tree.
 */
final class PayloadParser {
    private static final ObjectNode EMPTY = TwitterJson.emptyObject();

    private PayloadParser() {}

    /** What a payload held. Mutable while parsing, then read. */
    static final class Extraction {
        final List<InboundMessage> customers = new ArrayList<>();
        final List<OwnMessage> own = new ArrayList<>();
        final List<PayloadReading.Skipped> skipped = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        final List<TweetDeletion> deletions = new ArrayList<>();

        void add(MessageMapper.Mapped m) {
            if (m instanceof MessageMapper.Customer c) {
                customers.add(c.message());
            } else if (m instanceof MessageMapper.Own o) {
                own.add(o.message());
            } else if (m instanceof MessageMapper.Skip s) {
                skipped.add(new PayloadReading.Skipped(s.what(), s.reason()));
            }
        }

        void addAll(Extraction other) {
            customers.addAll(other.customers);
            own.addAll(other.own);
            skipped.addAll(other.skipped);
            notices.addAll(other.notices);
            rejects.addAll(other.rejects);
            deletions.addAll(other.deletions);
        }

        List<RejectedPayload> rejected(String source) {
            return rejects.stream()
                    .map(r -> new RejectedPayload(source, r.raw(), r.error().getMessage()))
                    .toList();
        }

        PayloadReading toReading() {
            if (!rejects.isEmpty()) {
                throw rejects.get(0).error();
            }
            return new PayloadReading(customers, own, skipped, notices);
        }
    }

    /** One item that could not be read: its raw JSON and the error naming the field. */
    record Reject(String raw, MalformedPayloadException error) {}

    // ------------------------------------------------------------------ documents

    /**
     * Parses text as one JSON document, or as NDJSON (one document per line) when it is not one document but
     * every non-blank line is.
     *
     * @throws MalformedPayloadException naming the offset (and line) of the first syntax error
     */
    static List<JsonNode> documents(String content) {
        if (content.isBlank()) {
            throw new MalformedPayloadException("$", "empty payload");
        }
        try {
            return List.of(TwitterJson.parse(content.strip()));
        } catch (TwitterJson.NotJson whole) {
            List<String> lines = content.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                throw new MalformedPayloadException("$", "not JSON: " + whole.getMessage(), whole);
            }
            List<JsonNode> docs = new ArrayList<>();
            int n = 0;
            for (String line : content.lines().toList()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    docs.add(TwitterJson.parse(line.strip()));
                } catch (TwitterJson.NotJson e) {
                    if (docs.isEmpty()) {
                        throw new MalformedPayloadException("$", "not JSON: " + whole.getMessage(), whole);
                    }
                    throw new MalformedPayloadException(
                            "line " + n, "not JSON (stream of one document per line): " + e.getMessage(), e);
                }
            }
            return docs;
        }
    }

    /** Reads any recorded payload: a document, or each line of a stream. */
    static Extraction any(String content, Perspective p) {
        List<JsonNode> docs = documents(content);
        Extraction out = new Extraction();
        for (int i = 0; i < docs.size(); i++) {
            String at = docs.size() == 1 ? "$" : "line " + (i + 1);
            out.addAll(document(docs.get(i), at, p));
        }
        return out;
    }

    private static Extraction document(JsonNode doc, String at, Perspective p) {
        Extraction out = new Extraction();
        if (doc.isArray()) {
            list(doc, at, p, out);
            return out;
        }
        if (!(doc instanceof ObjectNode o)) {
            throw new MalformedPayloadException(at, "expected a JSON object or array but found " + kind(doc));
        }
        object(o, at, p, out);
        return out;
    }

    private static void list(JsonNode items, String at, Perspective p, Extraction out) {
        if (items.isEmpty()) {
            out.notices.add("empty list: nothing to read");
            return;
        }
        int users = 0;
        int places = 0;
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + "[" + i + "]";
            if (!(items.get(i) instanceof ObjectNode o)) {
                throw new MalformedPayloadException(itemAt, "expected an object in the list");
            }
            if (isStatus(o)) {
                statusItem(o, itemAt, p, out);
            } else if (isLegacyDm(o)) {
                legacyDm(o, itemAt, p, out);
            } else if (isUser(o)) {
                users++;
            } else if (isPlace(o)) {
                places++;
            } else {
                throw new MalformedPayloadException(itemAt, "unrecognised Twitter object with keys " + keys(o));
            }
        }
        if (users > 0) {
            out.notices.add("list of " + users + " user objects: accounts, not messages");
        }
        if (places > 0) {
            out.notices.add("list of " + places + " places: not messages");
        }
    }

    private static void object(ObjectNode o, String at, Perspective p, Extraction out) {
        if (isAccountActivity(o)) {
            accountActivity(o, at, id -> Optional.of(p.channel()), p.includeRetweets(), out);
        } else if (o.has("errors")) {
            errors(o, at, out);
        } else if (o.path("error").isTextual()) {
            out.notices.add("Twitter API error: " + o.get("error").textValue()
                    + TwitterJson.text(o, "request")
                            .map(r -> " (request " + r + ")")
                            .orElse(""));
        } else if (o.get("event") instanceof ObjectNode event) {
            dmEvent(event, at + ".event", TwitterJson.object(o, "apps").orElse(EMPTY), EMPTY, p, out);
        } else if (o.path("events").isArray()) {
            JsonNode events = o.get("events");
            ObjectNode apps = TwitterJson.object(o, "apps").orElse(EMPTY);
            for (int i = 0; i < events.size(); i++) {
                String itemAt = at + ".events[" + i + "]";
                if (!(events.get(i) instanceof ObjectNode e)) {
                    throw new MalformedPayloadException(itemAt, "expected a DM event object");
                }
                dmEvent(e, itemAt, apps, EMPTY, p, out);
            }
            if (events.isEmpty()) {
                out.notices.add("empty direct message event list");
            }
            TwitterJson.text(o, "next_cursor")
                    .ifPresent(c -> out.notices.add("direct message event list continues at cursor " + c));
        } else if (o.get("direct_message") instanceof ObjectNode dm) {
            legacyDm(dm, at + ".direct_message", p, out);
        } else if (o.get("delete") instanceof ObjectNode d) {
            deleteNotice(d, at, p, out);
        } else if (o.get("limit") instanceof ObjectNode l) {
            out.notices.add("stream limit notice: "
                    + TwitterJson.text(l, "track").orElse("?") + " matching statuses were not delivered");
        } else if (o.get("scrub_geo") instanceof ObjectNode s) {
            out.notices.add("stream scrub_geo notice: remove geo data of user "
                    + TwitterJson.text(s, "user_id").orElse("?") + " up to status "
                    + TwitterJson.text(s, "up_to_status_id").orElse("?"));
        } else if (o.get("warning") instanceof ObjectNode w) {
            out.notices.add(
                    "stream stall warning " + TwitterJson.text(w, "code").orElse("?") + ": "
                            + TwitterJson.text(w, "message").orElse(""));
        } else if (o.has("for_user") && o.get("message") instanceof ObjectNode inner) {
            siteStream(o, inner, at, p, out);
        } else if (o.path("friends").isArray()) {
            out.notices.add("stream friends list with " + o.get("friends").size() + " user ids");
        } else if (o.path("event").isTextual()) {
            out.notices.add("user stream event '" + o.get("event").textValue() + "'"
                    + TwitterJson.text(o, "created_at").map(c -> " at " + c).orElse("") + ": not a message");
        } else if (isStatus(o)) {
            statusItem(o, at, p, out);
        } else if (isLegacyDm(o)) {
            legacyDm(o, at, p, out);
        } else if (isUser(o)) {
            out.notices.add("user object " + TwitterJson.text(o, "id").orElse("?")
                    + TwitterJson.text(o, "screen_name")
                            .map(s -> " (@" + s + ")")
                            .orElse("")
                    + ": an account, not a message");
        } else if (isPlace(o)) {
            out.notices.add("place " + TwitterJson.text(o, "id").orElse("?") + " '"
                    + TwitterJson.text(o, "full_name").orElse("") + "' ("
                    + TwitterJson.text(o, "place_type").orElse("?") + "): not a message");
        } else if (o.get("result") instanceof ObjectNode result && o.has("query")) {
            int n = TwitterJson.array(result, "places").map(JsonNode::size).orElse(0);
            out.notices.add("geo search result with " + n + " places: not messages");
        } else if (o.path("ids").isArray()) {
            out.notices.add("id list with " + o.get("ids").size() + " ids: not messages");
        } else {
            throw new MalformedPayloadException(at, "unrecognised Twitter payload: an object with keys " + keys(o));
        }
    }

    private static void errors(ObjectNode o, String at, Extraction out) {
        JsonNode errors = TwitterJson.array(o, "errors")
                .orElseThrow(() -> new MalformedPayloadException(at + ".errors", "expected an array"));
        if (errors.isEmpty()) {
            out.notices.add("Twitter API error body with no errors");
        }
        for (JsonNode e : errors) {
            out.notices.add("Twitter API error code "
                    + TwitterJson.text(e, "code").orElse("?") + ": "
                    + TwitterJson.text(e, "message").orElse(e.isTextual() ? e.textValue() : TwitterJson.write(e)));
        }
    }

    private static void deleteNotice(ObjectNode d, String at, Perspective p, Extraction out) {
        if (d.get("status") instanceof ObjectNode s) {
            long id = TwitterJson.longValue(s, "id")
                    .orElseThrow(() -> new MalformedPayloadException(at + ".delete.status.id", "missing status id"));
            long user = TwitterJson.longValue(s, "user_id").orElse(0L);
            out.deletions.add(new TweetDeletion(p.channel(), id, user, Optional.empty()));
            out.notices.add("deletion notice: status " + id + " deleted by user " + user);
        } else if (d.get("direct_message") instanceof ObjectNode dm) {
            out.notices.add("deletion notice: direct message "
                    + TwitterJson.text(dm, "id").orElse("?") + " deleted");
        } else {
            throw new MalformedPayloadException(at + ".delete", "expected a status or direct_message; keys " + keys(d));
        }
    }

    private static void siteStream(ObjectNode o, ObjectNode inner, String at, Perspective p, Extraction out) {
        Optional<Long> forUser = TwitterJson.longValue(o, "for_user");
        if (forUser.isEmpty()) {
            throw new MalformedPayloadException(
                    at + ".for_user", "expected a numeric user id but found " + kind(o.get("for_user")));
        }
        Extraction x = new Extraction();
        object(inner, at + ".message", p.forAccount(p.channel(), forUser.get()), x);
        x.notices.replaceAll(n -> "site stream message for user " + forUser.get() + ": " + n);
        out.addAll(x);
    }

    // ------------------------------------------------------------------ Account Activity

    static boolean isAccountActivity(ObjectNode o) {
        if (o.has("for_user_id")) {
            return true;
        }
        return o.propertyStream().anyMatch(e -> e.getKey().endsWith("_events"));
    }

    /**
     * Reads an Account Activity body: {@code for_user_id} names the bank account; tweet and DM events become
     * messages (the bank's own ones own messages), deletions are recorded, likes and other events are noted.
     *
     * @param channelFor the desk channel of an account id, empty when the account is not configured
     * @throws MalformedPayloadException for a body without a usable {@code for_user_id} or with an unknown account
     */
    static void accountActivity(
            ObjectNode o,
            String at,
            LongFunction<Optional<ChannelId>> channelFor,
            boolean includeRetweets,
            Extraction out) {
        long account = TwitterJson.longValue(o, "for_user_id")
                .orElseThrow(() -> new MalformedPayloadException(
                        at + ".for_user_id",
                        o.has("for_user_id")
                                ? "expected a numeric user id but found " + kind(o.get("for_user_id"))
                                : "missing: the body does not say which account it is for"));
        ChannelId channel = channelFor
                .apply(account)
                .orElseThrow(() -> new MalformedPayloadException(
                        at + ".for_user_id", "no channel is configured for account " + account));
        Perspective p = new Perspective(channel, java.util.OptionalLong.of(account), includeRetweets);
        ObjectNode users = TwitterJson.object(o, "users").orElse(EMPTY);
        ObjectNode apps = TwitterJson.object(o, "apps").orElse(EMPTY);
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String key = e.getKey();
            if (!key.endsWith("_events")) {
                continue;
            }
            String keyAt = at + "." + key;
            JsonNode events = e.getValue();
            if (!events.isArray()) {
                throw new MalformedPayloadException(keyAt, "expected an array but found " + kind(events));
            }
            switch (key) {
                case "tweet_create_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        if (events.get(i) instanceof ObjectNode s) {
                            statusItem(s, itemAt, p, out);
                        } else {
                            out.rejects.add(new Reject(
                                    TwitterJson.write(events.get(i)),
                                    new MalformedPayloadException(itemAt, "expected a status object")));
                        }
                    }
                }
                case "direct_message_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        if (events.get(i) instanceof ObjectNode d) {
                            dmEvent(d, itemAt, apps, users, p, out);
                        } else {
                            out.rejects.add(new Reject(
                                    TwitterJson.write(events.get(i)),
                                    new MalformedPayloadException(itemAt, "expected a DM event object")));
                        }
                    }
                }
                case "tweet_delete_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        JsonNode d = events.get(i);
                        ObjectNode st = TwitterJson.object(d, "status").orElse(EMPTY);
                        Optional<Long> id = TwitterJson.longValue(st, "id");
                        if (id.isEmpty()) {
                            out.rejects.add(new Reject(
                                    TwitterJson.write(events.get(i)),
                                    new MalformedPayloadException(itemAt + ".status.id", "missing status id")));
                            continue;
                        }
                        long user = TwitterJson.longValue(st, "user_id").orElse(0L);
                        Optional<Instant> when =
                                TwitterJson.longValue(d, "timestamp_ms").map(Instant::ofEpochMilli);
                        out.deletions.add(new TweetDeletion(channel, id.get(), user, when));
                        out.notices.add("status " + id.get() + " deleted by user " + user);
                    }
                }
                default -> {
                    if (!events.isEmpty()) {
                        out.notices.add("Account Activity " + key + " for account " + account + ": " + events.size()
                                + " ignored (not messages)");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ items

    static boolean isStatus(ObjectNode o) {
        return (o.has("id") || o.has("id_str"))
                && (o.has("text") || o.has("full_text"))
                && o.has("user")
                && !o.has("sender_id");
    }

    static boolean isLegacyDm(ObjectNode o) {
        return o.has("sender_id") && o.has("recipient_id") && o.has("text");
    }

    static boolean isUser(ObjectNode o) {
        return o.has("id") && o.has("followers_count") && !o.has("text");
    }

    static boolean isPlace(ObjectNode o) {
        return o.has("place_type") && o.has("full_name");
    }

    /** Parses a status with twitter4j and maps it; a bad status becomes a reject naming its field. */
    private static void statusItem(ObjectNode o, String at, Perspective p, Extraction out) {
        String raw = TwitterJson.write(o);
        Optional<Long> author = TwitterJson.object(o, "user").flatMap(u -> TwitterJson.longValue(u, "id"));
        if (o.get("retweeted_status") instanceof ObjectNode rt
                && !p.includeRetweets()
                && !(author.isPresent() && p.isBank(author.get()))) {
            // skipped before strict checks: recorded retweets may lack their own id and time
            String retweeted = TwitterJson.text(rt, "id").orElse("?");
            out.skipped.add(new PayloadReading.Skipped(
                    "status " + TwitterJson.text(o, "id").orElse("(no id)")
                            + author.map(a -> " by user " + a).orElse(""),
                    "retweet of status " + retweeted + " (retweets are ignored unless configured)"));
            return;
        }
        try {
            out.add(MessageMapper.tweet(parseStatus(raw, at), p));
        } catch (MalformedPayloadException e) {
            out.rejects.add(new Reject(raw, e));
        }
    }

    static Tweet parseStatus(String raw, String at) {
        Status s;
        try {
            s = TwitterObjectFactory.createStatus(raw);
        } catch (TwitterException | RuntimeException e) {
            throw new MalformedPayloadException(at, "twitter4j cannot read this status: " + firstLine(e), e);
        }
        return Twitter4jConversions.tweet(s, at);
    }

    private static void legacyDm(ObjectNode o, String at, Perspective p, Extraction out) {
        String raw = TwitterJson.write(o);
        try {
            DirectMessage d = parseDm(raw, at);
            Optional<TwitterUser> sender = TwitterJson.object(o, "sender").map(u -> parseUser(u, at + ".sender"));
            out.add(MessageMapper.directMessage(
                    Twitter4jConversions.directMessage(d, sender, Optional.empty(), at), p));
        } catch (MalformedPayloadException e) {
            out.rejects.add(new Reject(raw, e));
        }
    }

    private static void dmEvent(
            ObjectNode e, String at, ObjectNode apps, ObjectNode users, Perspective p, Extraction out) {
        String type = TwitterJson.text(e, "type").orElse("message_create");
        if (!type.equals("message_create")) {
            out.notices.add("direct message event of type '" + type + "' "
                    + TwitterJson.text(e, "id").orElse("") + ": not a message");
            return;
        }
        String raw = TwitterJson.write(e);
        try {
            if (!(e.get("message_create") instanceof ObjectNode mc)) {
                throw new MalformedPayloadException(at + ".message_create", "missing: a message_create event needs it");
            }
            DirectMessage d = parseDm(raw, at);
            Optional<TwitterUser> sender = TwitterJson.text(mc, "sender_id")
                    .flatMap(id -> TwitterJson.object(users, id))
                    .map(u -> parseUser(u, at + ".users"));
            Optional<String> app = TwitterJson.text(mc, "source_app_id").map(id -> TwitterJson.object(apps, id)
                    .flatMap(a -> TwitterJson.text(a, "name"))
                    .orElse(id));
            out.add(MessageMapper.directMessage(Twitter4jConversions.directMessage(d, sender, app, at), p));
        } catch (MalformedPayloadException x) {
            out.rejects.add(new Reject(raw, x));
        }
    }

    static DirectMessage parseDm(String raw, String at) {
        try {
            return TwitterObjectFactory.createDirectMessage(raw);
        } catch (TwitterException | RuntimeException e) {
            throw new MalformedPayloadException(at, "twitter4j cannot read this direct message: " + firstLine(e), e);
        }
    }

    static TwitterUser parseUser(ObjectNode u, String at) {
        User user;
        try {
            user = TwitterObjectFactory.createUser(TwitterJson.write(u));
        } catch (TwitterException | RuntimeException e) {
            throw new MalformedPayloadException(at, "twitter4j cannot read this user: " + firstLine(e), e);
        }
        return Twitter4jConversions.user(user, at);
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "the string \"" + cut(v.textValue()) + "\"";
        }
        if (v.isNumber()) {
            return "the number " + cut(v.asText());
        }
        return v.asText();
    }

    /** At most 40 characters of {@code s}: payload text in messages stays short. */
    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static String keys(ObjectNode o) {
        List<String> k = o.propertyStream().map(e -> cut(e.getKey())).toList();
        return (k.size() > 12 ? k.subList(0, 12) + "..." : k.toString());
    }
}
