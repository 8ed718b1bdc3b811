package org.socialcare.examples.webchat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.socialcare.core.domain.Platform;

/**
 * How to reach the bank's web chat server: its base URI, the shared secret that signs every call, the page size
 * of a poll, the poll interval without backlog, the request timeout and the clock used for signatures and
 * {@code Retry-After}. Build with {@link #builder(URI, String)}; validated eagerly, errors name the setting and
 * echo the bad value (never the secret). {@link #toString()} masks the secret. Immutable; thread-safe.
 */
public final class WebChatSettings {
    /** The platform name of the web chat: {@code webchat}. Channels, message keys and the publisher use it. */
    public static final Platform PLATFORM = Platform.of("webchat");
    /** Messages per poll unless set: 100, the server's maximum. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Poll interval without backlog unless set: 5 seconds (customers in a chat wait for an answer). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** Request timeout unless set: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUri;
    private final String sharedSecret;
    private final int pageSize;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Clock clock;

    private WebChatSettings(Builder b) {
        this.baseUri = b.baseUri;
        this.sharedSecret = b.sharedSecret;
        this.pageSize = b.pageSize;
        this.pollInterval = b.pollInterval;
        this.timeout = b.timeout;
        this.clock = b.clock;
    }

    /**
     * Starts settings for the server at {@code baseUri} (http or https, e.g. {@code http://127.0.0.1:8080})
     * signing with {@code sharedSecret}.
     *
     * @throws IllegalArgumentException if the URI is not absolute http(s) or the secret is blank
     */
    public static Builder builder(URI baseUri, String sharedSecret) {
        return new Builder(baseUri, sharedSecret);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The shared secret; hand it only to the signer, never to a log. */
    String sharedSecret() {
        return sharedSecret;
    }

    public int pageSize() {
        return pageSize;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration timeout() {
        return timeout;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "WebChatSettings[baseUri=" + baseUri + ", sharedSecret=***, pageSize=" + pageSize + ", pollInterval="
                + pollInterval + ", timeout=" + timeout + "]";
    }

    /** Builds {@link WebChatSettings}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final URI baseUri;
        private final String sharedSecret;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(URI baseUri, String sharedSecret) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = String.valueOf(baseUri.getScheme());
            if (!baseUri.isAbsolute()
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || baseUri.getHost() == null) {
                throw new IllegalArgumentException("baseUri must be an absolute http(s) URI but was '" + baseUri + "'");
            }
            if (sharedSecret == null || sharedSecret.isBlank()) {
                throw new IllegalArgumentException("sharedSecret must not be blank");
            }
            this.baseUri = URI.create(baseUri.toString().replaceAll("/+$", ""));
            this.sharedSecret = sharedSecret;
        }

        /** Messages asked for per poll, 1..100 (the server's maximum). Default 100. */
        public Builder pageSize(int value) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("pageSize must be in 1..100 but was " + value);
            }
            this.pageSize = value;
            return this;
        }

        /** Time between polls without backlog; positive. Default 5 seconds. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive("pollInterval", value);
            return this;
        }

        /** Timeout of one HTTP call; positive. Default 10 seconds. */
        public Builder timeout(Duration value) {
            this.timeout = positive("timeout", value);
            return this;
        }

        /** Clock for request signatures and {@code Retry-After}. Default: system UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public WebChatSettings build() {
            return new WebChatSettings(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
