package org.socialcare.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialcare.adapter.support.SendFailures;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import twitter4j.TwitterException;
import twitter4j.v1.RateLimitStatus;

/**
 * Maps twitter4j's {@link TwitterException} to core's {@link PlatformException} kinds. Messages carry the HTTP
 * status, Twitter's error code and Twitter's own message, never a request header (the OAuth header holds the
 * token).
 */
final class TwitterErrors {
    /** When a 429 comes without a usable x-rate-limit-reset, wait one rate-limit window. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(15);

    private TwitterErrors() {}

    /**
     * A failed write (a tweet, a DM, a delete): as {@link #map}, except that a failure after the request may have
     * reached Twitter (a read timeout, a reset or dropped connection, a 5xx) is UNKNOWN, because Twitter may have
     * done it. A failure to connect (nothing was sent) stays TRANSIENT.
     */
    static PlatformException mapWrite(TwitterException e, String operation, Clock clock) {
        return mapWrite(e, operation, clock, Optional.empty());
    }

    /**
     * As {@link #mapWrite(TwitterException, String, Clock)}, for a failure built outside twitter4j (which then has no
     * rate-limit status): {@code rateLimitReset} is the answer's {@code x-rate-limit-reset}, if any.
     */
    static PlatformException mapWrite(
            TwitterException e, String operation, Clock clock, Optional<Instant> rateLimitReset) {
        PlatformException p = map(e, operation, clock, rateLimitReset);
        if (p.kind() != Kind.TRANSIENT) {
            return p;
        }
        int status = e.getStatusCode();
        boolean afterSending = status >= 500 || (e.isCausedByNetworkIssue() && !SendFailures.nothingSent(e.getCause()));
        if (!afterSending) {
            return p;
        }
        return new PlatformException(
                Kind.UNKNOWN, operation + " outcome unknown: " + describe(e), p.platformCode(), Optional.empty(), null);
    }

    static PlatformException map(TwitterException e, String operation, Clock clock) {
        return map(e, operation, clock, Optional.empty());
    }

    private static PlatformException map(
            TwitterException e, String operation, Clock clock, Optional<Instant> rateLimitReset) {
        int status = e.getStatusCode();
        int code = e.getErrorCode();
        String platformCode = code > 0 ? String.valueOf(code) : (status > 0 ? "http " + status : null);
        String what = operation + " failed: " + describe(e);
        if (status == 429 || code == 88) {
            Instant reset = rateLimitReset
                    .map(r -> r.isAfter(clock.instant()) ? r : clock.instant().plusSeconds(1))
                    .orElseGet(() -> resetTime(e, clock));
            return PlatformException.rateLimited(what, reset, platformCode);
        }
        Kind kind;
        if (code == 187) {
            kind = Kind.DUPLICATE;
        } else if (code == 89 || code == 32 || code == 135 || status == 401) {
            kind = Kind.AUTH_FAILED;
        } else if (code == 64 || code == 326 || code == 261 || status == 403) {
            kind = Kind.PERMISSION;
        } else if (status >= 500 || status <= 0 || e.isCausedByNetworkIssue() || code == 130 || code == 131) {
            kind = Kind.TRANSIENT;
        } else {
            kind = Kind.INVALID_REQUEST;
        }
        return new PlatformException(kind, what, Optional.ofNullable(platformCode), Optional.empty(), null);
    }

    private static Instant resetTime(TwitterException e, Clock clock) {
        RateLimitStatus rl = e.getRateLimitStatus();
        if (rl != null && rl.getResetTimeInSeconds() > 0) {
            Instant reset = Instant.ofEpochSecond(rl.getResetTimeInSeconds());
            Instant now = clock.instant();
            return reset.isAfter(now) ? reset : now.plusSeconds(1);
        }
        return clock.instant().plus(DEFAULT_RATE_LIMIT_WAIT);
    }

    private static String describe(TwitterException e) {
        StringBuilder b = new StringBuilder();
        if (e.getStatusCode() > 0) {
            b.append("HTTP ").append(e.getStatusCode());
        } else if (e.isCausedByNetworkIssue()) {
            b.append("network error ").append(e.getCause().getClass().getSimpleName());
        } else {
            b.append("client error");
        }
        if (e.getErrorCode() > 0) {
            b.append(", code ").append(e.getErrorCode());
        }
        if (e.isErrorMessageAvailable()) {
            b.append(": ").append(e.getErrorMessage());
        }
        return b.toString();
    }
}
