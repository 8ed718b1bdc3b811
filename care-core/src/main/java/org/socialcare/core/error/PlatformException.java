package org.socialcare.core.error;

import java.time.Instant;
import java.util.Optional;

/**
 * A platform call failed. Adapters map their SDK's errors to one {@link Kind}; the desk reacts by kind:
 * RATE_LIMITED waits until {@link #retryAt()}, TRANSIENT retries with backoff, AUTH_FAILED marks the channel
 * unhealthy and notifies, DUPLICATE counts as already sent on a retry (a first attempt fails: the account already
 * posted identical text, rephrase), PERMISSION and INVALID_REQUEST fail the entry.
 * Messages never contain tokens or secrets.
 */
public class PlatformException extends CareException {
    /** What went wrong, as far as the desk cares. */
    public enum Kind {
        RATE_LIMITED,
        TRANSIENT,
        AUTH_FAILED,
        PERMISSION,
        INVALID_REQUEST,
        /** The platform already has this content (e.g. Twitter 187): sent, if this entry was attempted before; else refused. */
        DUPLICATE,
        /** A policy of the platform forbids it now (e.g. Messenger outside the 24-hour window). */
        OUTSIDE_WINDOW,
        /**
         * The request left but its outcome is not known (a read timeout, a connection reset or a 5xx after sending):
         * the platform may have published it. The desk asks {@code ChannelPublisher.findPublished} before sending
         * it again.
         */
        UNKNOWN
    }

    private final Kind kind;
    private final Optional<Instant> retryAt;
    private final Optional<String> platformCode;

    public PlatformException(
            Kind kind, String message, Optional<String> platformCode, Optional<Instant> retryAt, Throwable cause) {
        super(kind + (platformCode.map(c -> " (platform code " + c + ")").orElse("")) + ": " + message, cause);
        this.kind = kind;
        this.retryAt = retryAt;
        this.platformCode = platformCode;
    }

    public static PlatformException rateLimited(String message, Instant retryAt, String platformCode) {
        return new PlatformException(
                Kind.RATE_LIMITED, message, Optional.ofNullable(platformCode), Optional.of(retryAt), null);
    }

    public static PlatformException of(Kind kind, String message, String platformCode) {
        return new PlatformException(kind, message, Optional.ofNullable(platformCode), Optional.empty(), null);
    }

    public Kind kind() {
        return kind;
    }

    /** When the platform allows the next call (rate limits), when it said. */
    public Optional<Instant> retryAt() {
        return retryAt;
    }

    /** The platform's own error code, e.g. "88" or "190". */
    public Optional<String> platformCode() {
        return platformCode;
    }

    public boolean isRetryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
    }
}
