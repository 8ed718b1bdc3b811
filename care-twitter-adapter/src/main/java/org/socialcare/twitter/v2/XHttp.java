package org.socialcare.twitter.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.adapter.support.OneShotBody;
import org.socialcare.adapter.support.SendFailures;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;

/**
 * One account's HTTP to X API v2: signs each request (OAuth 1.0a, or an OAuth 2.0 bearer refreshed shortly
 * before it expires and once after a 401), sends it with the JDK client, and maps failures to
 * {@link PlatformException} kinds:
 *
 * <ul>
 *   <li>429: RATE_LIMITED, {@code retryAt} = {@code x-rate-limit-reset} (15 minutes when absent);
 *   <li>401 (after one refresh for OAuth 2.0), or a refused refresh: AUTH_FAILED;
 *   <li>403 whose detail says the content is a duplicate: DUPLICATE; other 403: PERMISSION;
 *   <li>a write (POST, DELETE) answered 5xx, or failing by a read timeout or a reset or dropped connection
 *       after it was sent: UNKNOWN (X may have done it; the desk looks before sending again);
 *   <li>reads answered 5xx, failures to connect, network errors of reads, a token endpoint that is down:
 *       TRANSIENT;
 *   <li>other 4xx, or a 2xx body with only {@code errors}: INVALID_REQUEST.
 * </ul>
 * Messages carry the operation, HTTP status and X's problem title and detail, never a header or token. Bodies
 * over {@link XJson#MAX_DOCUMENT_LENGTH} bytes are not read. Thread-safe.
 */
