package org.socialcare.examples.webchat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for a bank's own web chat back end, on 127.0.0.1 (a free port): customers chat on the bank's
 * website and every message lands in one log with increasing sequence numbers. Its HTTP API, every call signed
 * with {@link ChatSignature} (else 401):
 * <ul>
 *   <li>{@code GET /api/messages?after=<seq>&limit=<1..100>} answers
 *       {@code {"messages":[item...],"last":<seq of the last item or after>,"hasMore":<bool>}}, an item being
 *       {@code {"seq":7,"sessionId":"s-1","from":"customer"|"agent","name":"Anna","text":"...","sentAt":"2026-03-02T09:00:00Z"}};</li>
 *   <li>{@code POST /api/messages} with {@code {"sessionId":"s-1","text":"..."}} appends an agent message to that
 *       session and answers 201 {@code {"seq":8}}; 404 for a session no customer opened, 400 for a bad body.</li>
 * </ul>
 * Tests drive it with {@link #customerWrites}, {@link #agentWritesElsewhere}, {@link #appendRawItem}, read what
 * the bank sent with {@link #received()}, and fail the next call with {@link #failNext(int)} or
 * {@link #rateLimitNext(Duration)}. Thread-safe; {@link #close()} stops it.
 */
public final class WebChatServer implements AutoCloseable {
    /** The most items one page holds. */
    public static final int MAX_LIMIT = 100;

    private static final Pattern QUERY = Pattern.compile("after=(\\d{1,18})&limit=(\\d{1,3})");

    /** A message the bank's agent sent through {@code POST /api/messages}. */
    public record AgentReply(String messageId, String sessionId, String text, Instant sentAt) {}

    private final HttpServer http;
    private final ChatSignature signature;
    private final Clock clock;
    private final List<String> log = new ArrayList<>();
    private final Set<String> sessions = new HashSet<>();
    private final List<AgentReply> received = new ArrayList<>();
    private Optional<Failure> nextFailure = Optional.empty();

    private record Failure(int status, Optional<Long> retryAfterSeconds) {}

    private WebChatServer(String sharedSecret, Clock clock) throws IOException {
        this.signature = new ChatSignature(sharedSecret);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/api/messages", this::handle);
        http.start();
    }

    /** Starts a server checking signatures made with {@code sharedSecret}, on the system clock. */
    public static WebChatServer start(String sharedSecret) {
        return start(sharedSecret, Clock.systemUTC());
    }

    /** Starts a server checking signatures made with {@code sharedSecret}; {@code clock} stamps agent messages. */
    public static WebChatServer start(String sharedSecret, Clock clock) {
        try {
            return new WebChatServer(sharedSecret, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the web chat server on 127.0.0.1", e);
        }
    }

    /** Where the API lives, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** A customer in chat {@code sessionId} writes {@code text}; returns the message's sequence number as text. */
    public synchronized String customerWrites(String sessionId, String name, String text, Instant sentAt) {
        sessions.add(sessionId);
        return append(sessionId, "customer", name, text, sentAt);
    }

    /** An agent answers in the bank's own chat console (not through the API); shows up as an agent item. */
    public synchronized String agentWritesElsewhere(String sessionId, String text, Instant sentAt) {
        return append(sessionId, "agent", "Bank", text, sentAt);
    }

    /** Appends {@code itemJson} verbatim as the next log entry (to test what a client makes of a bad item). */
    public synchronized String appendRawItem(String itemJson) {
        log.add(itemJson);
        return String.valueOf(log.size());
    }

    /** What agents sent through the API, oldest first. */
    public synchronized List<AgentReply> received() {
        return List.copyOf(received);
    }

    /** Answers the next call, whichever it is, with {@code status} and nothing else. */
    public synchronized void failNext(int status) {
        nextFailure = Optional.of(new Failure(status, Optional.empty()));
    }

    /** Answers the next call with 429 and {@code Retry-After: <seconds>}; returns when the limit resets. */
    public synchronized Instant rateLimitNext(Duration retryAfter) {
        nextFailure = Optional.of(new Failure(429, Optional.of(retryAfter.toSeconds())));
        return clock.instant().plus(retryAfter);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private String append(String sessionId, String from, String name, String text, Instant sentAt) {
        long seq = log.size() + 1L;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", seq);
        item.put("sessionId", sessionId);
        item.put("from", from);
        item.put("name", name);
        item.put("text", text);
        item.put("sentAt", sentAt.toString());
        log.add(ChatJson.write(item));
        return String.valueOf(seq);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String method = exchange.getRequestMethod();
            synchronized (this) {
                if (!signature.verify(
                        exchange.getRequestHeaders().getFirst(ChatSignature.HEADER),
                        clock.instant(),
                        method,
                        pathAndQuery,
                        body)) {
                    respond(exchange, 401, "{\"error\":\"bad or missing signature\"}");
                } else if (nextFailure.isPresent()) {
                    Failure f = nextFailure.get();
                    nextFailure = Optional.empty();
                    f.retryAfterSeconds()
                            .ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", String.valueOf(s)));
                    respond(exchange, f.status(), "{\"error\":\"injected failure\"}");
                } else if (method.equals("GET")) {
                    page(exchange, uri.getRawQuery());
                } else if (method.equals("POST")) {
                    accept(exchange, body);
                } else {
                    respond(exchange, 405, "{\"error\":\"method not allowed\"}");
                }
            }
        }
    }

    private void page(HttpExchange exchange, String query) throws IOException {
        Matcher m = QUERY.matcher(query == null ? "" : query);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > MAX_LIMIT) {
            respond(exchange, 400, "{\"error\":\"expected after=<seq>&limit=<1.." + MAX_LIMIT + ">\"}");
            return;
        }
        int from = (int) Math.min(Long.parseLong(m.group(1)), log.size());
        int to = Math.min(from + Integer.parseInt(m.group(2)), log.size());
        respond(
                exchange,
                200,
                "{\"messages\":[" + String.join(",", log.subList(from, to)) + "],\"last\":" + to + ",\"hasMore\":"
                        + (to < log.size()) + "}");
    }

    private void accept(HttpExchange exchange, String body) throws IOException {
        Object parsed;
        try {
            parsed = ChatJson.parse(body);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, ChatJson.write(Map.of("error", "body is not JSON: " + e.getMessage())));
            return;
        }
        if (!(parsed instanceof Map<?, ?> map)
                || !(map.get("sessionId") instanceof String session)
                || !(map.get("text") instanceof String text)
                || text.isBlank()) {
            respond(exchange, 400, "{\"error\":\"expected {sessionId, text}\"}");
            return;
        }
        if (!sessions.contains(session)) {
            respond(exchange, 404, "{\"error\":\"unknown session\"}");
            return;
        }
        Instant now = clock.instant();
        String seq = append(session, "agent", "Bank", text, now);
        received.add(new AgentReply(seq, session, text, now));
        respond(exchange, 201, "{\"seq\":" + seq + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
