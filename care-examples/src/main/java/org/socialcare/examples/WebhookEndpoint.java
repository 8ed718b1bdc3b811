package org.socialcare.examples;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.socialcare.core.CareDesk;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * Serves platform webhooks over HTTP and hands each call to {@link CareDesk#webhook}: the smallest way to receive
 * Twitter Account Activity or Facebook page webhooks. In production put the same two lines behind your own web
 * framework, with the same limits. Binds to 127.0.0.1 only.
 *
 * <p>Hostile callers: bodies are read without holding a thread (Jetty core's asynchronous content), so clients
 * that send headers and trickle a body cost no worker; each body must arrive whole within {@link
 * Limits#readTimeout()} (else 408) and hold at most {@link Limits#maxBodyBytes()} (else 413, refused from the
 * {@code Content-Length} header before any byte is read when the client declares it). The handlers run on a
 * bounded pool of {@link Limits#threads()} threads with a bounded queue; a full queue is answered 503. A connection
 * idle for {@link Limits#idleTimeout()} is closed. Thread-safe; {@link #close()} stops the server.
 */
public final class WebhookEndpoint implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private WebhookEndpoint(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * What the endpoint accepts and how long it waits.
     *
     * @param maxBodyBytes largest body accepted, in bytes (at least 1)
     * @param readTimeout longest time from the request's headers to its last body byte (positive)
     * @param idleTimeout longest silence on a connection before it is closed (positive)
     * @param threads worker threads, at least 4 (Jetty keeps some for accepting and selecting)
     * @param maxQueued requests waiting for a worker before new ones are refused (at least 1)
     */
    public record Limits(int maxBodyBytes, Duration readTimeout, Duration idleTimeout, int threads, int maxQueued) {
        /** 1 MiB bodies, 10 s to send one, 30 s idle, 8 threads, 64 queued. */
        public static Limits defaults() {
            return new Limits(1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(30), 8, 64);
        }

        /**
         * @throws IllegalArgumentException naming the setting and the bad value
         */
        public Limits {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
            }
            if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
            }
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
            }
            if (threads < 4) {
                throw new IllegalArgumentException("threads must be at least 4, was " + threads);
            }
            if (maxQueued < 1) {
                throw new IllegalArgumentException("maxQueued must be at least 1, was " + maxQueued);
            }
        }

        public Limits withMaxBodyBytes(int value) {
            return new Limits(value, readTimeout, idleTimeout, threads, maxQueued);
        }

        public Limits withReadTimeout(Duration value) {
            return new Limits(maxBodyBytes, value, idleTimeout, threads, maxQueued);
        }

        public Limits withIdleTimeout(Duration value) {
            return new Limits(maxBodyBytes, readTimeout, value, threads, maxQueued);
        }

        public Limits withThreads(int value) {
            return new Limits(maxBodyBytes, readTimeout, idleTimeout, value, maxQueued);
        }
    }

    /** Starts a server on 127.0.0.1 and a free port with {@link Limits#defaults()}. */
    public static WebhookEndpoint start(CareDesk desk, Map<String, WebhookHandler> handlersByPath) {
        return start(desk, handlersByPath, Limits.defaults());
    }

    /**
     * Starts a server on 127.0.0.1 and a free port, serving each handler at its path (e.g. "/webhooks/twitter").
     *
     * @throws IllegalStateException when the server cannot start
     */
    public static WebhookEndpoint start(CareDesk desk, Map<String, WebhookHandler> handlersByPath, Limits limits) {
        Map<String, WebhookHandler> handlers = Map.copyOf(handlersByPath);
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(4, limits.threads()));
        pool.setName("care-webhooks");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.setHandler(new Serve(desk, handlers, limits, pool));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("webhook endpoint did not start: " + e.getMessage(), e);
        }
        return new WebhookEndpoint(server, connector);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static final class Serve extends Handler.Abstract {
        private final CareDesk desk;
        private final Map<String, WebhookHandler> handlers;
        private final Limits limits;
        private final QueuedThreadPool pool;
        private final Semaphore admitted;

        Serve(CareDesk desk, Map<String, WebhookHandler> handlers, Limits limits, QueuedThreadPool pool) {
            super(InvocationType.NON_BLOCKING);
            this.desk = desk;
            this.handlers = handlers;
            this.limits = limits;
            this.pool = pool;
            this.admitted = new Semaphore(limits.threads() + limits.maxQueued());
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            WebhookHandler handler = handlers.get(path);
            if (handler == null) {
                respond(response, callback, 404, "text/plain", "no webhook at " + path);
                return true;
            }
            long declared = request.getLength();
            if (declared > limits.maxBodyBytes()) {
                respond(response, callback, 413, "text/plain", "body larger than " + limits.maxBodyBytes() + " bytes");
                return true;
            }
            Content.Source.asByteArrayAsync(request, limits.maxBodyBytes())
                    .orTimeout(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync(
                            (body, failure) -> {
                                if (failure != null) {
                                    refuse(request, response, callback, failure);
                                    return;
                                }
                                if (!admitted.tryAcquire()) {
                                    respond(response, callback, 503, "text/plain", "busy, retry later");
                                    return;
                                }
                                try {
                                    pool.execute(() -> {
                                        try {
                                            serve(handler, request, body, response, callback);
                                        } finally {
                                            admitted.release();
                                        }
                                    });
                                } catch (RuntimeException rejected) {
                                    admitted.release();
                                    respond(response, callback, 503, "text/plain", "busy, retry later");
                                }
                            },
                            pool);
            return true;
        }

        private void refuse(Request request, Response response, Callback callback, Throwable failure) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                respond(
                        response,
                        callback,
                        408,
                        "text/plain",
                        "body not received within " + limits.readTimeout().toMillis() + " ms");
            } else if (request.getLength() < 0 && cause instanceof IllegalStateException) {
                // Jetty's accumulator fails with "Max size exceeded" once a chunked body passes the limit
                respond(response, callback, 413, "text/plain", "body larger than " + limits.maxBodyBytes() + " bytes");
            } else {
                respond(response, callback, 400, "text/plain", "body could not be read");
            }
        }

        private void serve(WebhookHandler handler, Request request, byte[] body, Response response, Callback callback) {
            WebhookRequest webhook;
            try {
                webhook = new WebhookRequest(
                        request.getMethod(), request.getHttpURI().getPath(), headers(request), query(request), body);
            } catch (IllegalArgumentException malformedQuery) {
                respond(response, callback, 400, "text/plain", "malformed query string");
                return;
            }
            try {
                WebhookResult result = desk.webhook(handler, webhook);
                respond(response, callback, result.status(), result.contentType(), result.body());
            } catch (RuntimeException e) {
                respond(response, callback, 500, "text/plain", "internal error");
            }
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            out.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        return out;
    }

    private static Map<String, String> query(Request request) {
        String raw = request.getHttpURI().getQuery();
        return query(raw == null ? URI.create("/") : URI.create("/?" + raw));
    }

    private static void respond(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
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
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("webhook endpoint did not stop: " + e.getMessage(), e);
        }
    }
}
