package org.socialcare.twitter.v2;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.twitter.Twitter4jChannelSource;
import org.socialcare.twitter.TwitterAdapterConfig;
import org.socialcare.twitter.TwitterApi;

/**
 * Polls one bank account's mentions or DM events through X API v2 ({@link XApiV2Client}).
 *
 * <p>The polling rules are the v1.1 source's, shared through the {@link TwitterApi} seam rather than copied:
 * the mentions checkpoint is the newest post id ingested ({@code since_id}); a full page starts a walk back
 * ({@code until_id}) that the checkpoint remembers, one request per poll, until the gap is closed; DMs keep the
 * newest event id and follow {@code pagination_token} back until they meet it. Source ids are the v1.1 ones
 * ({@code twitter:<channel>:mentions}, {@code twitter:<channel>:dms}) and so are post and DM event ids, so a
 * channel moved from twitter4j to v2 resumes from its stored checkpoint without a gap or a repeat.
 *
 * <p>The bank's own posts and DMs come back as own messages (echoes); retweets are skipped unless configured;
 * unreadable items come back as rejected payloads. Errors: {@link org.socialcare.core.error.PlatformException}
 * (RATE_LIMITED with the reset time, AUTH_FAILED, PERMISSION, TRANSIENT, INVALID_REQUEST). Not thread-safe,
 * as the port allows.
 */
public final class XChannelSource implements ChannelSource {
    private final Twitter4jChannelSource rules;
    private final String description;

    private XChannelSource(Twitter4jChannelSource rules, String description) {
        this.rules = rules;
        this.description = description;
    }

    /** The account's mentions ({@code GET /2/users/{id}/mentions}). */
    public static XChannelSource mentions(XApiConfig config) {
        return mentions(config, XApiV2Client.create(config));
    }

    /** The account's mentions through {@code api} (a decorated or instrumented client). */
    public static XChannelSource mentions(XApiConfig config, TwitterApi api) {
        return new XChannelSource(Twitter4jChannelSource.mentions(rulesConfig(config), api), "mentions");
    }

    /** The account's one-to-one DM events, received and sent ({@code GET /2/dm_events}). */
    public static XChannelSource directMessages(XApiConfig config) {
        return directMessages(config, XApiV2Client.create(config));
    }

    /** The account's DM events through {@code api}. */
    public static XChannelSource directMessages(XApiConfig config, TwitterApi api) {
        return new XChannelSource(Twitter4jChannelSource.directMessages(rulesConfig(config), api), "dms");
    }

    /**
     * The settings the shared polling rules read: channel, account id, retweets, mentions page size and poll
     * interval. The v1.1 config insists on OAuth 1.0a values that the rules never read; they are placeholders
     * here, because the v2 client signs with {@link XApiConfig#auth()}, and no twitter4j client is created.
     */
    private static TwitterAdapterConfig rulesConfig(XApiConfig c) {
        Objects.requireNonNull(c, "config");
        return TwitterAdapterConfig.builder()
                .channel(c.channel())
                .accountId(c.accountId())
                .consumer("x-api-v2", "unused-by-the-v2-source")
                .accessToken("x-api-v2", "unused-by-the-v2-source")
                .includeRetweets(c.includeRetweets())
                .mentionsPageSize(c.mentionsPageSize())
                .dmPageSize(Math.min(50, c.dmPageSize())) // not read: XApiV2Client pages DMs by XApiConfig
                .pollInterval(c.pollInterval())
                .clock(c.clock())
                .build();
    }

    @Override
    public String sourceId() {
        return rules.sourceId();
    }

    @Override
    public ChannelId channel() {
        return rules.channel();
    }

    @Override
    public Duration pollInterval() {
        return rules.pollInterval();
    }

    @Override
    public Batch poll(Optional<Checkpoint> since) {
        return rules.poll(since);
    }

    @Override
    public String toString() {
        return "XChannelSource[" + sourceId() + ", API v2 " + description + "]";
    }
}
