package org.socialcare.twitter;

import java.math.BigInteger;
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
import org.socialcare.twitter.internal.Json;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * Reads Twitter JSON payloads (Account Activity webhook bodies, v1.1 API responses, stream lines) into
 * customer messages, own messages, skipped items, notices, deletions and per-item rejects. Structure is
 * recognised here; statuses, DMs and users are parsed by twitter4j's own {@link TwitterObjectFactory}.
 */
final class PayloadParser {
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
    static List<Object> documents(String content) {
        if (content.isBlank()) {
            throw new MalformedPayloadException("$", "empty payload");
        }
        try {
            return List.of(Json.parse(content.strip()));
        } catch (Json.JsonException whole) {
            List<String> lines = content.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                throw new MalformedPayloadException("$", "not JSON: " + whole.getMessage(), whole);
            }
            List<Object> docs = new ArrayList<>();
            int n = 0;
            for (String line : content.lines().toList()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    docs.add(Json.parse(line.strip()));
                } catch (Json.JsonException e) {
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
        List<Object> docs = documents(content);
        Extraction out = new Extraction();
        for (int i = 0; i < docs.size(); i++) {
            String at = docs.size() == 1 ? "$" : "line " + (i + 1);
            out.addAll(document(docs.get(i), at, p));
        }
        return out;
    }

    private static Extraction document(Object doc, String at, Perspective p) {
        Extraction out = new Extraction();
        if (doc instanceof List<?>) {
            list(Json.asArray(doc).orElseThrow(), at, p, out);
            return out;
        }
        Map<String, Object> o = Json.asObject(doc)
                .orElseThrow(() ->
                        new MalformedPayloadException(at, "expected a JSON object or array but found " + kind(doc)));
        object(o, at, p, out);
        return out;
    }

    private static void list(List<Object> items, String at, Perspective p, Extraction out) {
        if (items.isEmpty()) {
            out.notices.add("empty list: nothing to read");
            return;
        }
        int users = 0;
        int places = 0;
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + "[" + i + "]";
            Map<String, Object> o = Json.asObject(items.get(i))
                    .orElseThrow(() -> new MalformedPayloadException(itemAt, "expected an object in the list"));
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

    private static void object(Map<String, Object> o, String at, Perspective p, Extraction out) {
        if (isAccountActivity(o)) {
            accountActivity(o, at, id -> Optional.of(p.channel()), p.includeRetweets(), out);
        } else if (o.containsKey("errors")) {
            errors(o, at, out);
        } else if (o.get("error") instanceof String message) {
            out.notices.add("Twitter API error: " + message
                    + Json.text(o, "request").map(r -> " (request " + r + ")").orElse(""));
        } else if (o.get("event") instanceof Map<?, ?>) {
            Map<String, Object> event = Json.object(o, "event").orElseThrow();
            dmEvent(event, at + ".event", Json.object(o, "apps").orElse(Map.of()), Map.of(), p, out);
        } else if (o.get("events") instanceof List<?>) {
            List<Object> events = Json.array(o, "events").orElseThrow();
            Map<String, Object> apps = Json.object(o, "apps").orElse(Map.of());
            for (int i = 0; i < events.size(); i++) {
                String itemAt = at + ".events[" + i + "]";
                Map<String, Object> e = Json.asObject(events.get(i))
                        .orElseThrow(() -> new MalformedPayloadException(itemAt, "expected a DM event object"));
                dmEvent(e, itemAt, apps, Map.of(), p, out);
            }
            if (events.isEmpty()) {
                out.notices.add("empty direct message event list");
            }
            Json.text(o, "next_cursor")
                    .ifPresent(c -> out.notices.add("direct message event list continues at cursor " + c));
        } else if (o.get("direct_message") instanceof Map<?, ?>) {
            legacyDm(Json.object(o, "direct_message").orElseThrow(), at + ".direct_message", p, out);
        } else if (o.get("delete") instanceof Map<?, ?> d) {
            deleteNotice(Json.asObject(d).orElseThrow(), at, p, out);
        } else if (o.get("limit") instanceof Map<?, ?>) {
            out.notices.add("stream limit notice: "
                    + Json.object(o, "limit")
                            .flatMap(l -> Json.text(l, "track"))
                            .orElse("?") + " matching statuses were not delivered");
        } else if (o.get("scrub_geo") instanceof Map<?, ?>) {
            Map<String, Object> s = Json.object(o, "scrub_geo").orElseThrow();
            out.notices.add("stream scrub_geo notice: remove geo data of user "
                    + Json.text(s, "user_id").orElse("?") + " up to status "
                    + Json.text(s, "up_to_status_id").orElse("?"));
        } else if (o.get("warning") instanceof Map<?, ?>) {
            Map<String, Object> w = Json.object(o, "warning").orElseThrow();
            out.notices.add("stream stall warning " + Json.text(w, "code").orElse("?") + ": "
                    + Json.text(w, "message").orElse(""));
        } else if (o.containsKey("for_user") && o.get("message") instanceof Map<?, ?> inner) {
            siteStream(o, Json.asObject(inner).orElseThrow(), at, p, out);
        } else if (o.get("friends") instanceof List<?> friends) {
            out.notices.add("stream friends list with " + friends.size() + " user ids");
        } else if (o.get("event") instanceof String event) {
            out.notices.add("user stream event '" + event + "'"
                    + Json.text(o, "created_at").map(c -> " at " + c).orElse("") + ": not a message");
        } else if (isStatus(o)) {
            statusItem(o, at, p, out);
        } else if (isLegacyDm(o)) {
            legacyDm(o, at, p, out);
        } else if (isUser(o)) {
            out.notices.add("user object " + Json.text(o, "id").orElse("?")
                    + Json.text(o, "screen_name").map(s -> " (@" + s + ")").orElse("") + ": an account, not a message");
        } else if (isPlace(o)) {
            out.notices.add("place " + Json.text(o, "id").orElse("?") + " '"
                    + Json.text(o, "full_name").orElse("") + "' ("
                    + Json.text(o, "place_type").orElse("?") + "): not a message");
        } else if (o.get("result") instanceof Map<?, ?> result && o.containsKey("query")) {
            int n = Json.asObject(result)
                    .flatMap(r -> Json.array(r, "places"))
                    .map(List::size)
                    .orElse(0);
            out.notices.add("geo search result with " + n + " places: not messages");
        } else if (o.get("ids") instanceof List<?> ids) {
            out.notices.add("id list with " + ids.size() + " ids: not messages");
        } else {
            throw new MalformedPayloadException(at, "unrecognised Twitter payload: an object with keys " + keys(o));
        }
    }

    private static void errors(Map<String, Object> o, String at, Extraction out) {
        List<Object> errors = Json.array(o, "errors")
                .orElseThrow(() -> new MalformedPayloadException(at + ".errors", "expected an array"));
        if (errors.isEmpty()) {
            out.notices.add("Twitter API error body with no errors");
        }
        for (Object e : errors) {
            Map<String, Object> err = Json.asObject(e).orElse(Map.of());
            out.notices.add("Twitter API error code " + Json.text(err, "code").orElse("?") + ": "
                    + Json.text(err, "message").orElse(String.valueOf(e)));
        }
    }

    private static void deleteNotice(Map<String, Object> d, String at, Perspective p, Extraction out) {
        if (d.get("status") instanceof Map<?, ?> st) {
            Map<String, Object> s = Json.asObject(st).orElseThrow();
            long id = Json.longValue(s, "id")
                    .orElseThrow(() -> new MalformedPayloadException(at + ".delete.status.id", "missing status id"));
            long user = Json.longValue(s, "user_id").orElse(0L);
            out.deletions.add(new TweetDeletion(p.channel(), id, user, Optional.empty()));
            out.notices.add("deletion notice: status " + id + " deleted by user " + user);
        } else if (d.get("direct_message") instanceof Map<?, ?> dm) {
            out.notices.add("deletion notice: direct message "
                    + Json.text(Json.asObject(dm).orElseThrow(), "id").orElse("?") + " deleted");
        } else {
            throw new MalformedPayloadException(at + ".delete", "expected a status or direct_message; keys " + keys(d));
        }
    }

    private static void siteStream(
            Map<String, Object> o, Map<String, Object> inner, String at, Perspective p, Extraction out) {
        Optional<Long> forUser = Json.longValue(o, "for_user");
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

    static boolean isAccountActivity(Map<String, Object> o) {
        if (o.containsKey("for_user_id")) {
            return true;
        }
        return o.keySet().stream().anyMatch(k -> k.endsWith("_events"));
    }

    /**
     * Reads an Account Activity body: {@code for_user_id} names the bank account; tweet and DM events become
     * messages (the bank's own ones own messages), deletions are recorded, likes and other events are noted.
     *
     * @param channelFor the desk channel of an account id, empty when the account is not configured
     * @throws MalformedPayloadException for a body without a usable {@code for_user_id} or with an unknown account
     */
    static void accountActivity(
            Map<String, Object> o,
            String at,
            LongFunction<Optional<ChannelId>> channelFor,
            boolean includeRetweets,
            Extraction out) {
        long account = Json.longValue(o, "for_user_id")
                .orElseThrow(() -> new MalformedPayloadException(
                        at + ".for_user_id",
                        o.containsKey("for_user_id")
                                ? "expected a numeric user id but found " + kind(o.get("for_user_id"))
                                : "missing: the body does not say which account it is for"));
        ChannelId channel = channelFor
                .apply(account)
                .orElseThrow(() -> new MalformedPayloadException(
                        at + ".for_user_id", "no channel is configured for account " + account));
        Perspective p = new Perspective(channel, java.util.OptionalLong.of(account), includeRetweets);
        Map<String, Object> users = Json.object(o, "users").orElse(Map.of());
        Map<String, Object> apps = Json.object(o, "apps").orElse(Map.of());
        for (Map.Entry<String, Object> e : o.entrySet()) {
            String key = e.getKey();
            if (!key.endsWith("_events")) {
                continue;
            }
            String keyAt = at + "." + key;
            List<Object> events = Json.asArray(e.getValue())
                    .orElseThrow(() ->
                            new MalformedPayloadException(keyAt, "expected an array but found " + kind(e.getValue())));
            switch (key) {
                case "tweet_create_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        Optional<Map<String, Object>> s = Json.asObject(events.get(i));
                        if (s.isEmpty()) {
                            out.rejects.add(new Reject(
                                    Json.write(events.get(i)),
                                    new MalformedPayloadException(itemAt, "expected a status object")));
                        } else {
                            statusItem(s.get(), itemAt, p, out);
                        }
                    }
                }
                case "direct_message_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        Optional<Map<String, Object>> d = Json.asObject(events.get(i));
                        if (d.isEmpty()) {
                            out.rejects.add(new Reject(
                                    Json.write(events.get(i)),
                                    new MalformedPayloadException(itemAt, "expected a DM event object")));
                        } else {
                            dmEvent(d.get(), itemAt, apps, users, p, out);
                        }
                    }
                }
                case "tweet_delete_events" -> {
                    for (int i = 0; i < events.size(); i++) {
                        String itemAt = keyAt + "[" + i + "]";
                        Map<String, Object> d = Json.asObject(events.get(i)).orElse(Map.of());
                        Map<String, Object> st = Json.object(d, "status").orElse(Map.of());
                        Optional<Long> id = Json.longValue(st, "id");
                        if (id.isEmpty()) {
                            out.rejects.add(new Reject(
                                    Json.write(events.get(i)),
                                    new MalformedPayloadException(itemAt + ".status.id", "missing status id")));
                            continue;
                        }
                        long user = Json.longValue(st, "user_id").orElse(0L);
                        Optional<Instant> when =
                                Json.longValue(d, "timestamp_ms").map(Instant::ofEpochMilli);
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

    static boolean isStatus(Map<String, Object> o) {
        return (o.containsKey("id") || o.containsKey("id_str"))
                && (o.containsKey("text") || o.containsKey("full_text"))
                && o.containsKey("user")
                && !o.containsKey("sender_id");
    }

    static boolean isLegacyDm(Map<String, Object> o) {
        return o.containsKey("sender_id") && o.containsKey("recipient_id") && o.containsKey("text");
    }

    static boolean isUser(Map<String, Object> o) {
        return o.containsKey("id") && o.containsKey("followers_count") && !o.containsKey("text");
    }

    static boolean isPlace(Map<String, Object> o) {
        return o.containsKey("place_type") && o.containsKey("full_name");
    }

    /** Parses a status with twitter4j and maps it; a bad status becomes a reject naming its field. */
    private static void statusItem(Map<String, Object> o, String at, Perspective p, Extraction out) {
        String raw = Json.write(o);
        Optional<Long> author = Json.object(o, "user").flatMap(u -> Json.longValue(u, "id"));
        if (o.get("retweeted_status") instanceof Map<?, ?> rt
                && !p.includeRetweets()
                && !(author.isPresent() && p.isBank(author.get()))) {
            // skipped before strict checks: recorded retweets may lack their own id and time
            String retweeted =
                    Json.asObject(rt).flatMap(r -> Json.text(r, "id")).orElse("?");
            out.skipped.add(new PayloadReading.Skipped(
                    "status " + Json.text(o, "id").orElse("(no id)")
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

    private static void legacyDm(Map<String, Object> o, String at, Perspective p, Extraction out) {
        String raw = Json.write(o);
        try {
            DirectMessage d = parseDm(raw, at);
            Optional<TwitterUser> sender = Json.object(o, "sender").map(u -> parseUser(u, at + ".sender"));
            out.add(MessageMapper.directMessage(
                    Twitter4jConversions.directMessage(d, sender, Optional.empty(), at), p));
        } catch (MalformedPayloadException e) {
            out.rejects.add(new Reject(raw, e));
        }
    }

    private static void dmEvent(
            Map<String, Object> e,
            String at,
            Map<String, Object> apps,
            Map<String, Object> users,
            Perspective p,
            Extraction out) {
        String type = Json.text(e, "type").orElse("message_create");
        if (!type.equals("message_create")) {
            out.notices.add("direct message event of type '" + type + "' "
                    + Json.text(e, "id").orElse("") + ": not a message");
            return;
        }
        String raw = Json.write(e);
        try {
            if (!(e.get("message_create") instanceof Map<?, ?>)) {
                throw new MalformedPayloadException(at + ".message_create", "missing: a message_create event needs it");
            }
            DirectMessage d = parseDm(raw, at);
            Map<String, Object> mc = Json.object(e, "message_create").orElseThrow();
            Optional<TwitterUser> sender = Json.text(mc, "sender_id")
                    .flatMap(id -> Json.object(users, id))
                    .map(u -> parseUser(u, at + ".users"));
            Optional<String> app = Json.text(mc, "source_app_id").map(id -> Json.object(apps, id)
                    .flatMap(a -> Json.text(a, "name"))
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

    static TwitterUser parseUser(Map<String, Object> u, String at) {
        User user;
        try {
            user = TwitterObjectFactory.createUser(Json.write(u));
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

    static String kind(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v == Json.NULL) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof BigInteger || v instanceof Number) {
            return "the number " + v;
        }
        return String.valueOf(v);
    }

    private static String keys(Map<String, Object> o) {
        List<String> k = new ArrayList<>(o.keySet());
        return (k.size() > 12 ? k.subList(0, 12) + "..." : k.toString());
    }
}