final class XHttp {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XHttp.class);
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(15);
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private final XApiConfig config;
    private final HttpClient client;
    private final Optional<OAuth1Signer> oauth1;
    private final Optional<XAuth.OAuth2User> oauth2;

    XHttp(XApiConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (config.auth() instanceof XAuth.OAuth1 o1) {
            this.oauth1 = Optional.of(new OAuth1Signer(o1));
            this.oauth2 = Optional.empty();
        } else {
            XAuth.OAuth2User o2 = (XAuth.OAuth2User) config.auth();
            this.oauth1 = Optional.empty();
            this.oauth2 = Optional.of(o2);
        }
    }

    /** Sends {@code method path?query} with an optional JSON body and returns the parsed 2xx body. */
    JsonNode send(String method, String path, Map<String, String> query, Optional<Object> json, String operation) {
        URI uri = uri(path, query);
        String bearer = oauth2.isPresent() ? currentBearer(operation) : "";
        Reply response = exchange(method, uri, json, bearer, operation);
        if (response.statusCode() == 401 && oauth2.isPresent()) {
            String fresh = refresh(bearer, operation);
            response = exchange(method, uri, json, fresh, operation);
        }
        return result(response, operation, !method.equals("GET"));
    }

    /** A response with its body read (at most {@link XJson#MAX_DOCUMENT_LENGTH} bytes). */
    private record Reply(int statusCode, java.net.http.HttpHeaders headers, String body) {}

    private Reply exchange(String method, URI uri, Optional<Object> json, String bearer, String operation) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "care-twitter-adapter");
        if (oauth1.isPresent()) {
            b.header(
                    "Authorization",
                    oauth1.get().header(method, uri, config.clock().instant().getEpochSecond()));
        } else {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (json.isPresent()) {
            b.header("Content-Type", "application/json")
                    // one-shot: not even a JVM-wide "retry every method" flag can post it twice
                    .method(method, OneShotBody.of(XJson.write(json.get()).getBytes(StandardCharsets.UTF_8)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(b.build(), operation);
    }

    private Reply call(HttpRequest request, String operation) {
        try {
            HttpResponse<java.io.InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (java.io.InputStream in = r.body()) {
                bytes = in.readNBytes((int) XJson.MAX_DOCUMENT_LENGTH + 1);
            }
            if (bytes.length > XJson.MAX_DOCUMENT_LENGTH) {
                throw PlatformException.of(
                        Kind.TRANSIENT,
                        operation + " answered HTTP " + r.statusCode() + " with a body over "
                                + XJson.MAX_DOCUMENT_LENGTH + " bytes; not read",
                        "http " + r.statusCode());
            }
            return new Reply(r.statusCode(), r.headers(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            boolean write = !request.method().equals("GET");
            boolean unknown = write && !SendFailures.nothingSent(e);
            throw new PlatformException(
                    unknown ? Kind.UNKNOWN : Kind.TRANSIENT,
                    operation
                            + (unknown ? " outcome unknown: network error " : " failed: network error ")
                            + e.getClass().getSimpleName(),
                    Optional.empty(),
                    Optional.empty(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(
                    Kind.TRANSIENT, operation + " interrupted", Optional.empty(), Optional.empty(), null);
        }
    }

    private JsonNode result(Reply response, String operation, boolean write) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank()
                    ? NullNode.getInstance()
                    : XJson.parse(response.body());
        } catch (MalformedPayloadException e) {
            if (status >= 200 && status < 300) {
                throw new PlatformException(
                        write ? Kind.UNKNOWN : (status == 200 ? Kind.TRANSIENT : Kind.INVALID_REQUEST),
                        operation + " returned a body that is not JSON (HTTP " + status + "): " + e.getMessage(),
                        Optional.of("http " + status),
                        Optional.empty(),
                        null);
            }
            body = NullNode.getInstance();
        }
        if (status >= 200 && status < 300) {
            if (body.has("errors") && !body.has("data") && !body.has("meta")) {
                throw failure(Kind.INVALID_REQUEST, operation, status, body);
            }
            return body;
        }
        if (status == 429) {
            return throwRateLimited(response, operation, body);
        }
        Kind kind;
        if (status == 401) {
            kind = Kind.AUTH_FAILED;
        } else if (status == 403) {
            kind = problem(body).toLowerCase(Locale.ROOT).contains("duplicate") ? Kind.DUPLICATE : Kind.PERMISSION;
        } else if (status >= 500) {
            kind = write ? Kind.UNKNOWN : Kind.TRANSIENT; // a write may have been done before the error
        } else {
            kind = Kind.INVALID_REQUEST;
        }
        throw failure(kind, operation, status, body);
    }

    private JsonNode throwRateLimited(Reply response, String operation, JsonNode body) {
        Instant now = config.clock().instant();
        OptionalLong reset = response.headers()
                .firstValue("x-rate-limit-reset")
                .filter(v -> v.matches("\\d{1,12}"))
                .map(v -> OptionalLong.of(Long.parseLong(v)))
                .orElse(OptionalLong.empty());
        Instant retryAt;
        if (reset.isPresent()) {
            Instant at = Instant.ofEpochSecond(reset.getAsLong());
            retryAt = at.isAfter(now) ? at : now.plusSeconds(1);
        } else {
            retryAt = now.plus(DEFAULT_RATE_LIMIT_WAIT);
        }
        String remaining =
                response.headers().firstValue("x-rate-limit-remaining").orElse("?");
        throw PlatformException.rateLimited(
                operation + " failed: HTTP 429" + describe(body) + " (remaining " + abbreviate(remaining) + ", reset "
                        + retryAt + ")",
                retryAt,
                "http 429");
    }

    private static PlatformException failure(Kind kind, String operation, int status, JsonNode body) {
        return new PlatformException(
                kind,
                operation + " failed: HTTP " + status + describe(body),
                Optional.of("http " + status),
                Optional.empty(),
                null);
    }

    /** X's RFC 7807 problem ({@code title}, {@code detail}) or first {@code errors[]} entry, shortened. */
    private static String describe(JsonNode body) {
        String p = problem(body);
        return p.isEmpty() ? "" : ": " + p;
    }

    private static String problem(JsonNode body) {
        JsonNode p = body.has("title") || body.has("detail")
                ? body
                : body.path("errors").path(0);
        String title = p.path("title").asText(p.path("message").asText(""));
        String detail = p.path("detail").asText("");
        String s =
                detail.isEmpty() || detail.equals(title) ? title : (title.isEmpty() ? detail : title + " - " + detail);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    // ------------------------------------------------------------------ OAuth 2.0 user context

    private String currentBearer(String operation) {
        XAuth.OAuth2User auth = oauth2.orElseThrow();
        synchronized (auth) {
            XAuth.OAuth2Token token = auth.token();
            if (!token.expiresAt().isAfter(config.clock().instant().plus(REFRESH_AHEAD))) {
                return refresh(token.accessToken(), operation);
            }
            return token.accessToken();
        }
    }

    /**
     * Refreshes unless another client of the same account already replaced {@code stale}; returns the access
     * token to use. Serialized per {@link XAuth.OAuth2User}, whose refresh token works once.
     */
    private String refresh(String stale, String operation) {
        XAuth.OAuth2User auth = oauth2.orElseThrow();
        synchronized (auth) {
            return refreshLocked(auth, stale, operation);
        }
    }

    private String refreshLocked(XAuth.OAuth2User auth, String stale, String operation) {
        XAuth.OAuth2Token token = auth.token();
        if (!token.accessToken().equals(stale)) {
            return token.accessToken();
        }
        String refreshToken = token.refreshToken()
                .orElseThrow(() -> PlatformException.of(
                        Kind.AUTH_FAILED,
                        operation + ": the OAuth 2.0 access token of account " + config.accountId()
                                + " expired or was refused and has no refresh token (grant offline.access)",
                        "oauth2"));
        URI tokenUrl = auth.tokenUrl().orElse(config.baseUrl().resolve("2/oauth2/token"));
        String form =
                "grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&client_id=" + enc(auth.clientId());
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUrl)
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        auth.clientSecret()
                .ifPresent(secret -> b.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((enc(auth.clientId()) + ":" + enc(secret))
                                                .getBytes(StandardCharsets.UTF_8))));
        Reply response = call(b.build(), operation + ": OAuth 2.0 token refresh");
        int status = response.statusCode();
        if (status >= 500) {
            throw PlatformException.of(
                    Kind.TRANSIENT,
                    operation + ": OAuth 2.0 token refresh of account " + config.accountId() + " failed: HTTP "
                            + status,
                    "http " + status);
        }
        JsonNode body;
        try {
            body = XJson.parse(response.body());
        } catch (MalformedPayloadException e) {
            body = NullNode.getInstance();
        }
        if (status != 200
                || !body.path("access_token").isTextual()
                || body.get("access_token").asText().isBlank()) {
            String error =
                    body.path("error").asText(body.path("error_description").asText(""));
            throw PlatformException.of(
                    Kind.AUTH_FAILED,
                    operation + ": OAuth 2.0 token refresh of account " + config.accountId() + " was refused: HTTP "
                            + status + (error.isEmpty() ? "" : " " + abbreviateError(error)),
                    "oauth2");
        }
        long expiresIn = body.path("expires_in").asLong(7200);
        Optional<String> rotated = body.path("refresh_token").isTextual()
                ? Optional.of(body.get("refresh_token").asText())
                : token.refreshToken();
        XAuth.OAuth2Token fresh = new XAuth.OAuth2Token(
                body.get("access_token").asText(), config.clock().instant().plusSeconds(expiresIn), rotated);
        auth.refreshed(fresh);
        LOG.info("OAuth 2.0 token of account {} refreshed; expires at {}", config.accountId(), fresh.expiresAt());
        return fresh.accessToken();
    }

    private static String abbreviateError(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9 _.-]", "");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    // ------------------------------------------------------------------ URLs

    private URI uri(String path, Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) ->
                q.append(q.length() == 0 ? "?" : "&").append(enc(k)).append('=').append(enc(v)));
        return config.baseUrl().resolve(path + q);
    }

    /** Percent-encoding that suits both query strings and OAuth (RFC 3986 unreserved kept). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
