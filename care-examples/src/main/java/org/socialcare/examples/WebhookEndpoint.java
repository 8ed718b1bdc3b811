package org.socialcare.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.socialcare.core.CareDesk;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * Serves platform webhooks over HTTP with the JDK's HttpServer and hands each call to
 * {@link CareDesk#webhook}: the smallest way to receive Twitter Account Activity or Facebook page webhooks. In
 * production put the same two lines behind your own web framework. Binds to 127.0.0.1 only.
 */
public final class WebhookEndpoint implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;
    private final HttpServer server;

    private WebhookEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on 127.0.0.1 and a free port, serving each handler at its path (e.g. "/webhooks/twitter"). */
    public static WebhookEndpoint start(CareDesk desk, Map<String, WebhookHandler> handlersByPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlersByPath.forEach(
                (path, handler) -> server.createContext(path, exchange -> serve(desk, handler, exchange)));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "care-webhooks");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new WebhookEndpoint(server);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void serve(CareDesk desk, WebhookHandler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413, "text/plain", "body larger than " + MAX_BODY + " bytes");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
            WebhookRequest request = new WebhookRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers,
                    query(exchange.getRequestURI()),
                    body);
            WebhookResult result = desk.webhook(handler, request);
            respond(exchange, result.status(), result.contentType(), result.body());
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", "internal error");
            throw e;
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
