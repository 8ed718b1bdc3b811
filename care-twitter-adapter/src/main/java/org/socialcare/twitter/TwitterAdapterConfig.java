package org.socialcare.twitter;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;

/**
 * Everything the adapter needs to talk to Twitter as one bank account: the desk channel it feeds, the account's
 * numeric user id (to recognise the bank's own tweets and DMs), OAuth 1.0a credentials, the REST base URL
 * (point it at a local emulator in tests), paging sizes and timeouts.
 *
 * <p>Build with {@link #builder()}; {@link Builder#build()} validates eagerly and names the bad setting. Secrets
 * (consumer secret, access token, access token secret) are never shown by {@link #toString()}, logs or
 * exception messages. Immutable and thread-safe.
 */
public final class TwitterAdapterConfig {
    /** Twitter's v1.1 REST base URL. */
    public static final String DEFAULT_REST_BASE_URL = "https://api.twitter.com/1.1/";
    /** The largest page the mentions timeline serves. */
    public static final int DEFAULT_MENTIONS_PAGE_SIZE = 200;
    /** The largest page the DM events list serves. */
    public static final int DEFAULT_DM_PAGE_SIZE = 50;

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private final ChannelId channel;
    private final String accountId;
    private final Optional<String> screenName;
    private final String consumerKey;
    private final String consumerSecret;
    private final String accessToken;
    private final String accessTokenSecret;
    private final String restBaseUrl;
    private final boolean includeRetweets;
    private final int mentionsPageSize;
    private final int dmPageSize;
    private final Duration pollInterval;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    private TwitterAdapterConfig(Builder b) {
        channel = b.channel;
        accountId = b.accountId;
        screenName = Optional.ofNullable(b.screenName);
        consumerKey = b.consumerKey;
        consumerSecret = b.consumerSecret;
        accessToken = b.accessToken;
        accessTokenSecret = b.accessTokenSecret;
        restBaseUrl = b.restBaseUrl;
        includeRetweets = b.includeRetweets;
        mentionsPageSize = b.mentionsPageSize;
        dmPageSize = b.dmPageSize;
        pollInterval = b.pollInterval;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.channel = channel;
        b.accountId = accountId;
        b.screenName = screenName.orElse(null);
        b.consumerKey = consumerKey;
        b.consumerSecret = consumerSecret;
        b.accessToken = accessToken;
        b.accessTokenSecret = accessTokenSecret;
        b.restBaseUrl = restBaseUrl;
        b.includeRetweets = includeRetweets;
        b.mentionsPageSize = mentionsPageSize;
        b.dmPageSize = dmPageSize;
        b.pollInterval = pollInterval;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.clock = clock;
        return b;
    }

    public ChannelId channel() {
        return channel;
    }

    /** The bank account's numeric Twitter user id, as text. */
    public String accountId() {
        return accountId;
    }

    public long accountIdAsLong() {
        return Long.parseLong(accountId);
    }

    public Optional<String> screenName() {
        return screenName;
    }

    public String consumerKey() {
        return consumerKey;
    }

    /** The consumer (API) secret: signs requests and Account Activity CRC answers. Never log it. */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** Never log it. */
    public String accessToken() {
        return accessToken;
    }

    /** Never log it. */
    public String accessTokenSecret() {
        return accessTokenSecret;
    }

    /** The v1.1 REST base URL, ending with '/'. */
    public String restBaseUrl() {
        return restBaseUrl;
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
        return "TwitterAdapterConfig[channel=" + channel + ", accountId=" + accountId
                + screenName.map(s -> ", screenName=@" + s).orElse("")
                + ", restBaseUrl=" + restBaseUrl + ", consumerKey=" + mask(consumerKey)
                + ", consumerSecret=****, accessToken=****"
                + ", accessTokenSecret=****, includeRetweets=" + includeRetweets + ", mentionsPageSize="
                + mentionsPageSize
                + ", dmPageSize=" + dmPageSize + "]";
    }

    private static String mask(String s) {
        return s.length() <= 4 ? "****" : s.substring(0, 4) + "****";
    }

