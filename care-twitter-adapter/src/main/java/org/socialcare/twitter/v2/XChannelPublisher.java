package org.socialcare.twitter.v2;

import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.TwitterApi;

/**
 * Publishes outbox entries through X API v2, one {@link XApiV2Client} per bank account (chosen by the channel's
 * {@code platformAccountId}), each with its own {@link XAuth} (OAuth 2.0 user context or OAuth 1.0a):
 * {@code PUBLIC_REPLY} is {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}, {@code PRIVATE_MESSAGE}
 * is {@code POST /2/dm_conversations/with/{participant_id}/messages}, {@code DELETE_OWN_POST} is
 * {@code DELETE /2/tweets/{id}}. Length checks (280 weighted characters with twitter-text) and reply-kind
 * rules are the v1.1 publisher's, shared rather than copied.
 *
 * <p>Errors: {@link org.socialcare.core.error.PlatformException}: 429 RATE_LIMITED with {@code x-rate-limit-reset},
 * 401 (or a refused token refresh) AUTH_FAILED, 403 duplicate content DUPLICATE, other 403 PERMISSION, a 5xx, read timeout or dropped connection of a write
 * UNKNOWN (looked up with {@link #findPublished} before it is sent again), failures to connect TRANSIENT, an
 * account without credentials AUTH_FAILED. Thread-safe.
 */
public final class XChannelPublisher implements ChannelPublisher {
    private final Twitter4jChannelPublisher rules;

    private XChannelPublisher(Twitter4jChannelPublisher rules) {
        this.rules = rules;
    }

    /** A publisher for the single account of {@code config}. */
    public static XChannelPublisher forAccount(XApiConfig config) {
        return builder().account(config).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public Optional<String> publish(Channel channel, Reply reply) {
        return rules.publish(channel, reply);
    }

    /** As {@link Twitter4jChannelPublisher#findPublished}, through {@code GET /2/users/:id/tweets} and {@code GET /2/dm_events}. */
    @Override
    public PublishedLookup findPublished(Channel channel, Reply reply) {
        return rules.findPublished(channel, reply);
    }

    @Override
    public String toString() {
        return "XChannelPublisher[" + rules + "]";
    }

    /** One client per account. Not thread-safe. */
    public static final class Builder {
        private final Twitter4jChannelPublisher.Builder rules = Twitter4jChannelPublisher.builder();

        private Builder() {}

        /** The account of {@code config}, through API v2 with its own auth. */
        public Builder account(XApiConfig config) {
            Objects.requireNonNull(config, "config");
            rules.account(config.accountId(), XApiV2Client.create(config));
            return this;
        }

        /** The account {@code accountId} through {@code api}. */
        public Builder account(String accountId, TwitterApi api) {
            rules.account(accountId, api);
            return this;
        }

        /** @throws IllegalStateException when no account is configured */
        public XChannelPublisher build() {
            return new XChannelPublisher(rules.build());
        }
    }
}
