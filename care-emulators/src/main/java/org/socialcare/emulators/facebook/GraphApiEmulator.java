package org.socialcare.emulators.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.socialcare.adapter.support.HmacSha256;

/**
 * A local stand-in for the parts of Facebook's Graph API the adapter uses, served by the JDK's HTTP server on
 * 127.0.0.1 (a free port), so tests and the demo run the real restfb client over HTTP without the network.
 *
 * <p>Serves: {@code GET /{page}/feed} (since, limit, after cursor, newest first), {@code GET /{post}/comments}
 * (top level, or every level with {@code filter=stream}, oldest first, replies carry {@code parent}),
 * {@code GET /{comment}/comments}, {@code GET /{comment}} (a reply names its first-level {@code parent}), {@code GET /{post}}, {@code POST /{post-or-comment}/comments}, {@code POST /{page}/messages} (Send
 * API to a PSID inside the 24-hour window, or a private reply to a comment, once per comment: error 10900 after),
 * {@code POST /{comment}} with {@code is_hidden}, {@code DELETE /{post}}, {@code GET /{page}/conversations}
 * (optionally only the one with {@code user_id}) and {@code GET /{conversation}/messages}. It checks the page
 * token (Authorization header or {@code access_token}) and {@code appsecret_proof}, records every request
 * (without the token), and can be told to fail the next calls with Graph errors ({@link Fault}) or to lose the
 * answer of the next writes after doing them ({@link #loseNextAnswers}).
 *
 * <p>Point an adapter at it with {@link #baseUrl()}, {@link #pageId()}, {@link #pageToken()} and {@link
 * #appSecret()}; it knows nothing of the adapter. JSON is read and written with Jackson.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class GraphApiEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String pageId;
    private final String pageName;
    private final String token;
    private final String appSecret;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, Instant> lastCustomerMessage = new LinkedHashMap<>();
    private final Map<String, String> privateReplies = new LinkedHashMap<>();
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<ArmedFault> faults = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile boolean tokenExpired;

    private GraphApiEmulator(String pageId, String pageName, String token, String appSecret, Clock clock)
            throws IOException {
        this.pageId = pageId;
        this.pageName = pageName;
        this.token = token;
        this.appSecret = appSecret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "graph-api-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts an emulator for one page that accepts {@code pageToken} and checks {@code appsecret_proof} against
     * {@code appSecret}.
     *
     * @throws IOException if the local server cannot start
     */
    public static GraphApiEmulator start(
            String pageId, String pageName, String pageToken, String appSecret, Clock clock) throws IOException {
        return new GraphApiEmulator(
                Objects.requireNonNull(pageId, "pageId"),
                Objects.requireNonNull(pageName, "pageName"),
                Objects.requireNonNull(pageToken, "pageToken"),
                Objects.requireNonNull(appSecret, "appSecret"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** The base URL to give the adapter's {@code graphBaseUrl}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String pageId() {
        return pageId;
    }

    /** The page access token the emulator accepts. */
    public String pageToken() {
        return token;
    }

    /** The app secret {@code appsecret_proof} is checked with. */
    public String appSecret() {
        return appSecret;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ seeding

    /** Adds a post to the page's feed by {@code fromId} (the page id for the page's own posts); returns its id. */
    public String addPost(String fromId, String fromName, String message, Instant createdAt) {
        synchronized (lock) {
            String id = pageId + "_" + ids.incrementAndGet();
            posts.put(id, new Post(id, fromId, fromName, message, createdAt));
            return id;
        }
    }

    /** Adds a comment on {@code postId}, or a reply when {@code parentCommentId} is given; returns its id. */
    public String addComment(
            String postId,
            Optional<String> parentCommentId,
            String fromId,
            String fromName,
            String message,
            Instant createdAt) {
        synchronized (lock) {
            if (!posts.containsKey(postId)) {
                throw new IllegalArgumentException("no post " + postId);
            }
            parentCommentId.ifPresent(p -> {
                if (!comments.containsKey(p)) {
                    throw new IllegalArgumentException("no comment " + p);
                }
            });
            String id = postId.substring(postId.indexOf('_') + 1) + "_" + ids.incrementAndGet();
            comments.put(
                    id,
                    new Comment(
                            id,
                            postId,
                            parentCommentId,
                            parentCommentId.orElse(postId),
                            fromId,
                            fromName,
                            message,
                            createdAt));
            return id;
        }
    }

    /** Adds a Messenger message from a customer (PSID) to the page, opening their 24-hour window; returns its id. */
    public String addCustomerMessage(String psid, String name, String message, Instant createdAt) {
        synchronized (lock) {
            Conversation c = conversations.computeIfAbsent("t_" + psid, id -> new Conversation(id, psid, name));
            String mid = "m_" + ids.incrementAndGet();
            c.messages.add(new InboxMessage(mid, psid, name, message, createdAt));
            lastCustomerMessage.merge(psid, createdAt, (a, b) -> a.isAfter(b) ? a : b);
            return mid;
        }
    }

    // ------------------------------------------------------------------ faults

    /** A Graph failure to answer with. */
    public record Fault(
            int httpStatus,
            int code,
            Optional<Integer> subcode,
            String type,
            String message,
            boolean isTransient,
            Map<String, String> headers) {

        /** Rate limit {@code code} (4, 17, 32, 613) whose usage headers say access returns in {@code regain}. */
        public static Fault rateLimited(int code, Duration regain) {
            String buc =
                    "{\"" + "1" + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":40,\"total_time\":60,"
                            + "\"estimated_time_to_regain_access\":" + regain.toMinutes() + "}]}";
            return new Fault(
                    400,
                    code,
                    Optional.empty(),
                    "OAuthException",
                    "(#" + code + ") Application request limit reached",
                    false,
                    Map.of(
                            "X-Business-Use-Case-Usage",
                            buc,
                            "X-App-Usage",
                            "{\"call_count\":100,\"total_cputime\":40,\"total_time\":60}"));
        }

        /** Error 190 / 463: the page token expired. */
        public static Fault tokenExpired() {
            return new Fault(
                    400,
                    190,
                    Optional.of(463),
                    "OAuthException",
                    "Error validating access token: Session has expired on Tuesday, 01-Jan-19 00:00:00 PST.",
                    false,
                    Map.of());
        }

        /** Error 10: the app lacks a permission. */
        public static Fault permission() {
            return new Fault(
                    403,
                    10,
                    Optional.empty(),
                    "OAuthException",
                    "(#10) Application does not have permission for this action",
                    false,
                    Map.of());
        }

        /** Error 100: invalid parameter. */
        public static Fault invalidParameter() {
            return new Fault(400, 100, Optional.empty(), "OAuthException", "(#100) Invalid parameter", false, Map.of());
        }

        /** HTTP 500 with error 2, {@code is_transient: true}. */
        public static Fault transientServerError() {
            return new Fault(
                    500,
                    2,
                    Optional.empty(),
                    "OAuthException",
                    "An unexpected error has occurred. Please retry your request later.",
                    true,
                    Map.of());
        }
    }

    private record ArmedFault(Predicate<String> path, Fault fault) {}

    /** The next request whose path contains {@code pathPart} fails with {@code fault} (once per call of this method). */
    public void failNext(String pathPart, Fault fault) {
        synchronized (lock) {
            faults.add(new ArmedFault(p -> p.contains(pathPart), fault));
        }
    }

    /** The next request, whatever it is, fails with {@code fault}. */
    /**
     * Facebook accepts and stores a write (a comment, a message) but its answer never reaches the client: held back
     * for {@code delay} (past the client's read timeout), or the connection dropped without a response when
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

    private final java.util.Deque<LostAnswer> lostAnswers = new java.util.ArrayDeque<>();

    /** The next POST or DELETE calls are done (stored), but their answers are lost as each says. */
    public void loseNextAnswers(LostAnswer... next) {
        synchronized (lock) {
            lostAnswers.addAll(List.of(next));
        }
    }

    public void failNext(Fault fault) {
        synchronized (lock) {
            faults.add(new ArmedFault(p -> true, fault));
        }
    }

    /** From now on every call fails with error 190 (expired token), until {@link #renewToken()}. */
    public void expireToken() {
        tokenExpired = true;
    }

    public void renewToken() {
        tokenExpired = false;
    }

    // ------------------------------------------------------------------ what it saw

    /** A request as received: method, path (without the version prefix), parameters (never the access token). */
    public record RecordedRequest(
            String method,
            String path,
            Map<String, String> params,
            boolean tokenInHeader,
            boolean appSecretProofValid) {}

    /** A message the page sent through the Send API: to a PSID or as a private reply to a comment. */
    public record SentMessage(
            String messageId,
            Optional<String> recipientId,
            Optional<String> commentId,
            String text,
            Optional<String> messagingType) {}

    /** A comment as the emulator holds it. */
    public record CommentView(
            String id,
            String postId,
            Optional<String> parentId,
            Optional<String> repliedTo,
            String fromId,
            String message,
            boolean hidden) {}

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    public List<CommentView> comments() {
        synchronized (lock) {
            return comments.values().stream()
                    .map(c -> new CommentView(
                            c.id, c.postId, c.parentId, Optional.of(c.repliedTo), c.fromId, c.message, c.hidden))
                    .toList();
        }
    }

    /** The page's own comments (public replies), in creation order. */
    public List<CommentView> pageComments() {
        return comments().stream().filter(c -> c.fromId().equals(pageId)).toList();
    }

    public Optional<CommentView> comment(String id) {
        return comments().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean postExists(String id) {
        synchronized (lock) {
            return posts.containsKey(id);
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            Map<String, String> params =
                    new LinkedHashMap<>(parseQuery(ex.getRequestURI().getRawQuery()));
            if (method.equals("POST")) {
                try (InputStream in = ex.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (!body.isBlank() && !body.trim().startsWith("{")) {
                        params.putAll(parseQuery(body));
                    }
                }
            }
            String path = rawPath.replaceFirst("^/v\\d+\\.\\d+", "");
            String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                    .orElse("");
            String givenToken = auth.startsWith("Bearer ")
                    ? auth.substring(7)
                    : auth.startsWith("OAuth ") ? auth.substring(6) : params.get("access_token");
            String proof = params.get("appsecret_proof");
            boolean proofValid = givenToken != null
                    && proof != null
                    && MessageDigest.isEqual(
                            proof.getBytes(StandardCharsets.UTF_8),
                            hmac(appSecret, givenToken).getBytes(StandardCharsets.UTF_8));
            Map<String, String> recorded = new LinkedHashMap<>(params);
            recorded.remove("access_token");
            requests.add(new RecordedRequest(method, path, Map.copyOf(recorded), !auth.isEmpty(), proofValid));

            Answer answer;
            if (givenToken == null
                    || !MessageDigest.isEqual(
                            givenToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                answer = error(new Fault(
                        400,
                        190,
                        Optional.empty(),
                        "OAuthException",
                        "Invalid OAuth access token - Cannot parse access token",
                        false,
                        Map.of()));
            } else if (tokenExpired) {
                answer = error(Fault.tokenExpired());
            } else if (!proofValid) {
                answer = error(new Fault(
                        400,
                        100,
                        Optional.empty(),
                        "GraphMethodException",
                        "API calls from the server require an appsecret_proof argument",
                        false,
                        Map.of()));
            } else {
                Optional<Fault> fault = takeFault(path);
                answer = fault.isPresent() ? error(fault.get()) : route(method, path, params);
            }
            LostAnswer lost = null;
            if (!method.equals("GET")) {
                synchronized (lock) {
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
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            ex.getResponseHeaders().set("Facebook-API-Version", "v24.0");
            answer.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(answer.status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            byte[] bytes = ("{\"error\":{\"message\":\"emulator failure: "
                            + e.getClass().getSimpleName()
                            + "\",\"type\":\"OAuthException\",\"code\":1,\"is_transient\":true}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Optional<Fault> takeFault(String path) {
        synchronized (lock) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                ArmedFault f = it.next();
                if (f.path.test(path)) {
                    it.remove();
                    return Optional.of(f.fault);
                }
            }
            return Optional.empty();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {}

    private static Answer ok(JsonNode body) {
        return new Answer(200, write(body), Map.of());
    }

    private static Answer error(Fault f) {
        ObjectNode e = obj("message", f.message, "type", f.type, "code", f.code);
        f.subcode.ifPresent(s -> e.put("error_subcode", s));
        if (f.isTransient) {
            e.put("is_transient", true);
        }
        e.put("fbtrace_id", "Aemu" + Long.toHexString(System.nanoTime()));
        return new Answer(f.httpStatus, write(obj("error", e)), f.headers);
    }

    private static Answer notFound(String id, String method) {
        return error(new Fault(
                400,
                100,
                Optional.of(33),
                "GraphMethodException",
                "Unsupported " + method.toLowerCase() + " request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation",
                false,
                Map.of()));
    }

    private Answer route(String method, String path, Map<String, String> params) {
        String[] parts = path.replaceFirst("^/", "").split("/");
        synchronized (lock) {
            if (method.equals("GET") && parts.length == 2 && parts[0].equals(pageId) && parts[1].equals("feed")) {
                return ok(page(
                        posts.values().stream()
                                .filter(p -> sinceOk(p.createdAt, params))
                                .sorted(Comparator.comparing((Post p) -> p.createdAt)
                                        .reversed())
                                .map(this::postJson)
                                .toList(),
                        params,
                        path));
            }
            if (method.equals("GET") && parts.length == 2 && parts[1].equals("comments")) {
                String target = parts[0];
                List<Comment> list;
                if (posts.containsKey(target)) {
                    boolean stream = "stream".equals(params.get("filter"));
                    list = comments.values().stream()
                            .filter(c -> c.postId.equals(target) && (stream || c.parentId.isEmpty()))
                            .toList();
                } else if (comments.containsKey(target)) {
                    list = comments.values().stream()
                            .filter(c -> c.parentId.equals(Optional.of(target)))
                            .toList();
                } else {
                    return notFound(target, method);
                }
                return ok(page(
                        list.stream()
                                .filter(c -> sinceOk(c.createdAt, params))
                                .sorted(Comparator.comparing((Comment c) -> c.createdAt))
                                .map(this::commentJson)
                                .toList(),
                        params,
                        path));
            }
            if (method.equals("GET") && parts.length == 1 && comments.containsKey(parts[0])) {
                return ok(commentJson(comments.get(parts[0]))); // a reply carries its first-level "parent"
            }
            if (method.equals("GET") && parts.length == 1 && posts.containsKey(parts[0])) {
                if (params.getOrDefault("fields", "").matches("(.*,)?parent(,.*)?")) {
                    // as Facebook: a post has no "parent" field
                    return error(new Fault(
                            400,
                            100,
                            Optional.empty(),
                            "OAuthException",
                            "(#100) Tried accessing nonexisting field (parent) on node type (Post)",
                            false,
                            Map.of()));
                }
                return ok(postJson(posts.get(parts[0])));
            }
            if (method.equals("POST") && parts.length == 2 && parts[1].equals("comments")) {
                String target = parts[0];
                String message = params.getOrDefault("message", "");
                if (message.isBlank()) {
                    return error(Fault.invalidParameter());
                }
                String postId;
                Optional<String> parent;
                if (posts.containsKey(target)) {
                    postId = target;
                    parent = Optional.empty();
                } else if (comments.containsKey(target)) {
                    Comment c = comments.get(target);
                    postId = c.postId;
                    parent = Optional.of(c.parentId.orElse(c.id)); // Facebook threads replies two levels deep
                } else {
                    return notFound(target, method);
                }
                String id = postId.substring(postId.indexOf('_') + 1) + "_" + ids.incrementAndGet();
                comments.put(id, new Comment(id, postId, parent, target, pageId, pageName, message, clock.instant()));
                return ok(obj("id", id));
            }
            if (method.equals("POST") && parts.length == 2 && parts[0].equals(pageId) && parts[1].equals("messages")) {
                return send(params);
            }
            if (method.equals("POST") && parts.length == 1 && params.containsKey("is_hidden")) {
                Comment c = comments.get(parts[0]);
                if (c == null) {
                    return notFound(parts[0], method);
                }
                c.hidden = Boolean.parseBoolean(params.get("is_hidden"));
                return ok(obj("success", true));
            }
            if (method.equals("DELETE") && parts.length == 1) {
                Post p = posts.get(parts[0]);
                if (p == null) {
                    return notFound(parts[0], method);
                }
                if (!p.fromId.equals(pageId)) {
                    return error(new Fault(
                            403, 200, Optional.empty(), "OAuthException", "(#200) Permissions error", false, Map.of()));
                }
                posts.remove(parts[0]);
                return ok(obj("success", true));
            }
            if (method.equals("GET")
                    && parts.length == 2
                    && parts[0].equals(pageId)
                    && parts[1].equals("conversations")) {
                String onlyUser = params.get("user_id");
                return ok(page(
                        conversations.values().stream()
                                .filter(c -> onlyUser == null || c.psid.equals(onlyUser))
                                .sorted(Comparator.comparing(Conversation::updated)
                                        .reversed())
                                .map(c -> (JsonNode) obj("id", c.id, "updated_time", TIME.format(c.updated())))
                                .toList(),
                        params,
                        path));
            }
            if (method.equals("GET")
                    && parts.length == 2
                    && parts[1].equals("messages")
                    && conversations.containsKey(parts[0])) {
                Conversation c = conversations.get(parts[0]);
                return ok(page(
                        c.messages.stream()
                                .sorted(Comparator.comparing((InboxMessage m) -> m.createdAt)
                                        .reversed())
                                .map(m -> inboxJson(c, m))
                                .toList(),
                        params,
                        path));
            }
            return error(new Fault(
                    400,
                    100,
                    Optional.empty(),
                    "GraphMethodException",
                    "Unknown path components: " + path,
                    false,
                    Map.of()));
        }
    }

    private Answer send(Map<String, String> params) {
        JsonNode recipient;
        JsonNode message;
        try {
            recipient = JSON.readTree(params.getOrDefault("recipient", ""));
            message = JSON.readTree(params.getOrDefault("message", ""));
            if (!recipient.isObject() || !message.isObject()) {
                throw new IllegalArgumentException("not JSON objects");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            return error(new Fault(
                    400,
                    100,
                    Optional.empty(),
                    "OAuthException",
                    "(#100) param recipient and message must be JSON objects",
                    false,
                    Map.of()));
        }
        String text = message.path("text").asText("");
        if (text.isBlank()) {
            return error(new Fault(
                    400, 100, Optional.empty(), "OAuthException", "(#100) message.text is required", false, Map.of()));
        }
        String mid = "m_" + ids.incrementAndGet();
        if (recipient.has("comment_id")) {
            String commentId = recipient.path("comment_id").asText("");
            Comment c = comments.get(commentId);
            if (c == null) {
                return notFound(commentId, "POST");
            }
            if (privateReplies.containsKey(commentId)) {
                return error(new Fault(
                        400,
                        10900,
                        Optional.empty(),
                        "OAuthException",
                        "(#10900) Activity already replied to",
                        false,
                        Map.of()));
            }
            privateReplies.put(commentId, mid);
            sent.add(new SentMessage(
                    mid,
                    Optional.empty(),
                    Optional.of(commentId),
                    text,
                    Optional.ofNullable(params.get("messaging_type"))));
            return ok(obj("recipient_id", c.fromId, "message_id", mid));
        }
        String psid = recipient.path("id").asText("");
        Instant last = lastCustomerMessage.get(psid);
        if (last == null) {
            return error(new Fault(
                    400,
                    100,
                    Optional.of(2018001),
                    "OAuthException",
                    "(#100) No matching user found",
                    false,
                    Map.of()));
        }
        if (clock.instant().isAfter(last.plus(Duration.ofHours(24)))) {
            return error(new Fault(
                    400,
                    10,
                    Optional.of(2018278),
                    "OAuthException",
                    "(#10) This message is sent outside of allowed window.",
                    false,
                    Map.of()));
        }
        sent.add(new SentMessage(
                mid, Optional.of(psid), Optional.empty(), text, Optional.ofNullable(params.get("messaging_type"))));
        Conversation conv = conversations.get("t_" + psid);
        if (conv != null) {
            conv.messages.add(new InboxMessage(mid, pageId, pageName, text, clock.instant()));
        }
        return ok(obj("recipient_id", psid, "message_id", mid));
    }

    private ObjectNode page(List<JsonNode> all, Map<String, String> params, String path) {
        int limit = parseInt(params.get("limit"), 25);
        int from = params.containsKey("after") ? decodeCursor(params.get("after")) : 0;
        List<JsonNode> slice = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        ArrayNode data = JSON.createArrayNode().addAll(slice);
        ObjectNode paging = obj("cursors", obj("before", cursor(from), "after", cursor(from + slice.size())));
        if (from + slice.size() < all.size()) {
            paging.put(
                    "next", baseUrl() + "/v24.0" + path + "?limit=" + limit + "&after=" + cursor(from + slice.size()));
        }
        return obj("data", data, "paging", paging);
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(("i:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String c) {
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(c), StandardCharsets.UTF_8).substring(2));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static boolean sinceOk(Instant at, Map<String, String> params) {
        String since = params.get("since");
        return since == null || !at.isBefore(Instant.ofEpochSecond(Long.parseLong(since)));
    }

    private JsonNode postJson(Post p) {
        return obj(
                "id", p.id,
                "from", obj("id", p.fromId, "name", p.fromName),
                "message", p.message,
                "created_time", TIME.format(p.createdAt),
                "updated_time", TIME.format(p.createdAt));
    }

    private JsonNode commentJson(Comment c) {
        ObjectNode o = obj(
                "id",
                c.id,
                "from",
                obj("id", c.fromId, "name", c.fromName),
                "message",
                c.message,
                "created_time",
                TIME.format(c.createdAt));
        c.parentId.ifPresent(p -> o.set("parent", obj("id", p)));
        return o;
    }

    private JsonNode inboxJson(Conversation c, InboxMessage m) {
        boolean fromPage = m.fromId.equals(pageId);
        ObjectNode to = fromPage ? obj("id", c.psid, "name", c.name) : obj("id", pageId, "name", pageName);
        return obj(
                "id", m.id,
                "from", obj("id", m.fromId, "name", m.fromName),
                "to", obj("data", JSON.createArrayNode().add(to)),
                "message", m.text,
                "created_time", TIME.format(m.createdAt));
    }

    /** A JSON object of these keys and values (strings, numbers, booleans or nodes), in this order. */
    static ObjectNode obj(Object... keysAndValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return o;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write emulator JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String hmac(String key, String data) {
        return HexFormat.of().formatHex(HmacSha256.key("appSecret", key).mac(data));
    }

    private record Post(String id, String fromId, String fromName, String message, Instant createdAt) {}

    private static final class Comment {
        final String id;
        final String postId;
        final Optional<String> parentId;
        final String repliedTo;
        final String fromId;
        final String fromName;
        final String message;
        final Instant createdAt;
        boolean hidden;

        Comment(
                String id,
                String postId,
                Optional<String> parentId,
                String repliedTo,
                String fromId,
                String fromName,
                String message,
                Instant createdAt) {
            this.id = id;
            this.postId = postId;
            this.parentId = parentId;
            this.repliedTo = repliedTo;
            this.fromId = fromId;
            this.fromName = fromName;
            this.message = message;
            this.createdAt = createdAt;
        }
    }

    private record InboxMessage(String id, String fromId, String fromName, String text, Instant createdAt) {}

    private static final class Conversation {
        final String id;
        final String psid;
        final String name;
        final List<InboxMessage> messages = new ArrayList<>();

        Conversation(String id, String psid, String name) {
            this.id = id;
            this.psid = psid;
            this.name = name;
        }

        Instant updated() {
            return messages.stream()
                    .map(InboxMessage::createdAt)
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
        }
    }
}
