package org.socialcare.examples.webchat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;

/**
 * Signed HTTP calls to the web chat server with {@link HttpClient}, and the one place where its answers become
 * core errors: 401 AUTH_FAILED, 403 PERMISSION, 429 RATE_LIMITED (retry at {@code Retry-After}, seconds or an
 * HTTP date; one minute when absent), 5xx to a GET and I/O errors TRANSIENT, 5xx to a POST UNKNOWN (the server may have
 * taken it; the desk looks before sending again), any other non-2xx INVALID_REQUEST. The
 * platform code of an error is the HTTP status. Messages name the call and status, never the secret or the
 * signature. Thread-safe.
 */
final class WebChatClient {
    private final WebChatSettings settings;
    private final ChatSignature signature;
    private final HttpClient http;

    WebChatClient(WebChatSettings settings) {
        this.settings = settings;
        this.signature = new ChatSignature(settings.sharedSecret());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** GETs {@code pathAndQuery} and returns the 2xx body. */
    String get(String pathAndQuery) {
        return send("GET", pathAndQuery, "");
    }

    /** POSTs the JSON {@code body} to {@code path} and returns the 2xx body. */
    String post(String path, String body) {
        return send("POST", path, body);
    }

    private String send(String method, String pathAndQuery, String body) {
        String call = method + " " + pathAndQuery.replaceAll("\\?.*", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUri() + pathAndQuery))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(ChatSignature.HEADER, signature.sign(settings.clock().instant(), method, pathAndQuery, body))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a write whose request may have left (no answer in time, a reset) may have been done: UNKNOWN, so the
            // desk looks before sending again; a connection never made is TRANSIENT
            boolean neverSent = e instanceof HttpConnectTimeoutException || e instanceof ConnectException;
            throw new PlatformException(
                    method.equals("POST") && !neverSent ? Kind.UNKNOWN : Kind.TRANSIENT,
                    call + " failed: " + e.getClass().getSimpleName(),
                    Optional.empty(),
                    Optional.empty(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(
                    method.equals("POST") ? Kind.UNKNOWN : Kind.TRANSIENT,
                    call + " interrupted",
                    Optional.empty(),
                    Optional.empty(),
                    e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw error(call, method.equals("POST"), status, response.headers().firstValue("Retry-After"));
    }

    private PlatformException error(String call, boolean write, int status, Optional<String> retryAfter) {
        String message = call + " answered HTTP " + status;
        String code = String.valueOf(status);
        if (status == 429) {
            Instant now = settings.clock().instant();
            return PlatformException.rateLimited(
                    message, retryAfter.flatMap(v -> retryAt(v, now)).orElse(now.plusSeconds(60)), code);
        }
        Kind kind = status == 401
                ? Kind.AUTH_FAILED
                : status == 403
                        ? Kind.PERMISSION
                        : status >= 500 ? (write ? Kind.UNKNOWN : Kind.TRANSIENT) : Kind.INVALID_REQUEST;
        return PlatformException.of(kind, message, code);
    }

    /** {@code Retry-After} as delay seconds or an HTTP date (RFC 9110); empty when unreadable. */
    static Optional<Instant> retryAt(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(v)));
        }
        try {
            return Optional.of(
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "WebChatClient[" + settings + "]";
    }
}