    /**
     * Builds a {@link TwitterAdapterConfig}. Required: channel, account id, the four OAuth values. Defaults:
     * {@link #DEFAULT_REST_BASE_URL}, retweets ignored, pages of {@link #DEFAULT_MENTIONS_PAGE_SIZE} mentions and
     * {@link #DEFAULT_DM_PAGE_SIZE} DMs, poll every {@link #DEFAULT_POLL_INTERVAL}, system UTC clock. Not thread-safe.
     */
    public static final class Builder {
        private ChannelId channel;
        private String accountId;
        private String screenName;
        private String consumerKey;
        private String consumerSecret;
        private String accessToken;
        private String accessTokenSecret;
        private String restBaseUrl = DEFAULT_REST_BASE_URL;
        private boolean includeRetweets;
        private int mentionsPageSize = DEFAULT_MENTIONS_PAGE_SIZE;
        private int dmPageSize = DEFAULT_DM_PAGE_SIZE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The desk channel the account feeds. */
        public Builder channel(ChannelId value) {
            channel = Objects.requireNonNull(value, "channel");
            return this;
        }

        /** The bank account's numeric user id (digits only), e.g. "2244994945". */
        public Builder accountId(String value) {
            if (value == null || !value.matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException(
                        "accountId must be a numeric Twitter user id but was '" + value + "'");
            }
            accountId = value;
            return this;
        }

        /** The account's screen name, without '@' (informational). */
        public Builder screenName(String value) {
            if (value == null || !value.matches("@?\\w{1,50}")) {
                throw new IllegalArgumentException("screenName must be letters, digits or '_' but was '" + value + "'");
            }
            screenName = value.startsWith("@") ? value.substring(1) : value;
            return this;
        }

        /** The app's consumer (API) key and secret. */
        public Builder consumer(String key, String secret) {
            consumerKey = required(key, "consumerKey");
            consumerSecret = requiredSecret(secret, "consumerSecret");
            return this;
        }

        /** The account's OAuth 1.0a access token and secret. */
        public Builder accessToken(String token, String secret) {
            accessToken = requiredSecret(token, "accessToken");
            accessTokenSecret = requiredSecret(secret, "accessTokenSecret");
            return this;
        }

        /** The v1.1 REST base URL (http or https; a trailing '/' is added). Default {@link #DEFAULT_REST_BASE_URL}. */
        public Builder restBaseUrl(String value) {
            String v = required(value, "restBaseUrl");
            URI uri;
            try {
                uri = URI.create(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("restBaseUrl must be an http(s) URL but was '" + v + "'");
            }
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("restBaseUrl must be an http(s) URL but was '" + v + "'");
            }
            restBaseUrl = v.endsWith("/") ? v : v + "/";
            return this;
        }

        /** Whether retweets of the bank or of customers become customer messages. Default false (skipped). */
        public Builder includeRetweets(boolean value) {
            includeRetweets = value;
            return this;
        }

        /** Mentions per request, 1..200. Default 200. */
        public Builder mentionsPageSize(int value) {
            if (value < 1 || value > 200) {
                throw new IllegalArgumentException("mentionsPageSize must be in 1..200 but was " + value);
            }
            mentionsPageSize = value;
            return this;
        }

        /** DM events per request, 1..50. Default 50. */
        public Builder dmPageSize(int value) {
            if (value < 1 || value > 50) {
                throw new IllegalArgumentException("dmPageSize must be in 1..50 but was " + value);
            }
            dmPageSize = value;
            return this;
        }

        /** How often to poll without backlog; at least 1 second. Default 60 seconds. */
        public Builder pollInterval(Duration value) {
            pollInterval = positive(value, "pollInterval", Duration.ofSeconds(1));
            return this;
        }

        /** HTTP connect timeout; at least 1 ms. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout", Duration.ofMillis(1));
            return this;
        }

        /** HTTP read timeout; at least 1 ms. */
        public Builder readTimeout(Duration value) {
            readTimeout = positive(value, "readTimeout", Duration.ofMillis(1));
            return this;
        }

        /** The clock rate-limit reset times are compared with. Default system UTC. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @throws IllegalStateException naming the first missing setting */
        public TwitterAdapterConfig build() {
            missing(channel, "channel");
            missing(accountId, "accountId");
            missing(consumerKey, "consumer (key and secret)");
            missing(accessToken, "accessToken (token and secret)");
            return new TwitterAdapterConfig(this);
        }

        private static void missing(Object v, String name) {
            if (v == null) {
                throw new IllegalStateException(name + " is required but was not set");
            }
        }

        private static String required(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank but was '" + v + "'");
            }
            return v;
        }

        private static String requiredSecret(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank"); // never echo a secret
            }
            return v;
        }

        private static Duration positive(Duration v, String name, Duration min) {
            Objects.requireNonNull(v, name);
            if (v.compareTo(min) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + min + " but was " + v);
            }
            return v;
        }
    }
}
