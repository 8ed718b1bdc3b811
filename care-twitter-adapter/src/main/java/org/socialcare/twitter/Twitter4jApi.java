package org.socialcare.twitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.PlatformException;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.DirectMessageList;
import twitter4j.v1.Paging;
import twitter4j.v1.Status;
import twitter4j.v1.TwitterV1;

/**
 * {@link TwitterApi} over twitter4j-core 4.1 (API v1.1): one instance per bank account, signing with the
 * account's OAuth 1.0a credentials against {@link TwitterAdapterConfig#restBaseUrl()}. Reads go through twitter4j;
 * the three writes (reply, DM, delete) through {@link JdkHttpWrites}, so the HTTP layer never posts a reply twice.
 * twitter4j's own retries are off: the desk decides about retries and backoff from the {@link PlatformException}
 * kind.
 *
 * <p>Thread-safe (twitter4j's client is).
 */
public final class Twitter4jApi implements TwitterApi {
    /**
     * twitter4j logs the OAuth signature base string, which holds the access token, at debug level; with SLF4J 2
     * on the class path it logs through java.util.logging. This logger is capped at INFO so turning on debug
     * logging never writes a token. Held strongly: java.util.logging forgets unreferenced loggers' levels.
     */
    private static final java.util.logging.Logger OAUTH_LOG = capOAuthLogging();

    private final TwitterV1 v1;
    private final JdkHttpWrites writes;
    private final TwitterAdapterConfig config;

    private Twitter4jApi(TwitterV1 v1, TwitterAdapterConfig config) {
        this.v1 = v1;
        this.writes = new JdkHttpWrites(config);
        this.config = config;
    }

    private static java.util.logging.Logger capOAuthLogging() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("twitter4j.OAuthAuthorization");
        if (log.getLevel() == null || log.getLevel().intValue() < java.util.logging.Level.INFO.intValue()) {
            log.setLevel(java.util.logging.Level.INFO);
        }
        return log;
    }

    /** A client for the configured account and base URL. */
    public static Twitter4jApi create(TwitterAdapterConfig config) {
        Properties p = new Properties();
        p.setProperty("restBaseURL", config.restBaseUrl());
        Twitter twitter = Twitter.newBuilder()
                .load(p)
                .oAuthConsumer(config.consumerKey(), config.consumerSecret())
                .oAuthAccessToken(config.accessToken(), config.accessTokenSecret())
                .httpConnectionTimeout((int) config.connectTimeout().toMillis())
                .httpReadTimeout((int) config.readTimeout().toMillis())
                .httpRetryCount(0)
                .tweetModeExtended(true)
                .includeEntitiesEnabled(true)
                .jsonStoreEnabled(true)
                .build();
        OAUTH_LOG.getLevel(); // keeps the capped logger reachable
        return new Twitter4jApi(twitter.v1(), config);
    }

    @Override
    public TimelinePage mentions(OptionalLong sinceId, OptionalLong maxId, int count) {
        Paging paging = Paging.ofCount(count);
        if (sinceId.isPresent()) {
            paging = paging.sinceId(sinceId.getAsLong());
        }
        if (maxId.isPresent()) {
            paging = paging.maxId(maxId.getAsLong());
        }
        List<Status> statuses;
        try {
            statuses = v1.timelines().getMentionsTimeline(paging);
        } catch (TwitterException e) {
            throw TwitterErrors.map(e, "GET statuses/mentions_timeline", config.clock());
        }
        return page(statuses, "mentions");
    }

    /** The account's own statuses, newest first ({@code GET statuses/user_timeline} of the account's user id). */
    @Override
    public Optional<TimelinePage> ownTweets(OptionalLong maxId, int count) {
        Paging paging = Paging.ofCount(count);
        if (maxId.isPresent()) {
            paging = paging.maxId(maxId.getAsLong());
        }
        List<Status> statuses;
        try {
            statuses = v1.timelines().getUserTimeline(Long.parseLong(config.accountId()), paging);
        } catch (TwitterException e) {
            throw TwitterErrors.map(e, "GET statuses/user_timeline", config.clock());
        }
        return Optional.of(page(statuses, "timeline"));
    }

    private TimelinePage page(List<Status> statuses, String what) {
        List<Tweet> out = new ArrayList<>(statuses.size());
        List<RejectedPayload> rejected = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        long newest = 0;
        for (Status s : statuses) {
            if (s.getId() > 0) {
                oldest = Math.min(oldest, s.getId());
                newest = Math.max(newest, s.getId());
            }
            try {
                out.add(Twitter4jConversions.tweet(s));
            } catch (MalformedPayloadException e) {
                rejected.add(new RejectedPayload("twitter:" + config.channel() + ":" + what, rawOf(s), e.getMessage()));
            }
        }
        return new TimelinePage(
                out,
                rejected,
                newest == 0 ? OptionalLong.empty() : OptionalLong.of(oldest),
                newest == 0 ? OptionalLong.empty() : OptionalLong.of(newest),
                statuses.size());
    }

    @Override
    public DmPage directMessages(Optional<String> cursor, int count) {
        DirectMessageList list;
        try {
            list = cursor.isPresent()
                    ? v1.directMessages().getDirectMessages(count, cursor.get())
                    : v1.directMessages().getDirectMessages(count);
        } catch (TwitterException e) {
            throw TwitterErrors.map(e, "GET direct_messages/events/list", config.clock());
        }
        List<DirectMessageEvent> events = new ArrayList<>(list.size());
        List<RejectedPayload> rejected = new ArrayList<>();
        for (DirectMessage d : list) {
            try {
                events.add(Twitter4jConversions.directMessage(d, Optional.empty(), sourceAppId(d)));
            } catch (MalformedPayloadException e) {
                rejected.add(new RejectedPayload("twitter:" + config.channel() + ":dms", rawOf(d), e.getMessage()));
            }
        }
        return new DmPage(
                events,
                rejected,
                Optional.ofNullable(list.getNextCursor()).filter(c -> !c.isBlank() && !c.equals("0")));
    }

    private static String rawOf(Object twitter4jObject) {
        String raw = TwitterObjectFactory.getRawJSON(twitter4jObject);
        return raw == null ? String.valueOf(twitter4jObject) : raw;
    }

    /** twitter4j does not expose {@code source_app_id}; the raw event (json store) has it. */
    private static Optional<String> sourceAppId(DirectMessage d) {
        String raw = TwitterObjectFactory.getRawJSON(d);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return TwitterJson.object(TwitterJson.parse(raw), "message_create")
                    .flatMap(mc -> TwitterJson.text(mc, "source_app_id"));
        } catch (TwitterJson.NotJson e) {
            return Optional.empty();
        }
    }

    /**
     * Writes go through {@link JdkHttpWrites} (the JDK's {@code java.net.http} client), not twitter4j: twitter4j's
     * {@code HttpURLConnection} sends a POST again by itself when the connection drops before an answer.
     */
    @Override
    public long reply(long inReplyToStatusId, String text) {
        return writes.reply(inReplyToStatusId, text);
    }

    @Override
    public long sendDirectMessage(long recipientId, String text) {
        return writes.sendDirectMessage(recipientId, text);
    }

    @Override
    public void deleteTweet(long statusId) {
        writes.deleteTweet(statusId);
    }

    @Override
    public String toString() {
        return "Twitter4jApi[" + config.accountId() + " at " + config.restBaseUrl() + "]";
    }
}
