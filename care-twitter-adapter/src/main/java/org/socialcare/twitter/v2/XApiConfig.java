package org.socialcare.twitter.v2;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import org.socialcare.core.domain.ChannelId;

/**
 * One bank account on X API v2: the desk channel it feeds, the account's numeric user id (echo detection and
 * the mentions path), how it signs ({@link XAuth}), the API base URL and paging. Immutable and thread-safe;
 * build with {@link #builder()}; {@code toString()} shows no secret.
 *
 * <p>Errors: the builder throws {@link IllegalArgumentException} naming the bad setting and value (never a
 * secret), and {@link IllegalStateException} naming a missing one.
 */
public final class XApiConfig {
    /** X's API host; paths start with {@code /2/}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com/");
    /** {@code max_results} of mentions: X allows 5..100. */
    public static final int DEFAULT_MENTIONS_PAGE_SIZE = 100;
    /** {@code max_results} of DM events: X allows 1..100. */
    public static final int DEFAULT_DM_PAGE_SIZE = 100;

    private final ChannelId channel;
    private final String accountId;
    private final XAuth auth;
    private final URI baseUrl;
    private final boolean includeRetweets;
    private final int mentionsPageSize;
    private final int dmPageSize;
    private final Duration pollInterval;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    private XApiConfig(Builder b) {
        this.channel = b.channel;
        this.accountId = b.accountId;
        this.auth = b.auth;
        this.baseUrl = b.baseUrl;
        this.includeRetweets = b.includeRetweets;
        this.mentionsPageSize = b.mentionsPageSize;
        this.dmPageSize = b.dmPageSize;
        this.pollInterval = b.pollInterval;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ChannelId channel() {
        return channel;
    }

    /** The bank account's numeric user id, as a string (X ids exceed 2^53). */
    public String accountId() {
        return accountId;
    }

    public long accountIdAsLong() {
        return Long.parseLong(accountId);
    }

    public XAuth auth() {
        return auth;
    }

    /** Base URL ending in '/'; requests go to {@code baseUrl + "2/..."}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public boolean includeRetweets() {
        return includeRetweets;
    }

    public int mentionsPageSize() {
        return mentionsPageSize;
    }

    public int dmPageSize() {
        return dmPageSize;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "XApiConfig[channel=" + channel + ", accountId=" + accountId + ", auth=" + auth + ", baseUrl=" + baseUrl
                + "]";
    }

    /** Configures an {@link XApiConfig}. Required: channel, accountId, auth. Not thread-safe. */
    public static final class Builder {
        private ChannelId channel;
        private String accountId;
        private XAuth auth;
        private URI baseUrl = DEFAULT_BASE_URL;
        private boolean includeRetweets;
        private int mentionsPageSize = DEFAULT_MENTIONS_PAGE_SIZE;
        private int dmPageSize = DEFAULT_DM_PAGE_SIZE;
        private Duration pollInterval = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.system(ZoneOffset.UTC);

        private Builder() {}

        /** The desk channel this account feeds. */
        public Builder channel(ChannelId value) {
            channel = Objects.requireNonNull(value, "channel");
            return this;
        }

        /** The bank account's numeric X user id. */
        public Builder accountId(String value) {
            if (value == null || !value.matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException("accountId must be a numeric X user id but was '" + value + "'");
            }
            try {
                Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("accountId must fit a signed 64-bit id but was '" + value + "'");
            }
            accountId = value;
            return this;
        }

        /** How the account signs its calls: {@link XAuth#oauth1} or {@link XAuth#oauth2User}. */
        public Builder auth(XAuth value) {
            auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** The API host (default {@code https://api.x.com/}); an emulator on 127.0.0.1 in tests. */
        public Builder baseUrl(String value) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(value, "baseUrl"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL but was '" + value + "'");
            }
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL but was '" + value + "'");
            }
            baseUrl = value.endsWith("/") ? uri : URI.create(value + "/");
            return this;
        }

        /** Whether retweets become customer messages. Default false. */
        public Builder includeRetweets(boolean value) {
            includeRetweets = value;
            return this;
        }

        /** {@code max_results} of each mentions request, 5..100 (X's bounds). Default 100. */
        public Builder mentionsPageSize(int value) {
            if (value < 5 || value > 100) {
                throw new IllegalArgumentException("mentionsPageSize must be in 5..100 but was " + value);
            }
            mentionsPageSize = value;
            return this;
        }

        /** {@code max_results} of each DM events request, 1..100. Default 100. */
        public Builder dmPageSize(int value) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("dmPageSize must be in 1..100 but was " + value);
            }
            dmPageSize = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = positive(value, "pollInterval");
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** Compared with rate-limit reset times and token expiry. Default system UTC. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @throws IllegalStateException naming the first missing setting */
        public XApiConfig build() {
            if (channel == null) {
                throw new IllegalStateException("channel is required but was not set");
            }
            if (accountId == null) {
                throw new IllegalStateException("accountId is required but was not set");
            }
            if (auth == null) {
                throw new IllegalStateException("auth is required but was not set");
            }
            return new XApiConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + d);
            }
            return d;
        }
    }
}
