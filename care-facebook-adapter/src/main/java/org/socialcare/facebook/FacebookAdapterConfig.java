package org.socialcare.facebook;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialcare.core.domain.ChannelId;

/**
 * Settings of one Facebook page on the desk: which desk channel it feeds, the page id and its page access
 * token, the app's secret (webhook signatures and {@code appsecret_proof}) and webhook verify token, the Graph
 * API version and base URL (point it at a local emulator in tests), and polling tunables.
 *
 * <p>Build with {@link #builder()}; every setter validates eagerly and names the setting in its error.
 * Immutable and thread-safe. {@link #toString()} never shows the token, the app secret or the verify token.
 */
public final class FacebookAdapterConfig {
    /** Graph API version used when none is set. */
    public static final String DEFAULT_GRAPH_VERSION = "v24.0";
    /** Facebook's Graph API host. */
    public static final URI DEFAULT_GRAPH_BASE_URL = URI.create("https://graph.facebook.com");
    /** Items asked for per Graph page. */
    public static final int DEFAULT_PAGE_SIZE = 25;
    /** How far back the first poll reads when there is no checkpoint. */
    public static final Duration DEFAULT_INITIAL_LOOKBACK = Duration.ofDays(1);
    /** How old a post may be and still be searched for new comments. */
    public static final Duration DEFAULT_COMMENT_LOOKBACK = Duration.ofDays(3);
    /** Messenger's standard messaging window. */
    public static final Duration DEFAULT_MESSAGING_WINDOW = Duration.ofHours(24);
    /** Wait after a rate limit when Facebook's usage headers give no estimate. */
    public static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(10);

