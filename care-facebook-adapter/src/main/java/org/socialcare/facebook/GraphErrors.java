package org.socialcare.facebook;

import com.restfb.exception.FacebookException;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookJsonMappingException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;

/**
 * Maps Graph API failures to core {@link PlatformException} kinds, reading the usage headers for the time to
 * wait after a rate limit. Messages are redacted. Immutable and thread-safe. Not API.
 *
 * <p>The mapping: 4, 17, 32, 613 and 80001..80014 RATE_LIMITED (wait {@code estimated_time_to_regain_access}
 * from {@code X-Business-Use-Case-Usage}, {@code X-App-Usage} or {@code X-Page-Usage}, else the configured
 * wait); 190 and 102 AUTH_FAILED; 10 with subcode 2018278 OUTSIDE_WINDOW (Messenger's 24-hour window);
 * 10, 200..299 and 368 PERMISSION; 506 DUPLICATE; {@code is_transient}, 1, 2 and HTTP 5xx TRANSIENT;
 * 100, 551 and the rest INVALID_REQUEST. Network failures are TRANSIENT (HTTP 429: RATE_LIMITED). For writes
 * ({@link #mapWrite}) a 5xx or a failure after the request left is UNKNOWN.
 */
final class GraphErrors {
    static final int OUTSIDE_WINDOW_SUBCODE = 2018278;
    static final int ALREADY_REPLIED = 10900;
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    private static final List<String> USAGE_HEADERS =
            List.of("x-business-use-case-usage", "x-app-usage", "x-page-usage", "x-ad-account-usage");

    private final Redactor redactor;
    private final Duration fallbackWait;

    GraphErrors(Redactor redactor, Duration fallbackWait) {
        this.redactor = redactor;
        this.fallbackWait = fallbackWait;
    }

    /**
     * A failed write (comment, message, hide, delete): as {@link #map}, except that what may have happened after the
     * request reached Facebook is UNKNOWN rather than TRANSIENT: an HTTP 5xx (with or without a Graph error), a read
     * timeout, a reset or dropped connection, an answer that cannot be read. A failure to connect (nothing sent)
     * and a transient Graph error answered with a 4xx stay TRANSIENT.
     */
    PlatformException mapWrite(String operation, FacebookException e, Map<String, List<String>> headers, Instant now) {
        PlatformException p = map(operation, e, headers, now);
        if (p.kind() != Kind.TRANSIENT) {
            return p;
        }
        boolean unknown;
        if (e instanceof FacebookGraphException g) {
            unknown = g.getHttpStatusCode() != null && g.getHttpStatusCode() >= 500;
        } else if (e instanceof FacebookNetworkException n) {
            unknown = (n.getHttpStatusCode() != null && n.getHttpStatusCode() >= 500)
                    || !org.socialcare.adapter.support.SendFailures.nothingSent(n.getCause());
        } else {
            unknown = !org.socialcare.adapter.support.SendFailures.nothingSent(e.getCause());
        }
        if (!unknown) {
            return p;
        }
        return new PlatformException(
                Kind.UNKNOWN, "outcome unknown: " + p.getMessage(), p.platformCode(), Optional.empty(), null);
    }

    PlatformException map(String operation, FacebookException e, Map<String, List<String>> headers, Instant now) {
        if (e instanceof FacebookGraphException g) {
            int code = g.getErrorCode() == null ? -1 : g.getErrorCode();
            Integer sub = g.getErrorSubcode();
            String platformCode = code + (sub == null || sub == 0 ? "" : "/" + sub);
            String message = "Graph error " + code + " "
                    + Optional.ofNullable(g.getErrorType()).orElse("error")
                    + (sub == null || sub == 0 ? "" : " (subcode " + sub + ")") + " on " + operation + ": "
                    + redactor.redact(Optional.ofNullable(g.getErrorMessage()).orElse("no message"));
            Kind kind = kindOf(code, sub, Boolean.TRUE.equals(g.getIsTransient()), g.getHttpStatusCode());
            if (kind == Kind.RATE_LIMITED) {
                return PlatformException.rateLimited(message, retryAt(headers, now), platformCode);
            }
            return PlatformException.of(kind, message, platformCode);
        }
        if (e instanceof FacebookNetworkException n) {
            Integer status = n.getHttpStatusCode();
            String message = "network error on " + operation + (status == null ? "" : ": HTTP " + status)
                    + (n.getCause() == null
                            ? ""
                            : " (" + n.getCause().getClass().getSimpleName() + ")");
            if (status != null && status == 429) {
                return PlatformException.rateLimited(message, retryAt(headers, now), "http-429");
            }
            return PlatformException.of(Kind.TRANSIENT, message, status == null ? null : "http-" + status);
        }
        if (e instanceof FacebookJsonMappingException) {
            return PlatformException.of(Kind.TRANSIENT, "unexpected Graph response on " + operation, null);
        }
        return PlatformException.of(
                Kind.TRANSIENT,
                "Graph call " + operation + " failed: " + e.getClass().getSimpleName(),
                null);
    }

