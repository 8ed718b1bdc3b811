package org.socialcare.emulators.x;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local X API v2 for one bank account, on the JDK {@code HttpServer} at 127.0.0.1 (an ephemeral port).
 *
 * <p>Answers, with payloads shaped as X's API reference documents them:
 * <ul>
 *   <li>{@code GET /2/users/{id}/mentions}: newest first; {@code since_id} and {@code until_id} (both exclusive),
 *       {@code max_results} 5..100, {@code pagination_token}; {@code includes.users} with {@code public_metrics}
 *       and {@code verified}; long posts carry {@code note_tweet.text}; {@code meta} with {@code result_count},
 *       {@code newest_id}, {@code oldest_id}, {@code next_token};
 *   <li>{@code GET /2/users/{id}/tweets} of the account: its own posts (published through the API, replies
 *       included), paged as mentions are;
 *   <li>{@code GET /2/dm_events}: one-to-one {@code MessageCreate} events of the account, newest first,
 *       {@code pagination_token}, {@code includes.users} of the senders;
 *   <li>{@code POST /2/tweets} (with {@code reply.in_reply_to_tweet_id}; the same text twice is a 403 duplicate),
 *       {@code POST /2/dm_conversations/with/{participant_id}/messages}, {@code DELETE /2/tweets/{id}};
 *   <li>{@code POST /2/oauth2/token} with {@code grant_type=refresh_token}: rotates access and refresh token.
 * </ul>
 * Every {@code /2/} call must carry the account's current OAuth 2.0 bearer token (refused once expired) or a valid
 * OAuth 1.0a HMAC-SHA1 signature; answers carry {@code x-rate-limit-*} headers. {@link #failNext(Fault)} injects a
 * rate limit, a server error, an auth failure or a duplicate; {@link #loseNextAnswers} stores a write and then
 * answers too late or drops the connection. The {@code activity*} methods build X Activity API
 * (XAA) webhook bodies ({@code post.mention.create}, {@code post.create}, {@code post.delete},
 * {@code dm.received}, {@code dm.sent}) and {@link #webhookSignature(String)} signs them as X does. Ids start
 * above 2^53 so clients that read them as doubles fail. Thread-safe; {@link #close()} stops the server.
 */
public final class XApiEmulator implements AutoCloseable {
    /** The first id handed out: above 2^53, below 2^63. */
    public static final long FIRST_ID = 1_900_000_000_000_000_001L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern MENTIONS = Pattern.compile("/2/users/(\\d+)/mentions");
    private static final Pattern USER_TWEETS = Pattern.compile("/2/users/(\\d+)/tweets");
    private static final Pattern DM_SEND = Pattern.compile("/2/dm_conversations/with/(\\d+)/messages");
    private static final Pattern TWEET = Pattern.compile("/2/tweets/(\\d+)");

    /** A user as X API v2 describes one. */
    public record User(String id, String username, String name, long followers, boolean verified) {}

    /** A post the emulator holds; {@code text} is the full text (a long post shows it as {@code note_tweet}). */
    public record Post(
            String id,
            String authorId,
            String text,
            Instant createdAt,
            Optional<String> inReplyTo,
            String conversationId) {}

    /** A one-to-one DM event. */
    public record DmEvent(String id, String senderId, String recipientId, String text, Instant createdAt) {}

    /**
     * X accepts and stores a write (a post, a DM) but its answer never reaches the client: held back for
     * {@code delay} (past the client's read timeout), or the connection dropped without a response when
     * {@code delay} is zero.
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

    /** A request the emulator answered: method, path and raw query. */
    public record Request(String method, String path, String query) {}

    /** A one-shot failure for the next {@code /2/} call. */
    public record Fault(int status, Map<String, String> headers, Map<String, Object> body) {
        /** 429 with {@code x-rate-limit-reset} = {@code reset}. */
        public static Fault rateLimited(Instant reset) {
            return new Fault(
                    429,
                    Map.of(
                            "x-rate-limit-limit", "300",
                            "x-rate-limit-remaining", "0",
                            "x-rate-limit-reset", Long.toString(reset.getEpochSecond())),
                    problem("Too Many Requests", "Too Many Requests", 429));
        }

        /** 503 Service Unavailable. */
        public static Fault unavailable() {
            return new Fault(503, Map.of(), problem("Service Unavailable", "Service Unavailable", 503));
        }

        /** 401 Unauthorized, as for a revoked token. */
        public static Fault unauthorized() {
            return new Fault(401, Map.of(), problem("Unauthorized", "Unauthorized", 401));
        }

        /** 403 for duplicate content, as {@code POST /2/tweets} answers it. */
        public static Fault duplicate() {
            return new Fault(
                    403,
                    Map.of(),
                    problem("Forbidden", "You are not allowed to create a Tweet with duplicate content.", 403));
        }
    }

    /** Field and expansion names X API v2 accepts (from its OpenAPI document); others are answered with 400. */
    private static final Map<String, java.util.Set<String>> KNOWN = Map.of(
            "tweet.fields",
            java.util.Set.of(
                    "article",
                    "attachments",
                    "author_id",
                    "card_uri",
                    "community_id",
                    "context_annotations",
                    "conversation_id",
                    "created_at",
                    "display_text_range",
                    "edit_controls",
                    "edit_history_tweet_ids",
                    "entities",
                    "geo",
                    "id",
                    "in_reply_to_user_id",
                    "lang",
                    "media_metadata",
                    "non_public_metrics",
                    "note_tweet",
                    "organic_metrics",
                    "possibly_sensitive",
                    "promoted_metrics",
                    "public_metrics",
                    "referenced_tweets",
                    "reply_settings",
                    "scopes",
                    "source",
                    "text",
                    "withheld"),
            "user.fields",
            java.util.Set.of(
                    "affiliation",
                    "connection_status",
                    "created_at",
                    "description",
                    "entities",
                    "id",
                    "is_identity_verified",
                    "location",
                    "most_recent_tweet_id",
                    "name",
                    "parody",
                    "pinned_tweet_id",
                    "profile_banner_url",
                    "profile_image_url",
                    "protected",
                    "public_metrics",
                    "receives_your_dm",
                    "subscription_type",
                    "url",
                    "username",
                    "verified",
                    "verified_followers_count",
                    "verified_type",
                    "withheld"),
            "dm_event.fields",
            java.util.Set.of(
                    "attachments",
                    "created_at",
                    "dm_conversation_id",
                    "entities",
                    "event_type",
                    "id",
                    "participant_ids",
                    "referenced_tweets",
                    "sender_id",
                    "text"),
            "event_types",
            java.util.Set.of("MessageCreate", "ParticipantsLeave", "ParticipantsJoin"));

    private static final java.util.Set<String> TWEET_EXPANSIONS = java.util.Set.of(
            "attachments.media_keys",
            "attachments.poll_ids",
            "author_id",
            "edit_history_tweet_ids",
            "entities.mentions.username",
            "geo.place_id",
            "in_reply_to_user_id",
            "entities.note.mentions.username",
            "referenced_tweets.id",
            "referenced_tweets.id.author_id");
    private static final java.util.Set<String> DM_EXPANSIONS =
            java.util.Set.of("attachments.media_keys", "participant_ids", "referenced_tweets.id", "sender_id");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final User account;
    private final String consumerKey;
    private final String consumerSecret;
    private final String oauth1Token;
    private final String oauth1TokenSecret;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Duration tokenLifetime;

    private final Map<String, User> users = new LinkedHashMap<>();
    private final List<Post> posts = new ArrayList<>();
    /** Posts served without their {@code author_id}: items a client cannot read (dead letters). */
    private final java.util.Set<String> withoutAuthor = new java.util.HashSet<>();

    private final List<DmEvent> dms = new ArrayList<>();
    private final List<Post> published = new ArrayList<>();
    private final List<DmEvent> sent = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<LostAnswer> lostAnswers = new ArrayDeque<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> langs = new LinkedHashMap<>();
    private long nextId = FIRST_ID;
    private int tokenGeneration;
    private String accessToken;
    private Instant accessTokenExpiresAt;
    private String refreshToken;
    private boolean refreshRevoked;

    private XApiEmulator(Builder b) {
        this.clock = b.clock;
        this.account = new User(b.accountId, b.username, b.username, 1_000, true);
        this.consumerKey = b.consumerKey;
        this.consumerSecret = b.consumerSecret;
        this.oauth1Token = b.oauth1Token;
        this.oauth1TokenSecret = b.oauth1TokenSecret;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenLifetime = b.tokenLifetime;
        users.put(account.id(), account);
        rotateTokens();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the X emulator on 127.0.0.1", e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "x-api-emulator");
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

    /** {@code http://127.0.0.1:<port>/}: the adapter's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public User account() {
        return account;
    }

    public String consumerKey() {
        return consumerKey;
    }

    public String consumerSecret() {
        return consumerSecret;
    }

    public String oauth1Token() {
        return oauth1Token;
    }

    public String oauth1TokenSecret() {
        return oauth1TokenSecret;
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret;
    }

    /** The current OAuth 2.0 access token. */
    public synchronized String accessToken() {
        return accessToken;
    }

    public synchronized Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    /** The current refresh token (it changes with every refresh). */
    public synchronized String refreshToken() {
        return refreshToken;
    }

    /** The current access token stops working at once (as when it expires); a refresh mints a new one. */
    public synchronized void expireAccessToken() {
        accessTokenExpiresAt = clock.instant().minusSeconds(1);
    }

    /** Refresh requests are refused from now on (the user revoked the app). */
    public synchronized void revokeRefreshToken() {
        refreshRevoked = true;
    }

    // ------------------------------------------------------------------ seeding

    /** Registers (or replaces) a user. */
    public synchronized User user(String id, String username, String name, long followers, boolean verified) {
        User u = new User(id, username, name, followers, verified);
        users.put(id, u);
        return u;
    }

    /** A post by {@code author} mentioning the account, now; returns its id. */
    public String mention(User author, String text) {
        return mentionAt(author, text, clock.instant());
    }

    /** A post by {@code author} mentioning the account at {@code at}; returns its id. */
    public synchronized String mentionAt(User author, String text, Instant at) {
        return addPost(author, "@" + account.username() + " " + text, at, Optional.empty());
    }

    /**
     * A mention served without its {@code author_id} (a broken item, to test that a client dead-letters what it
     * cannot read); returns its id.
     */
    public synchronized String mentionWithoutAuthor(String text, Instant at) {
        String id = mentionAt(user("1900000000000000999", "ghost", "ghost", 0, false), text, at);
        withoutAuthor.add(id);
        return id;
    }

    /**
     * A post by {@code author} mentioning the account at {@code at}, in language {@code lang} (a BCP 47 tag as X
     * detects it, e.g. {@code es}; the other posts say {@code en}); returns its id.
     */
    public synchronized String mentionAt(User author, String text, Instant at, String lang) {
        if (lang == null || !lang.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            throw new IllegalArgumentException("lang must be a language tag like 'es' but was '" + lang + "'");
        }
        String id = mentionAt(author, text, at);
        langs.put(id, lang);
        return id;
    }

    /** A reply by {@code author} to post {@code parentId} (which mentions the account); returns its id. */
    public synchronized String replyTo(User author, String parentId, String text) {
        return addPost(author, "@" + account.username() + " " + text, clock.instant(), Optional.of(parentId));
    }

    /** A post of the bank's own account that mentions itself (it shows in its mentions); returns its id. */
    public synchronized String ownPost(String text) {
        return addPost(account, "@" + account.username() + " " + text, clock.instant(), Optional.empty());
    }

    /**
     * A post of the bank's own account, now, from the client app {@code appName} (the post's {@code source}
     * field, e.g. an app the bank never approved), mentioning itself at the end so it shows among its mentions;
     * returns its id.
     */
    public synchronized String ownPostFromApp(String text, String appName) {
        if (appName == null || appName.isBlank()) {
            throw new IllegalArgumentException("appName must name the client app but was '" + appName + "'");
        }
        String id = addPost(account, text + " @" + account.username(), clock.instant(), Optional.empty());
        sources.put(id, appName);
        return id;
    }

    /**
     * Burns {@code n} ids, so the next ids leave a gap (deleted or protected posts; or, with several emulators,
     * an id range per account: X ids are global).
     */
    public synchronized void skipIds(long n) {
        if (n < 0 || n > Long.MAX_VALUE - nextId) {
            throw new IllegalArgumentException("cannot skip " + n + " ids after " + nextId);
        }
        nextId += n;
    }

    /** A DM from {@code customer} to the account at {@code at}; returns the event id. */
    public synchronized String directMessageFrom(User customer, String text, Instant at) {
        users.putIfAbsent(customer.id(), customer);
        DmEvent e = new DmEvent(newId(), customer.id(), account.id(), text, at.truncatedTo(ChronoUnit.MILLIS));
        dms.add(e);
        return e.id();
    }

    /** A DM from the account to {@code customer} (sent from another app); returns the event id. */
    public synchronized String directMessageTo(User customer, String text) {
        users.putIfAbsent(customer.id(), customer);
        DmEvent e = new DmEvent(
                newId(), account.id(), customer.id(), text, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        dms.add(e);
        return e.id();
    }

    private String addPost(User author, String text, Instant at, Optional<String> inReplyTo) {
        users.putIfAbsent(author.id(), author);
        String id = newId();
        String conversation = inReplyTo
                .flatMap(p -> posts.stream().filter(x -> x.id().equals(p)).findFirst())
                .map(Post::conversationId)
                .orElse(inReplyTo.orElse(id));
        posts.add(new Post(id, author.id(), text, at.truncatedTo(ChronoUnit.MILLIS), inReplyTo, conversation));
        return id;
    }

    private String newId() {
        return Long.toString(nextId++);
    }

    // ------------------------------------------------------------------ reading back

    /** Posts published through {@code POST /2/tweets}, oldest first. */
    public synchronized List<Post> publishedPosts() {
        return List.copyOf(published);
    }

    /** DMs sent through {@code POST /2/dm_conversations/with/{id}/messages}, oldest first. */
    public synchronized List<DmEvent> sentDirectMessages() {
        return List.copyOf(sent);
    }

    /** Every request answered, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next writes (POST or DELETE under {@code /2/}) are done, but their answers are lost as each says. */
    public synchronized void loseNextAnswers(LostAnswer... next) {
        lostAnswers.addAll(List.of(next));
    }

    /** Fails the next {@code /2/} call (not the token endpoint) with {@code fault}. */
    public synchronized void failNext(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    // ------------------------------------------------------------------ X Activity API webhooks

    /** {@code post.mention.create} for the stored post {@code postId}, for the account's subscription. */
    public synchronized String activityMention(String postId) {
        return activity(
                "post.mention.create", "mentions", postEnvelopePayload(post(postId)), includesFor(post(postId)));
    }

    /** {@code post.create} for a stored post of the account (its own post). */
    public synchronized String activityOwnPost(String postId) {
        return activity("post.create", "posts", postEnvelopePayload(post(postId)), includesFor(post(postId)));
    }

    /** {@code post.delete} of the stored post {@code postId}. */
    public synchronized String activityDelete(String postId) {
        Post p = post(postId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", p.id());
        payload.put("author_id", p.authorId());
        return activity("post.delete", "post-deletes", payload, Map.of());
    }

    /** {@code dm.received} or {@code dm.sent} (by sender) for the stored DM event {@code eventId}. */
    public synchronized String activityDirectMessage(String eventId) {
        DmEvent e = dms.stream()
                .filter(d -> d.id().equals(eventId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no DM event " + eventId));
        Map<String, Object> messageData = new LinkedHashMap<>();
        messageData.put("text", e.text());
        messageData.put(
                "entities",
                Map.of("hashtags", List.of(), "symbols", List.of(), "user_mentions", List.of(), "urls", List.of()));
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("target", Map.of("recipient_id", e.recipientId()));
        create.put("sender_id", e.senderId());
        create.put("message_data", messageData);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message_create");
        event.put("id", e.id());
        event.put("created_timestamp", Long.toString(e.createdAt().toEpochMilli()));
        event.put("message_create", create);
        Map<String, Object> userMap = new LinkedHashMap<>();
        for (String id : List.of(e.senderId(), e.recipientId())) {
            Optional.ofNullable(users.get(id)).ifPresent(u -> userMap.put(id, Map.of("data", userJson(u))));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("direct_message_events", List.of(event));
        payload.put("users", userMap);
        boolean sentByAccount = e.senderId().equals(account.id());
        return activity(
                sentByAccount ? "dm.sent" : "dm.received",
                sentByAccount ? "dm-outbound" : "dm-inbound",
                payload,
                Map.of());
    }

    /** {@code sha256=<base64 HMAC-SHA256(body, consumer secret)>}: X's {@code x-twitter-webhooks-signature}. */
    public String webhookSignature(String body) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmac("HmacSHA256", consumerSecret, body));
    }

    /**
     * POSTs {@code body}, signed, to a webhook on this machine, as X delivers XAA events, and returns the HTTP
     * status. Only 127.0.0.1 / localhost targets are allowed.
     */
    public int deliver(URI webhook, String body) {
        String host = webhook.getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host))) {
            throw new IllegalArgumentException("the emulator delivers only to 127.0.0.1 but was asked for " + host);
        }
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(webhook)
                                    .header("Content-Type", "application/json")
                                    .header("x-twitter-webhooks-signature", webhookSignature(body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("delivery to " + webhook + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("delivery interrupted", e);
        }
    }

    private String activity(String type, String tag, Map<String, Object> payload, Map<String, Object> includes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_uuid", newId());
        data.put("filter", Map.of("user_id", account.id()));
        data.put("event_type", type);
        data.put("tag", tag);
        data.put("payload", payload);
        if (!includes.isEmpty()) {
            data.put("includes", includes);
        }
        return write(Map.of("data", data));
    }

    private Map<String, Object> postEnvelopePayload(Post p) {
        return postJson(p);
    }

    private Map<String, Object> includesFor(Post p) {
        List<Object> u = new ArrayList<>();
        Optional.ofNullable(users.get(p.authorId())).ifPresent(x -> u.add(userJson(x)));
        if (!p.authorId().equals(account.id())) {
            u.add(userJson(account));
        }
        return Map.of("users", u, "tweets", List.of(postJson(p)));
    }

    private Post post(String id) {
        return posts.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no post " + id));
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
            byte[] body = readBody(ex.getRequestBody());
            Answer a;
            LostAnswer lost = null;
            synchronized (this) {
                requests.add(new Request(method, path, query));
                a = answer(ex, method, path, query, body);
                if (!method.equals("GET") && path.startsWith("/2/") && !path.equals("/2/oauth2/token")) {
                    lost = lostAnswers.poll();
                }
            }
            if (lost != null) {
                if (lost.delay().isZero()) {
                    return; // closing the exchange before any response header drops the connection
                }
                try {
                    Thread.sleep(lost.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            a.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = a.body == null ? new byte[0] : write(a.body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(a.status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private record Answer(int status, Map<String, String> headers, Object body) {
        static Answer of(int status, Object body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private Answer answer(HttpExchange ex, String method, String path, String rawQuery, byte[] body) {
        if (path.equals("/2/oauth2/token") && method.equals("POST")) {
            return token(ex, new String(body, StandardCharsets.UTF_8));
        }
        if (!path.startsWith("/2/")) {
            return Answer.of(404, problem("Not Found", "no such endpoint " + path, 404));
        }
        Optional<String> authProblem = authenticate(ex, method, path, rawQuery);
        if (authProblem.isPresent()) {
            return Answer.of(401, problem("Unauthorized", "Unauthorized", 401));
        }
        Fault fault = faults.poll();
        if (fault != null) {
            return new Answer(fault.status(), fault.headers(), fault.body());
        }
        Map<String, String> q = query(rawQuery);
        Map<String, String> limits = Map.of(
                "x-rate-limit-limit", "300",
                "x-rate-limit-remaining", Integer.toString(Math.max(0, 300 - requests.size())),
                "x-rate-limit-reset",
                        Long.toString(clock.instant().plusSeconds(900).getEpochSecond()));
        Optional<Answer> unknownField = fields(q, path.equals("/2/dm_events") ? DM_EXPANSIONS : TWEET_EXPANSIONS);
        if (unknownField.isPresent()) {
            return unknownField.get();
        }
        Answer a;
        Matcher m;
        if (method.equals("GET") && (m = MENTIONS.matcher(path)).matches()) {
            a = mentions(m.group(1), q);
        } else if (method.equals("GET") && (m = USER_TWEETS.matcher(path)).matches()) {
            a = userTweets(m.group(1), q);
        } else if (method.equals("GET") && path.equals("/2/dm_events")) {
            a = dmEvents(q);
        } else if (method.equals("POST") && path.equals("/2/tweets")) {
            a = createPost(body);
        } else if (method.equals("POST") && (m = DM_SEND.matcher(path)).matches()) {
            a = sendDm(m.group(1), body);
        } else if (method.equals("DELETE") && (m = TWEET.matcher(path)).matches()) {
            a = deletePost(m.group(1));
        } else {
            a = Answer.of(404, problem("Not Found", "no such endpoint " + method + " " + path, 404));
        }
        return new Answer(a.status, limits, a.body);
    }

    private Answer mentions(String userId, Map<String, String> q) {
        if (!userId.equals(account.id())) {
            return Answer.of(
                    403, problem("Forbidden", "You can only read the mentions of the authenticated user.", 403));
        }
        Optional<Answer> bad = maxResults(q, 5, 100);
        if (bad.isPresent()) {
            return bad.get();
        }
        return timeline(posts, q);
    }

    private Answer timeline(List<Post> source, Map<String, String> q) {
        Optional<Answer> bad = maxResults(q, 5, 100);
        if (bad.isPresent()) {
            return bad.get();
        }
        int max = Integer.parseInt(q.getOrDefault("max_results", "10"));
        long since = Long.parseLong(q.getOrDefault("since_id", "0"));
        long until = Long.parseLong(q.getOrDefault("until_id", Long.toString(Long.MAX_VALUE)));
        if (q.containsKey("pagination_token")) {
            until = Math.min(until, Long.parseLong(q.get("pagination_token").substring(1)));
        }
        long u = until;
        List<Post> matching = source.stream()
                .filter(p -> Long.parseLong(p.id()) > since && Long.parseLong(p.id()) < u)
                .sorted(Comparator.comparingLong((Post p) -> Long.parseLong(p.id()))
                        .reversed())
                .toList();
        List<Post> page = matching.subList(0, Math.min(max, matching.size()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        Map<String, Object> out = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            out.put("data", page.stream().map(this::postJson).toList());
            List<Object> us = new ArrayList<>();
            page.stream().map(Post::authorId).distinct().forEach(a -> Optional.ofNullable(users.get(a))
                    .ifPresent(x -> us.add(userJson(x))));
            out.put("includes", Map.of("users", us));
            meta.put("newest_id", page.get(0).id());
            meta.put("oldest_id", page.get(page.size() - 1).id());
            if (matching.size() > page.size()) {
                meta.put("next_token", "p" + page.get(page.size() - 1).id());
            }
        }
        out.put("meta", meta);
        return Answer.of(200, out);
    }

    /** The account's own posts (published through the API or added as its own), newest first, as mentions page. */
    private Answer userTweets(String userId, Map<String, String> q) {
        if (!userId.equals(account.id())) {
            return Answer.of(404, problem("Not Found", "the emulator serves only the account's own posts", 404));
        }
        List<Post> own = new ArrayList<>(published);
        posts.stream().filter(p -> p.authorId().equals(account.id())).forEach(own::add);
        return timeline(own, q);
    }

    private Answer dmEvents(Map<String, String> q) {
        Optional<Answer> bad = maxResults(q, 1, 100);
        if (bad.isPresent()) {
            return bad.get();
        }
        int max = Integer.parseInt(q.getOrDefault("max_results", "100"));
        long before = q.containsKey("pagination_token")
                ? Long.parseLong(q.get("pagination_token").substring(1))
                : Long.MAX_VALUE;
        List<DmEvent> all = new ArrayList<>(dms);
        all.addAll(sent);
        List<DmEvent> matching = all.stream()
                .filter(e -> Long.parseLong(e.id()) < before)
                .sorted(Comparator.comparingLong((DmEvent e) -> Long.parseLong(e.id()))
                        .reversed())
                .toList();
        List<DmEvent> page = matching.subList(0, Math.min(max, matching.size()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        Map<String, Object> out = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            List<Object> data = new ArrayList<>();
            for (DmEvent e : page) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("id", e.id());
                j.put("event_type", "MessageCreate");
                j.put("text", e.text());
                j.put("sender_id", e.senderId());
                j.put("dm_conversation_id", conversationId(e.senderId(), e.recipientId()));
                j.put("created_at", ISO.format(e.createdAt()));
                data.add(j);
            }
            out.put("data", data);
            List<Object> us = new ArrayList<>();
            page.stream().map(DmEvent::senderId).distinct().forEach(a -> Optional.ofNullable(users.get(a))
                    .ifPresent(x -> us.add(userJson(x))));
            out.put("includes", Map.of("users", us));
            if (matching.size() > page.size()) {
                meta.put("next_token", "d" + page.get(page.size() - 1).id());
            }
        }
        out.put("meta", meta);
        return Answer.of(200, out);
    }

    private Answer createPost(byte[] body) {
        JsonNode j = readJson(body);
        if (j == null || !j.path("text").isTextual()) {
            return Answer.of(
                    400, problem("Invalid Request", "One or more parameters to your request was invalid.", 400));
        }
        String text = j.get("text").asText();
        if (published.stream().anyMatch(p -> p.text().equals(text))) {
            return Answer.of(403, Fault.duplicate().body());
        }
        Optional<String> parent = j.path("reply").path("in_reply_to_tweet_id").isTextual()
                ? Optional.of(j.path("reply").get("in_reply_to_tweet_id").asText())
                : Optional.empty();
        String id = newId();
        Post p = new Post(
                id, account.id(), text, clock.instant().truncatedTo(ChronoUnit.MILLIS), parent, parent.orElse(id));
        published.add(p);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("text", text);
        data.put("edit_history_tweet_ids", List.of(id));
        return Answer.of(201, Map.of("data", data));
    }

    private Answer sendDm(String participant, byte[] body) {
        JsonNode j = readJson(body);
        if (j == null || !j.path("text").isTextual()) {
            return Answer.of(
                    400, problem("Invalid Request", "One or more parameters to your request was invalid.", 400));
        }
        DmEvent e = new DmEvent(
                newId(),
                account.id(),
                participant,
                j.get("text").asText(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        sent.add(e);
        return Answer.of(
                201,
                Map.of(
                        "data",
                        Map.of(
                                "dm_conversation_id",
                                conversationId(account.id(), participant),
                                "dm_event_id",
                                e.id())));
    }

    private Answer deletePost(String id) {
        boolean removed = published.removeIf(p -> p.id().equals(id)) | posts.removeIf(p -> p.id().equals(id));
        return Answer.of(200, Map.of("data", Map.of("deleted", removed)));
    }

    private Answer token(HttpExchange ex, String form) {
        Map<String, String> f = query(form);
        Optional<String> basic = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"));
        boolean clientOk = clientId.equals(f.get("client_id"))
                && (clientSecret.isEmpty()
                        || basic.equals(Optional.of("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + clientSecret.get())
                                                .getBytes(StandardCharsets.UTF_8)))));
        if (!"refresh_token".equals(f.get("grant_type"))
                || !clientOk
                || refreshRevoked
                || !refreshToken.equals(f.get("refresh_token"))) {
            return Answer.of(
                    400,
                    Map.of("error", "invalid_request", "error_description", "Value passed for the token was invalid."));
        }
        rotateTokens();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "bearer");
        out.put("expires_in", tokenLifetime.toSeconds());
        out.put("access_token", accessToken);
        out.put("scope", "tweet.read tweet.write users.read dm.read dm.write offline.access");
        out.put("refresh_token", refreshToken);
        return Answer.of(200, out);
    }

    private void rotateTokens() {
        tokenGeneration++;
        accessToken = "emulator-access-" + tokenGeneration + "-" + Long.toHexString(System.nanoTime());
        refreshToken = "emulator-refresh-" + tokenGeneration + "-" + Long.toHexString(System.nanoTime());
        accessTokenExpiresAt = clock.instant().plus(tokenLifetime);
    }

    private Optional<String> authenticate(HttpExchange ex, String method, String path, String rawQuery) {
        String h = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        if (h.startsWith("Bearer ")) {
            if (!h.substring(7).equals(accessToken)) {
                return Optional.of("unknown bearer token");
            }
            return clock.instant().isBefore(accessTokenExpiresAt) ? Optional.empty() : Optional.of("expired");
        }
        if (h.startsWith("OAuth ")) {
            return verifyOAuth1(h.substring(6), method, path, rawQuery);
        }
        return Optional.of("no Authorization");
    }

    private Optional<String> verifyOAuth1(String header, String method, String path, String rawQuery) {
        Map<String, String> oauth = new TreeMap<>();
        for (String part : header.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.endsWith("\"") && p.charAt(eq + 1) == '"') {
                oauth.put(decode(p.substring(0, eq)), decode(p.substring(eq + 2, p.length() - 1)));
            }
        }
        if (!consumerKey.equals(oauth.get("oauth_consumer_key"))
                || !oauth1Token.equals(oauth.get("oauth_token"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return Optional.of("bad oauth parameters");
        }
        List<String> params = new ArrayList<>();
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                params.add(encode(k) + "=" + encode(v));
            }
        });
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.add(encode(decode(eq < 0 ? pair : pair.substring(0, eq))) + "="
                        + encode(eq < 0 ? "" : decode(pair.substring(eq + 1))));
            }
        }
        params.sort(Comparator.naturalOrder());
        String base =
                method + "&" + encode(baseUrl().replaceAll("/$", "") + path) + "&" + encode(String.join("&", params));
        String expected = Base64.getEncoder()
                .encodeToString(hmac("HmacSHA1", encode(consumerSecret) + "&" + encode(oauth1TokenSecret), base));
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        Optional.ofNullable(oauth.get("oauth_signature"))
                                .orElse("")
                                .getBytes(StandardCharsets.UTF_8))
                ? Optional.empty()
                : Optional.of("signature mismatch");
    }

    // ------------------------------------------------------------------ JSON shapes

    private Map<String, Object> postJson(Post p) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", p.id());
        if (!withoutAuthor.contains(p.id())) {
            j.put("author_id", p.authorId());
        }
        j.put("conversation_id", p.conversationId());
        j.put("created_at", ISO.format(p.createdAt()));
        j.put("edit_history_tweet_ids", List.of(p.id()));
        int cps = p.text().codePointCount(0, p.text().length());
        if (cps > 280) {
            int end = p.text().offsetByCodePoints(0, 279);
            j.put("text", p.text().substring(0, end) + "\u2026");
            j.put("note_tweet", Map.of("text", p.text()));
        } else {
            j.put("text", p.text());
        }
        j.put("lang", langs.getOrDefault(p.id(), "en"));
        Optional.ofNullable(sources.get(p.id())).ifPresent(app -> j.put("source", app));
        p.inReplyTo().ifPresent(r -> j.put("referenced_tweets", List.of(Map.of("type", "replied_to", "id", r))));
        int mentionAt = Math.max(0, p.text().indexOf("@" + account.username()));
        j.put(
                "entities",
                Map.of(
                        "mentions",
                        List.of(Map.of(
                                "start",
                                mentionAt,
                                "end",
                                mentionAt + account.username().length() + 1,
                                "username",
                                account.username(),
                                "id",
                                account.id()))));
        return j;
    }

    private static Map<String, Object> userJson(User u) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", u.id());
        j.put("name", u.name());
        j.put("username", u.username());
        j.put("verified", u.verified());
        j.put("verified_type", u.verified() ? "blue" : "none");
        j.put(
                "public_metrics",
                Map.of("followers_count", u.followers(), "following_count", 10, "tweet_count", 100, "listed_count", 0));
        return j;
    }

    private static String conversationId(String a, String b) {
        return Long.parseLong(a) < Long.parseLong(b) ? a + "-" + b : b + "-" + a;
    }

    static Map<String, Object> problem(String title, String detail, int status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("detail", detail);
        p.put("type", "about:blank");
        p.put("status", status);
        return p;
    }

    private static Optional<Answer> fields(Map<String, String> q, java.util.Set<String> expansions) {
        for (Map.Entry<String, String> e : q.entrySet()) {
            java.util.Set<String> allowed = e.getKey().equals("expansions") ? expansions : KNOWN.get(e.getKey());
            if (allowed == null) {
                continue;
            }
            for (String v : e.getValue().split(",")) {
                if (!allowed.contains(v)) {
                    return Optional.of(Answer.of(
                            400,
                            problem(
                                    "Invalid Request",
                                    "The `" + e.getKey() + "` query parameter value [" + v + "] is not one of "
                                            + new java.util.TreeSet<>(allowed),
                                    400)));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Answer> maxResults(Map<String, String> q, int min, int max) {
        String v = q.get("max_results");
        if (v == null) {
            return Optional.empty();
        }
        if (!v.matches("\\d{1,3}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            return Optional.of(Answer.of(
                    400,
                    problem(
                            "Invalid Request",
                            "The `max_results` query parameter value [" + v + "] is not between " + min + " and " + max,
                            400)));
        }
        return Optional.empty();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(1_000_000);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "XApiEmulator[" + baseUrl() + ", account " + account.id() + "]";
    }

    /**
     * Configures an {@link XApiEmulator}. Defaults: account {@code 1900000000000000000} "bankcare", fixed test
     * credentials, OAuth 2.0 tokens living two hours, the system clock. Not thread-safe.
     */
    public static final class Builder {
        private String accountId = "1900000000000000000";
        private String username = "bankcare";
        private String consumerKey = "emulator-consumer-key";
        private String consumerSecret = "emulator-consumer-secret";
        private String oauth1Token = "1900000000000000000-emulator-token";
        private String oauth1TokenSecret = "emulator-token-secret";
        private String clientId = "emulator-client-id";
        private Optional<String> clientSecret = Optional.of("emulator-client-secret");
        private Duration tokenLifetime = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The bank's account: numeric id and username. */
        public Builder account(String id, String username) {
            if (id == null || !id.matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException("account id must be numeric but was '" + id + "'");
            }
            this.accountId = id;
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        /** A public OAuth 2.0 client (no client secret; refresh without HTTP Basic). */
        public Builder publicClient() {
            this.clientSecret = Optional.empty();
            return this;
        }

        /** How long minted access tokens live. */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public XApiEmulator start() {
            return new XApiEmulator(this);
        }
    }
}