    private static final Pattern VERSION = Pattern.compile("v\\d{1,2}\\.\\d");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,30}");

    private final ChannelId channel;
    private final String pageId;
    private final String pageAccessToken;
    private final String appSecret;
    private final String verifyToken;
    private final Optional<String> appId;
    private final String graphVersion;
    private final URI graphBaseUrl;
    private final int pageSize;
    private final Duration initialLookback;
    private final Duration commentLookback;
    private final Duration messagingWindow;
    private final Duration rateLimitWait;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private FacebookAdapterConfig(Builder b) {
        this.channel = b.channel;
        this.pageId = b.pageId;
        this.pageAccessToken = b.pageAccessToken;
        this.appSecret = b.appSecret;
        this.verifyToken = b.verifyToken;
        this.appId = Optional.ofNullable(b.appId);
        this.graphVersion = b.graphVersion;
        this.graphBaseUrl = b.graphBaseUrl;
        this.pageSize = b.pageSize;
        this.initialLookback = b.initialLookback;
        this.commentLookback = b.commentLookback;
        this.messagingWindow = b.messagingWindow;
        this.rateLimitWait = b.rateLimitWait;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The desk channel this page feeds and publishes for. */
    public ChannelId channel() {
        return channel;
    }

    /** The page's numeric id (also the channel's {@code platformAccountId}). */
    public String pageId() {
        return pageId;
    }

    /** The page access token. Secret: never log it. */
    public String pageAccessToken() {
        return pageAccessToken;
    }

    /** The app secret. Secret: never log it. */
    public String appSecret() {
        return appSecret;
    }

    /** The webhook verify token. Secret: never log it. */
    public String verifyToken() {
        return verifyToken;
    }

    /**
     * This desk's Facebook app id, when set: the webhook handler warns when the page's own message (a Messenger echo)
     * was sent through another app, and own messages carry the app id Facebook names so the desk can audit it.
     */
    public Optional<String> appId() {
        return appId;
    }

    public String graphVersion() {
        return graphVersion;
    }

    public URI graphBaseUrl() {
        return graphBaseUrl;
    }

    public int pageSize() {
        return pageSize;
    }

    public Duration initialLookback() {
        return initialLookback;
    }

    public Duration commentLookback() {
        return commentLookback;
    }

    public Duration messagingWindow() {
        return messagingWindow;
    }

    public Duration rateLimitWait() {
        return rateLimitWait;
    }

    /** How long a Graph call may take to connect (nothing sent yet: a failure is TRANSIENT). Default 10 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long a Graph call may wait for its answer once sent. A publish that runs out of it is UNKNOWN (Facebook
     * may have done it); keep it below the desk's {@code publishTimeout}. Default 60 s.
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public String toString() {
        return "FacebookAdapterConfig[channel=" + channel + ", pageId=" + pageId + ", appId=" + appId.orElse("unset")
                + ", graph=" + graphBaseUrl + "/" + graphVersion + ", pageSize=" + pageSize + ", initialLookback="
                + initialLookback + ", commentLookback=" + commentLookback + ", messagingWindow=" + messagingWindow
                + ", rateLimitWait=" + rateLimitWait + ", pageAccessToken=***, appSecret=***, verifyToken=***]";
    }

    /**
     * Builds a {@link FacebookAdapterConfig}. Required: {@code channel}, {@code pageId}, {@code pageAccessToken},
     * {@code appSecret}, {@code verifyToken}. Not thread-safe.
     */
    public static final class Builder {
        private ChannelId channel;
        private String pageId;
        private String pageAccessToken;
        private String appSecret;
        private String verifyToken;
        private String appId;
        private String graphVersion = DEFAULT_GRAPH_VERSION;
        private URI graphBaseUrl = DEFAULT_GRAPH_BASE_URL;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private Duration initialLookback = DEFAULT_INITIAL_LOOKBACK;
        private Duration commentLookback = DEFAULT_COMMENT_LOOKBACK;
        private Duration messagingWindow = DEFAULT_MESSAGING_WINDOW;
        private Duration rateLimitWait = DEFAULT_RATE_LIMIT_WAIT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** The desk channel id this page belongs to. */
        public Builder channel(ChannelId value) {
            channel = Objects.requireNonNull(value, "channel must not be null");
            return this;
        }

        /** @throws IllegalArgumentException unless the value is a numeric Facebook id */
        public Builder pageId(String value) {
            pageId = numericId(value, "pageId");
            return this;
        }

        /** The page access token (secret; the error for a blank value does not echo it). */
        public Builder pageAccessToken(String value) {
            pageAccessToken = secret(value, "pageAccessToken");
            return this;
        }

        /** The app secret (secret; the error for a blank value does not echo it). */
        public Builder appSecret(String value) {
            appSecret = secret(value, "appSecret");
            return this;
        }

        /** The token Facebook echoes in the webhook verification request (secret). */
        public Builder verifyToken(String value) {
            verifyToken = secret(value, "verifyToken");
            return this;
        }

        /** This desk's app id (numeric), to tell echoes of our own app from messages sent by other tools. */
        public Builder appId(String value) {
            appId = numericId(value, "appId");
            return this;
        }

        /** Graph API version like {@code v24.0}. Default {@value FacebookAdapterConfig#DEFAULT_GRAPH_VERSION}. */
        public Builder graphVersion(String value) {
            Objects.requireNonNull(value, "graphVersion must not be null");
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!VERSION.matcher(v).matches()) {
                throw new IllegalArgumentException("graphVersion must look like v24.0 but was '" + value + "'");
            }
            graphVersion = v;
            return this;
        }

        /** Base URL of the Graph API (scheme and host, optional port, no path). Default https://graph.facebook.com. */
        public Builder graphBaseUrl(URI value) {
            Objects.requireNonNull(value, "graphBaseUrl must not be null");
            String scheme = value.getScheme();
            if (scheme == null
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || value.getHost() == null
                    || (value.getPath() != null
                            && !value.getPath().isEmpty()
                            && !value.getPath().equals("/"))
                    || value.getQuery() != null
                    || value.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        "graphBaseUrl must be an http(s) URL with no path, query or user info but was '" + value + "'");
            }
            String s = value.toString();
            graphBaseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            return this;
        }

        /** Items per Graph page, 1..100. Default 25. */
        public Builder pageSize(int value) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("pageSize must be in 1..100 but was " + value);
            }
            pageSize = value;
            return this;
        }

        public Builder initialLookback(Duration value) {
            initialLookback = positive(value, "initialLookback");
            return this;
        }

        public Builder commentLookback(Duration value) {
            commentLookback = positive(value, "commentLookback");
            return this;
        }

        /** Messenger's window for free-form messages after the customer's last message. Default 24 hours. */
        public Builder messagingWindow(Duration value) {
            messagingWindow = positive(value, "messagingWindow");
            return this;
        }

        /** Wait after a rate limit when the usage headers give no estimate. Default 10 minutes. */
        public Builder rateLimitWait(Duration value) {
            rateLimitWait = positive(value, "rateLimitWait");
            return this;
        }

        /** Connect timeout of Graph calls. Default 10 seconds; at most 10 minutes. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = millis(positive(value, "connectTimeout"), "connectTimeout");
            return this;
        }

        /** Read timeout of Graph calls (see {@link FacebookAdapterConfig#readTimeout()}). Default 60 seconds. */
        public Builder readTimeout(Duration value) {
            readTimeout = millis(positive(value, "readTimeout"), "readTimeout");
            return this;
        }

        private static Duration millis(Duration value, String name) {
            if (value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(name + " must be at most 10 minutes but was " + value);
            }
            return value;
        }

        /** @throws IllegalStateException naming the first required setting that is missing */
        public FacebookAdapterConfig build() {
            require(channel, "channel");
            require(pageId, "pageId");
            require(pageAccessToken, "pageAccessToken");
            require(appSecret, "appSecret");
            require(verifyToken, "verifyToken");
            return new FacebookAdapterConfig(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(
                        name + " is required; set it with FacebookAdapterConfig.builder()." + name + "(...)");
            }
        }

        private static String numericId(String value, String name) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (!NUMERIC_ID.matcher(value.trim()).matches()) {
                throw new IllegalArgumentException(name + " must be a numeric Facebook id but was '" + value + "'");
            }
            return value.trim();
        }

        private static String secret(String value, String name) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            if (!value.strip().equals(value)) {
                throw new IllegalArgumentException(
                        name + " must not start or end with whitespace (value not shown: it is a secret)");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
            }
            return value;
        }
    }
}