    static Kind kindOf(int code, Integer subcode, boolean isTransient, Integer httpStatus) {
        if (RATE_LIMIT_CODES.contains(code) || (code >= 80001 && code <= 80014)) {
            return Kind.RATE_LIMITED;
        }
        if (code == 190 || code == 102) {
            return Kind.AUTH_FAILED;
        }
        if (code == 10 && subcode != null && subcode == OUTSIDE_WINDOW_SUBCODE) {
            return Kind.OUTSIDE_WINDOW;
        }
        if (code == 10 || (code >= 200 && code <= 299) || code == 368) {
            return Kind.PERMISSION;
        }
        if (code == 506) {
            return Kind.DUPLICATE;
        }
        if (isTransient || code == 1 || code == 2 || (httpStatus != null && httpStatus >= 500)) {
            return Kind.TRANSIENT;
        }
        return Kind.INVALID_REQUEST;
    }

    /** When the usage headers say access comes back, else now + the configured wait. */
    Instant retryAt(Map<String, List<String>> headers, Instant now) {
        OptionalLong minutes = OptionalLong.empty();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() == null || !USAGE_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : h.getValue()) {
                OptionalLong m = estimatedMinutes(value);
                if (m.isPresent() && (minutes.isEmpty() || m.getAsLong() > minutes.getAsLong())) {
                    minutes = m;
                }
            }
        }
        if (minutes.isPresent() && minutes.getAsLong() > 0) {
            return now.plus(Duration.ofMinutes(minutes.getAsLong()));
        }
        return now.plus(fallbackWait);
    }

    /** The largest {@code estimated_time_to_regain_access} (minutes) anywhere in a usage header's JSON. */
    static OptionalLong estimatedMinutes(String headerValue) {
        try {
            return largest(com.restfb.json.Json.parse(headerValue));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong largest(JsonValue v) {
        OptionalLong best = OptionalLong.empty();
        if (v.isObject()) {
            JsonObject o = v.asObject();
            for (String name : o.names()) {
                JsonValue child = o.get(name);
                OptionalLong m = OptionalLong.empty();
                if (name.equals("estimated_time_to_regain_access") && child.isNumber()) {
                    m = OptionalLong.of(child.asLong());
                } else if (child.isObject() || child.isArray()) {
                    m = largest(child);
                }
                if (m.isPresent() && (best.isEmpty() || m.getAsLong() > best.getAsLong())) {
                    best = m;
                }
            }
        } else if (v.isArray()) {
            for (JsonValue child : v.asArray()) {
                OptionalLong m = largest(child);
                if (m.isPresent() && (best.isEmpty() || m.getAsLong() > best.getAsLong())) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** "Graph error 190 OAuthException (subcode 460): message" for an {@code {"error": {...}}} body. */
    static String describe(JsonObject error, Redactor redactor) {
        String code = Json.text(error, "code").orElse("?");
        String type = Json.text(error, "type").orElse("error");
        String sub = Json.text(error, "error_subcode")
                .map(s -> " (subcode " + s + ")")
                .orElse("");
        String msg = Json.text(error, "message").orElse("no message");
        String user = Json.text(error, "error_user_msg")
                .map(s -> " [user message: " + s + "]")
                .orElse("");
        String transientNote = Json.field(error, "is_transient")
                .filter(JsonValue::isTrue)
                .map(x -> " (transient)")
                .orElse("");
        return redactor.redact("Graph error " + code + " " + type + sub + ": " + msg + user + transientNote);
    }
}
