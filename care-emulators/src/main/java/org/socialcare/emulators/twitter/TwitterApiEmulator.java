package org.socialcare.emulators.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.SignatureHeader;

/**
 * A Twitter API v1.1 emulator for one bank account, on 127.0.0.1 with the JDK's HTTP server (port chosen by
 * the system). It serves {@code statuses/mentions_timeline} ({@code since_id}, {@code max_id}, {@code count}),
 * {@code direct_messages/events/list} (cursor pages, newest first), {@code direct_messages/events/new},
 * {@code statuses/user_timeline} (the account's own statuses), {@code statuses/update} and
 * {@code statuses/destroy/:id}, in Twitter's v1.1 JSON shapes, so the real twitter4j
 * client can be pointed at {@link #restBaseUrl()}.
 *
 * <p>It checks every request's OAuth 1.0a header (consumer key, token and, for form and query requests, the
 * HMAC-SHA1 signature), records every request ({@link #requests()}), answers a duplicate status with code 187,
 * and injects faults on demand: {@link #failNext} (429 with {@code x-rate-limit-*} headers, 503) and
 * {@link #expireToken()} (401, code 89), and a lost answer ({@link #loseNextAnswers}: the write is stored, its
 * response comes too late or the connection drops). {@link #tweetCreateEvents} and {@link #directMessageEvents} build the
 * Account Activity body Twitter would post for an emulated tweet or DM, {@link #webhookSignature} signs it.
 *
 * <p>Point an adapter at it with {@link #restBaseUrl()} and the credentials it accepts ({@link #consumerKey()},
 * {@link #consumerSecret()}, {@link #accessToken()}, {@link #accessTokenSecret()}); it knows nothing of the
 * adapter, so a test's class path decides which client talks to it. JSON is read and written with Jackson.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class TwitterApiEmulator implements AutoCloseable {
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final String SOURCE_HTML =
            "<a href=\"https://care.example/emulator\" rel=\"nofollow\">care emulator</a>";
    /** The app id the emulator stamps on DMs it sends for the account. */
    public static final String APP_ID = "4242";
    /** The header Twitter signs Account Activity bodies in. */
    public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the emulator received it; {@code params} merges query and form parameters. */
    public record Request(String method, String path, Map<String, String> params, String body, int status) {
        public Request {
            params = Map.copyOf(params);
        }

        public Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name));
        }
    }

    /** A failure to answer instead of the real response. */
    public record Fault(int status, int code, String message, Optional<Instant> rateLimitReset) {
        /** HTTP 429, code 88, with {@code x-rate-limit-reset} at {@code reset}. */
        public static Fault rateLimited(Instant reset) {
            return new Fault(429, 88, "Rate limit exceeded", Optional.of(reset));
        }

        /** HTTP 503, code 130 (over capacity). */
        public static Fault unavailable() {
            return new Fault(503, 130, "Over capacity", Optional.empty());
        }

        /** HTTP 403, code 187 (status is a duplicate). */
        public static Fault duplicate() {
            return new Fault(403, 187, "Status is a duplicate.", Optional.empty());
        }

        /** HTTP 401, code 89 (invalid or expired token). */
        public static Fault expiredToken() {
            return new Fault(401, 89, "Invalid or expired token.", Optional.empty());
        }
    }

    /**
     * The platform accepts and stores a write (a tweet, a DM) but its answer never reaches the client: the response
     * is held back for {@code delay} (past the client's read timeout), or the connection is dropped without any
     * response when {@code delay} is zero.
     */
    public record LostAnswer(Duration delay) {
        public LostAnswer {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative but was " + delay);
            }
        }

        /** The answer comes after {@code delay}, when the client has given up waiting. */
        public static LostAnswer late(Duration delay) {
            return new LostAnswer(delay);
        }

        /** The connection is closed once the write is stored, without a response. */
        public static LostAnswer dropped() {
            return new LostAnswer(Duration.ZERO);
        }
    }

    /** A user the emulator knows. */
    public record User(long id, String screenName, String name, long followers, boolean verified) {}

    private record StatusRec(
            long id,
            long userId,
            String text,
            long inReplyTo,
            Instant createdAt,
            boolean mentionsAccount,
            long retweetOf,
            String lang,
            String source) {
        StatusRec(
                long id,
                long userId,
                String text,
                long inReplyTo,
                Instant createdAt,
                boolean mentionsAccount,
                long retweetOf,
                String lang) {
            this(id, userId, text, inReplyTo, createdAt, mentionsAccount, retweetOf, lang, SOURCE_HTML);
        }
    }

    private record DmRec(
            long id, long senderId, long recipientId, String text, Instant createdAt, Optional<String> appId) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final User account;
    private final String consumerKey;
    private final String consumerSecret;
    private final String accessToken;
    private final String accessTokenSecret;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<Long, User> users = new LinkedHashMap<>();
    private final NavigableMap<Long, StatusRec> statuses = new TreeMap<>();
    /** Statuses served without their {@code user} object: an item a client cannot read (a dead letter). */
    private final java.util.Set<Long> withoutAuthor = new java.util.HashSet<>();

    private final NavigableMap<Long, DmRec> dms = new TreeMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<LostAnswer> lostAnswers = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1_300_000_000_000_000_000L);
    private volatile boolean tokenExpired;
    private int partialMentionPages; // guarded by lock

    private TwitterApiEmulator(Builder b) throws IOException {
        this.account = new User(b.accountId, b.screenName, b.screenName, 10_000, true);
        this.consumerKey = b.consumerKey;
        this.consumerSecret = b.consumerSecret;
        this.accessToken = b.accessToken;
        this.accessTokenSecret = b.accessTokenSecret;
        this.clock = b.clock;
        users.put(account.id(), account);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "twitter-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to configure the adapter with, e.g. {@code http://127.0.0.1:41234/1.1/}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/";
    }

    public User account() {
        return account;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ scenario

    /** Adds (or replaces) a user. */
    public User user(long id, String screenName, String name, long followers, boolean verified) {
        User u = new User(id, screenName, name, followers, verified);
        synchronized (lock) {
            users.put(id, u);
        }
        return u;
    }

    /** A customer tweets at the account; returns the status id. */
    public long mention(User author, String text) {
        return addStatus(author, "@" + account.screenName() + " " + text, 0, true, 0);
    }

    /** A customer tweets at the account at {@code createdAt} (newer than every earlier status); returns the status id. */
    public long mentionAt(User author, String text, Instant createdAt) {
        return addStatus(author, "@" + account.screenName() + " " + text, 0, true, 0, createdAt);
    }

    /**
     * A mention the timeline serves without its {@code user} object (a broken item, to test that a client
     * dead-letters what it cannot read); returns the status id.
     */
    public long mentionWithoutAuthor(String text, Instant createdAt) {
        synchronized (lock) {
            long id = mentionAt(new User(1L, "ghost", "ghost", 0, false), text, createdAt);
            withoutAuthor.add(id);
            return id;
        }
    }

    /** A customer tweets at the account at {@code createdAt} in language {@code lang} (e.g. "es"); returns the status id. */
    public long mentionAt(User author, String text, Instant createdAt, String lang) {
        synchronized (lock) {
            long id = addStatus(author, "@" + account.screenName() + " " + text, 0, true, 0, createdAt);
            StatusRec s = statuses.get(id);
            statuses.put(id, new StatusRec(id, s.userId(), s.text(), 0, s.createdAt(), true, 0, lang, s.source()));
            return id;
        }
    }

    /** A customer replies to {@code inReplyTo} (mentioning the account); returns the status id. */
    public long replyFromCustomer(User author, long inReplyTo, String text) {
        return addStatus(author, "@" + account.screenName() + " " + text, inReplyTo, true, 0);
    }

    /** A customer retweets one of the account's statuses (retweets show up among mentions); returns its id. */
    public long retweet(User author, long statusId) {
        String original;
        synchronized (lock) {
            original = Optional.ofNullable(statuses.get(statusId))
                    .map(StatusRec::text)
                    .orElse("");
        }
        return addStatus(author, "RT @" + account.screenName() + ": " + original, 0, true, statusId);
    }

    /** The account tweets something itself (e.g. posted with another app), mentioning itself so it shows up; returns its id. */
    public long ownTweetMentioningItself(String text) {
        return addStatus(account, text + " @" + account.screenName(), 0, true, 0);
    }

    /**
     * The account tweets something itself from the client app {@code appName} (its {@code source}, e.g. an app
     * the bank never approved), mentioning itself so it shows up among mentions; returns its id.
     */
    public long ownTweetFromApp(String text, String appName) {
        synchronized (lock) {
            long id = addStatus(account, text + " @" + account.screenName(), 0, true, 0);
            StatusRec s = statuses.get(id);
            statuses.put(
                    id,
                    new StatusRec(
                            id,
                            s.userId(),
                            s.text(),
                            0,
                            s.createdAt(),
                            true,
                            0,
                            s.lang(),
                            "<a href=\"https://apps.example/" + id + "\" rel=\"nofollow\">" + appName + "</a>"));
            return id;
        }
    }

    /** Burns {@code n} ids, so the next ids leave a gap (deleted or protected tweets). */
    public void skipIds(long n) {
        ids.addAndGet(n);
    }

    /** A customer sends the account a direct message; returns the event id. */
    public long directMessageFromCustomer(User sender, String text) {
        return addDm(sender.id(), account.id(), text, Optional.empty());
    }

    /** A customer sends the account a direct message at {@code createdAt}; returns the event id. */
    public long directMessageFromCustomerAt(User sender, String text, Instant createdAt) {
        synchronized (lock) {
            users.putIfAbsent(sender.id(), sender);
        }
        return addDm(sender.id(), account.id(), text, Optional.empty(), createdAt);
    }

    /** The account sends a DM from another app (e.g. the phone app); returns the event id. */
    public long directMessageFromAccount(long recipient, String text, String appId) {
        return addDm(account.id(), recipient, text, Optional.of(appId));
    }

    /**
     * The next {@code n} mentions answers are partial pages: only the newest half of what {@code count} allows
     * (at least one), as when Twitter cuts a page short; the rest stays there for the next request.
     */
    public void partialMentionPages(int n) {
        synchronized (lock) {
            partialMentionPages += n;
        }
    }

    /** Answers the next requests with these faults, in order, before serving normally again. */
    public void failNext(Fault... next) {
        synchronized (lock) {
            faults.addAll(List.of(next));
        }
    }

    /**
     * The next {@code next.length} writes (POST requests) are served (the tweet or DM is stored) but their answers
     * are lost as each {@link LostAnswer} says. Reads are not affected.
     */
    public void loseNextAnswers(LostAnswer... next) {
        synchronized (lock) {
            lostAnswers.addAll(List.of(next));
        }
    }

    /** From now on every request fails with 401 / code 89 until {@link #renewToken()}. */
    public void expireToken() {
        tokenExpired = true;
    }

    public void renewToken() {
        tokenExpired = false;
    }

    // ------------------------------------------------------------------ inspection

    /** Every request received, oldest first. */
    public List<Request> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Requests whose path ends with {@code suffix}, e.g. "statuses/update.json". */
    public List<Request> requests(String suffix) {
        return requests().stream().filter(r -> r.path().endsWith(suffix)).toList();
    }

    /** Statuses posted by the account through the API, oldest first: id, text, in-reply-to. */
    public List<Map<String, Object>> postedStatuses() {
        synchronized (lock) {
            return statuses.values().stream()
                    .filter(s -> s.userId() == account.id() && !s.mentionsAccount())
                    .map(s -> Map.<String, Object>of(
                            "id", s.id(), "text", s.text(), "in_reply_to_status_id", s.inReplyTo()))
                    .toList();
        }
    }

    /** Whether the status exists (not deleted). */
    public boolean hasStatus(long id) {
        synchronized (lock) {
            return statuses.containsKey(id);
        }
    }

    /** DMs sent by the account, oldest first: id, recipient, text. */
    public List<Map<String, Object>> sentDirectMessages() {
        synchronized (lock) {
            return dms.values().stream()
                    .filter(d -> d.senderId() == account.id())
                    .map(d -> Map.<String, Object>of("id", d.id(), "recipient_id", d.recipientId(), "text", d.text()))
                    .toList();
        }
    }

    /** The Account Activity body Twitter would post for these statuses ({@code for_user_id} = the account). */
    public String tweetCreateEvents(long... statusIds) {
        List<Object> events = new ArrayList<>();
        synchronized (lock) {
            for (long id : statusIds) {
                events.add(statusJson(Objects.requireNonNull(statuses.get(id), "no status " + id)));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("for_user_id", Long.toString(account.id()));
        body.put("tweet_create_events", events);
        return write(body);
    }

    /** The Account Activity body Twitter would post for these DMs, with {@code users} and {@code apps} maps. */
    public String directMessageEvents(long... dmIds) {
        List<Object> events = new ArrayList<>();
        Map<String, Object> userMap = new LinkedHashMap<>();
        synchronized (lock) {
            for (long id : dmIds) {
                DmRec d = Objects.requireNonNull(dms.get(id), "no direct message " + id);
                events.add(dmJson(d));
                for (long uid : new long[] {d.senderId(), d.recipientId()}) {
                    User u = users.get(uid);
                    if (u != null) {
                        userMap.put(Long.toString(uid), userJson(u));
                    }
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("for_user_id", Long.toString(account.id()));
        body.put("direct_message_events", events);
        body.put(
                "apps",
                Map.of(APP_ID, Map.of("id", APP_ID, "name", "care emulator", "url", "https://care.example/emulator")));
        body.put("users", userMap);
        return write(body);
    }

    // ------------------------------------------------------------------ internals

    private long addStatus(User author, String text, long inReplyTo, boolean mentionsAccount, long retweetOf) {
        return addStatus(author, text, inReplyTo, mentionsAccount, retweetOf, clock.instant());
    }

    private long addStatus(
            User author, String text, long inReplyTo, boolean mentionsAccount, long retweetOf, Instant at) {
        synchronized (lock) {
            users.putIfAbsent(author.id(), author);
            long id = ids.addAndGet(1 + (ids.get() % 7));
            statuses.put(id, new StatusRec(id, author.id(), text, inReplyTo, at, mentionsAccount, retweetOf, "en"));
            return id;
        }
    }

    private long addDm(long sender, long recipient, String text, Optional<String> appId) {
        return addDm(sender, recipient, text, appId, clock.instant());
    }

    private long addDm(long sender, long recipient, String text, Optional<String> appId, Instant at) {
        synchronized (lock) {
            long id = ids.addAndGet(3);
            dms.put(id, new DmRec(id, sender, recipient, text, at, appId));
            return id;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String body = readBody(ex.getRequestBody());
            Map<String, String> params = new LinkedHashMap<>(decodeForm(uri.getRawQuery()));
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
                    .orElse("");
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                params.putAll(decodeForm(body));
            }
            Answer a = answer(ex, method, path, uri.getRawQuery(), contentType, params, body);
            LostAnswer lost = null;
            synchronized (lock) {
                requests.add(new Request(method, path, params, body, a.status));
                if (method.equals("POST")) {
                    lost = lostAnswers.poll();
                }
            }
            if (lost != null) {
                if (lost.delay().isZero()) {
                    return; // closing the exchange before any response header drops the connection
                }
                sleep(lost.delay());
            }
            a.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            byte[] out = a.body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer ok(Object json, Instant now) {
            return new Answer(200, write(json), rateHeaders(now.plusSeconds(900), 899));
        }

        static Answer error(int status, int code, String message) {
            return new Answer(
                    status, write(Map.of("errors", List.of(Map.of("code", code, "message", message)))), Map.of());
        }
    }

    private Answer ok(Object json) {
        return Answer.ok(json, clock.instant());
    }

    private static Map<String, String> rateHeaders(Instant reset, int remaining) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-rate-limit-limit", "900");
        h.put("x-rate-limit-remaining", Integer.toString(remaining));
        h.put("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
        return h;
    }

    private Answer answer(
            HttpExchange ex,
            String method,
            String path,
            String rawQuery,
            String contentType,
            Map<String, String> params,
            String body) {
        Optional<String> authProblem =
                checkAuth(ex.getRequestHeaders().getFirst("Authorization"), method, path, rawQuery, contentType, body);
        if (authProblem.isPresent()) {
            return Answer.error(401, 32, "Could not authenticate you.");
        }
        if (tokenExpired) {
            return Answer.error(401, 89, "Invalid or expired token.");
        }
        Fault f;
        synchronized (lock) {
            f = faults.poll();
        }
        if (f != null) {
            Answer a = Answer.error(f.status(), f.code(), f.message());
            return f.rateLimitReset()
                    .map(r -> new Answer(a.status, a.body, rateHeaders(r, 0)))
                    .orElse(a);
        }
        String p = path.startsWith("/1.1/") ? path.substring(5) : path;
        if (method.equals("GET") && p.equals("statuses/mentions_timeline.json")) {
            return mentions(params);
        }
        if (method.equals("GET") && p.equals("statuses/user_timeline.json")) {
            return userTimeline(params);
        }
        if (method.equals("GET") && p.equals("direct_messages/events/list.json")) {
            return dmList(params);
        }
        if (method.equals("POST") && p.equals("direct_messages/events/new.json")) {
            return dmNew(body);
        }
        if (method.equals("POST") && p.equals("statuses/update.json")) {
            return update(params);
        }
        if (method.equals("POST") && p.startsWith("statuses/destroy/") && p.endsWith(".json")) {
            return destroy(p.substring("statuses/destroy/".length(), p.length() - 5));
        }
        return Answer.error(404, 34, "Sorry, that page does not exist.");
    }

    private Answer mentions(Map<String, String> params) {
        int count = Math.min(200, Math.max(1, intParam(params, "count", 20)));
        long since = longParam(params, "since_id", 0);
        long max = longParam(params, "max_id", Long.MAX_VALUE);
        List<Object> out = new ArrayList<>();
        synchronized (lock) {
            for (StatusRec s : statuses.descendingMap().values()) {
                if (out.size() >= count) {
                    break;
                }
                if (s.mentionsAccount() && s.id() > since && s.id() <= max) {
                    out.add(statusJson(s));
                }
            }
            if (partialMentionPages > 0 && out.size() > 1) {
                partialMentionPages--;
                out = new ArrayList<>(out.subList(0, out.size() / 2));
            }
        }
        return ok(out);
    }

    /** The account's own statuses (its timeline), newest first; only the account's own user id is served. */
    private Answer userTimeline(Map<String, String> params) {
        long user = longParam(params, "user_id", account.id());
        if (user != account.id()) {
            return Answer.error(404, 34, "Sorry, that page does not exist.");
        }
        int count = Math.min(200, Math.max(1, intParam(params, "count", 20)));
        long since = longParam(params, "since_id", 0);
        long max = longParam(params, "max_id", Long.MAX_VALUE);
        List<Object> out = new ArrayList<>();
        synchronized (lock) {
            for (StatusRec s : statuses.descendingMap().values()) {
                if (out.size() >= count) {
                    break;
                }
                if (s.userId() == account.id() && s.id() > since && s.id() <= max) {
                    out.add(statusJson(s));
                }
            }
        }
        return ok(out);
    }

    private Answer dmList(Map<String, String> params) {
        int count = Math.min(50, Math.max(1, intParam(params, "count", 20)));
        long before = params.containsKey("cursor") ? cursorValue(params.get("cursor")) : Long.MAX_VALUE;
        if (before < 0) {
            return Answer.error(400, 44, "cursor parameter is invalid");
        }
        List<Object> events = new ArrayList<>();
        long lastId = 0;
        boolean more = false;
        synchronized (lock) {
            for (DmRec d : dms.headMap(before, false).descendingMap().values()) {
                if (events.size() >= count) {
                    more = true;
                    break;
                }
                events.add(dmJson(d));
                lastId = d.id();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", events);
        body.put(
                "apps",
                Map.of(APP_ID, Map.of("id", APP_ID, "name", "care emulator", "url", "https://care.example/emulator")));
        if (more) {
            body.put(
                    "next_cursor",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(("before:" + lastId).getBytes(StandardCharsets.UTF_8)));
        }
        return ok(body);
    }

    private static long cursorValue(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return s.startsWith("before:") ? Long.parseLong(s.substring(7)) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private Answer dmNew(String body) {
        long recipient;
        String text;
        try {
            JsonNode mc = JSON.readTree(body).path("event").path("message_create");
            JsonNode to = mc.path("target").path("recipient_id");
            JsonNode said = mc.path("message_data").path("text");
            if (!(to.isTextual() || to.isIntegralNumber()) || !said.isTextual()) {
                throw new IllegalArgumentException("no recipient_id or text");
            }
            recipient = Long.parseLong(to.asText());
            text = said.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return Answer.error(400, 214, "event parameter is missing or malformed.");
        }
        long id = addDm(account.id(), recipient, text, Optional.of(APP_ID));
        DmRec d;
        synchronized (lock) {
            d = dms.get(id);
        }
        return ok(Map.of("event", dmJson(d)));
    }

    private Answer update(Map<String, String> params) {
        String text = params.getOrDefault("status", "");
        if (text.isBlank()) {
            return Answer.error(400, 170, "Missing required parameter: status.");
        }
        long inReplyTo = longParam(params, "in_reply_to_status_id", 0);
        synchronized (lock) {
            boolean duplicate = statuses.values().stream()
                    .anyMatch(s -> s.userId() == account.id() && s.text().equals(text));
            if (duplicate) {
                return Answer.error(403, 187, "Status is a duplicate.");
            }
            if (inReplyTo != 0 && !statuses.containsKey(inReplyTo)) {
                return Answer.error(
                        403, 385, "You attempted to reply to a Tweet that is deleted or not visible to you.");
            }
            long id = ids.addAndGet(2);
            StatusRec s = new StatusRec(id, account.id(), text, inReplyTo, clock.instant(), false, 0, "en");
            statuses.put(id, s);
            return ok(statusJson(s));
        }
    }

    private Answer destroy(String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return Answer.error(404, 144, "No status found with that ID.");
        }
        synchronized (lock) {
            StatusRec s = statuses.get(id);
            if (s == null) {
                return Answer.error(404, 144, "No status found with that ID.");
            }
            if (s.userId() != account.id()) {
                return Answer.error(403, 183, "You may not delete another user's status.");
            }
            statuses.remove(id);
            return ok(statusJson(s));
        }
    }

    private Map<String, Object> statusJson(StatusRec s) {
        User u = users.getOrDefault(
                s.userId(), new User(s.userId(), "user" + s.userId(), "user" + s.userId(), 0, false));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", CREATED_AT.format(s.createdAt()));
        m.put("id", s.id());
        m.put("id_str", Long.toString(s.id()));
        m.put("full_text", s.text());
        m.put("truncated", false);
        m.put(
                "display_text_range",
                List.of(0, s.text().codePointCount(0, s.text().length())));
        List<Object> mentions = new ArrayList<>();
        int at = s.text().indexOf("@" + account.screenName());
        if (at >= 0) {
            mentions.add(Map.of(
                    "screen_name",
                    account.screenName(),
                    "name",
                    account.name(),
                    "id",
                    account.id(),
                    "id_str",
                    Long.toString(account.id()),
                    "indices",
                    List.of(at, at + 1 + account.screenName().length())));
        }
        m.put(
                "entities",
                Map.of("hashtags", List.of(), "symbols", List.of(), "user_mentions", mentions, "urls", List.of()));
        m.put("source", s.source());
        if (s.inReplyTo() != 0) {
            StatusRec parent = statuses.get(s.inReplyTo());
            m.put("in_reply_to_status_id", s.inReplyTo());
            m.put("in_reply_to_status_id_str", Long.toString(s.inReplyTo()));
            if (parent != null) {
                User pu = users.get(parent.userId());
                m.put("in_reply_to_user_id", parent.userId());
                m.put("in_reply_to_user_id_str", Long.toString(parent.userId()));
                m.put("in_reply_to_screen_name", pu == null ? null : pu.screenName());
            }
        } else {
            m.put("in_reply_to_status_id", null);
            m.put("in_reply_to_user_id", null);
            m.put("in_reply_to_screen_name", null);
        }
        if (!withoutAuthor.contains(s.id())) {
            m.put("user", userJson(u));
        }
        if (s.retweetOf() != 0) {
            StatusRec original = statuses.get(s.retweetOf());
            if (original != null) {
                m.put("retweeted_status", statusJson(original));
            }
        }
        m.put("is_quote_status", false);
        m.put("retweet_count", 0);
        m.put("favorite_count", 0);
        m.put("favorited", false);
        m.put("retweeted", false);
        m.put("lang", s.lang());
        return m;
    }

    private static Map<String, Object> userJson(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("id_str", Long.toString(u.id()));
        m.put("name", u.name());
        m.put("screen_name", u.screenName());
        m.put("followers_count", u.followers());
        m.put("friends_count", 0);
        m.put("verified", u.verified());
        m.put("protected", false);
        m.put("created_at", "Mon Jan 05 10:00:00 +0000 2015");
        return m;
    }

    private static Map<String, Object> dmJson(DmRec d) {
        Map<String, Object> mc = new LinkedHashMap<>();
        mc.put("target", Map.of("recipient_id", Long.toString(d.recipientId())));
        mc.put("sender_id", Long.toString(d.senderId()));
        d.appId().ifPresent(a -> mc.put("source_app_id", a));
        mc.put(
                "message_data",
                Map.of(
                        "text",
                        d.text(),
                        "entities",
                        Map.of(
                                "hashtags",
                                List.of(),
                                "symbols",
                                List.of(),
                                "user_mentions",
                                List.of(),
                                "urls",
                                List.of())));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "message_create");
        e.put("id", Long.toString(d.id()));
        e.put("created_timestamp", Long.toString(d.createdAt().toEpochMilli()));
        e.put("message_create", mc);
        return e;
    }

    // ------------------------------------------------------------------ OAuth 1.0a

    private Optional<String> checkAuth(
            String header, String method, String path, String rawQuery, String contentType, String body) {
        if (header == null || !header.startsWith("OAuth ")) {
            return Optional.of("no OAuth Authorization header");
        }
        Map<String, String> oauth = new TreeMap<>();
        for (String part : header.substring(6).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String v = part.substring(eq + 1).trim();
                if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                    v = v.substring(1, v.length() - 1);
                }
                oauth.put(part.substring(0, eq).trim(), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        if (!consumerKey.equals(oauth.get("oauth_consumer_key")) || !accessToken.equals(oauth.get("oauth_token"))) {
            return Optional.of("unknown consumer key or token");
        }
        if (!"HMAC-SHA1".equals(oauth.get("oauth_signature_method")) || oauth.get("oauth_signature") == null) {
            return Optional.of("unsupported signature method");
        }
        if (contentType.startsWith("application/json")) {
            return Optional.empty(); // JSON bodies are not part of the OAuth 1.0a signature base; keys checked above
        }
        List<String[]> params = new ArrayList<>();
        oauth.forEach((k, v) -> {
            if (k.startsWith("oauth_") && !k.equals("oauth_signature")) {
                params.add(new String[] {k, v});
            }
        });
        decodeForm(rawQuery).forEach((k, v) -> params.add(new String[] {k, v}));
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            decodeForm(body).forEach((k, v) -> params.add(new String[] {k, v}));
        }
        List<String> encoded = new ArrayList<>();
        for (String[] kv : params) {
            encoded.add(encode(kv[0]) + "=" + encode(kv[1]));
        }
        encoded.sort(null);
        String base =
                method + "&" + encode("http://127.0.0.1:" + server.getAddress().getPort() + path) + "&"
                        + encode(String.join("&", encoded));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(
                    (encode(consumerSecret) + "&" + encode(accessTokenSecret)).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(oauth.get("oauth_signature")) ? Optional.empty() : Optional.of("signature mismatch");
        } catch (GeneralSecurityException e) {
            return Optional.of("no HmacSHA1");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Map<String, String> decodeForm(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int intParam(Map<String, String> p, String name, int def) {
        try {
            return p.containsKey(name) ? Integer.parseInt(p.get(name)) : def;
        } catch (NumberFormatException e) {
            return def;
        }
    }

    private static long longParam(Map<String, String> p, String name, long def) {
        try {
            return p.containsKey(name) ? Long.parseLong(p.get(name)) : def;
        } catch (NumberFormatException e) {
            return def;
        }
    }

    /**
     * Configures a {@link TwitterApiEmulator}: the bank account it plays and the OAuth credentials it accepts.
     * Defaults: account 1001 "bankcare", test credentials, system UTC clock. Not thread-safe.
     */
    public static final class Builder {
        private long accountId = 1001;
        private String screenName = "bankcare";
        private String consumerKey = "emulator-consumer-key";
        private String consumerSecret = "emulator-consumer-secret";
        private String accessToken = "1001-emulator-access-token";
        private String accessTokenSecret = "emulator-access-token-secret";
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder account(long id, String screenName) {
            if (id <= 0) {
                throw new IllegalArgumentException("account id must be positive but was " + id);
            }
            this.accountId = id;
            this.screenName = Objects.requireNonNull(screenName, "screenName");
            return this;
        }

        public Builder credentials(
                String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
            this.consumerKey = Objects.requireNonNull(consumerKey);
            this.consumerSecret = Objects.requireNonNull(consumerSecret);
            this.accessToken = Objects.requireNonNull(accessToken);
            this.accessTokenSecret = Objects.requireNonNull(accessTokenSecret);
            return this;
        }

        /** The clock that stamps created_at of emulated tweets and DMs. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public String consumerKey() {
            return consumerKey;
        }

        /** Starts the emulator on 127.0.0.1 and a free port. */
        public TwitterApiEmulator start() {
            try {
                return new TwitterApiEmulator(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the Twitter emulator on 127.0.0.1: " + e.getMessage(), e);
            }
        }
    }

    /** The consumer key the emulator accepts. */
    public String consumerKey() {
        return consumerKey;
    }

    /** The consumer secret: OAuth 1.0a signatures, CRC answers and webhook bodies are signed with it. */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** The account's access token the emulator accepts. */
    public String accessToken() {
        return accessToken;
    }

    /** The access token secret the emulator checks OAuth 1.0a signatures with. */
    public String accessTokenSecret() {
        return accessTokenSecret;
    }

    /** The Account Activity signature header value for {@code body}, as Twitter signs it with the consumer secret. */
    public String webhookSignature(String body) {
        return SignatureHeader.base64(SIGNATURE_HEADER)
                .sign(HmacSha256.key("consumerSecret", consumerSecret), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write emulator JSON: " + e.getOriginalMessage(), e);
        }
    }
}
