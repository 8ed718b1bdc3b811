package org.socialcare.twitter;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.out.PayloadReader;
import org.socialcare.twitter.MessageMapper.Perspective;

/**
 * Reads a recorded Twitter payload with the adapter's own parsing and echo rules, without calling Twitter:
 * Account Activity webhook bodies ({@code for_user_id} names the bank account), single statuses, timelines
 * (status arrays), DM event lists and single events, legacy DM arrays, stream lines (NDJSON: statuses,
 * deletion, limit, scrub_geo and stall notices, user and site stream events), user objects, places and
 * API error bodies.
 *
 * <p>Statuses and DMs become customer messages, except the bank's own (by the configured account id, or
 * {@code for_user_id}) which become own messages, and retweets which are skipped with the reason unless
 * included. Objects that carry no customer message become notices saying what they are (error bodies with
 * code and message). Errors: {@link MalformedPayloadException} naming the position for content that is not
 * JSON, not a Twitter shape, or a status or DM that twitter4j cannot read. Stateless and thread-safe.
 */
public final class TwitterPayloadReader implements PayloadReader {
    /** The channel id messages get when the reader is not told one. */
    public static final ChannelId REPLAY_CHANNEL = ChannelId.of("twitter-replay");

    private final Perspective perspective;

    private TwitterPayloadReader(Perspective perspective) {
        this.perspective = perspective;
    }

    /** A reader with no bank account: only Account Activity bodies say what is the bank's own. */
    public static TwitterPayloadReader create() {
        return new TwitterPayloadReader(new Perspective(REPLAY_CHANNEL, OptionalLong.empty(), false));
    }

    /**
     * A reader for one channel.
     *
     * @param bankAccountId the bank account's numeric user id, whose tweets and DMs are own messages
     * @param includeRetweets whether retweets are customer messages
     */
    public static TwitterPayloadReader forChannel(
            ChannelId channel, Optional<String> bankAccountId, boolean includeRetweets) {
        Objects.requireNonNull(channel, "channel");
        OptionalLong account = OptionalLong.empty();
        if (bankAccountId.isPresent()) {
            if (!bankAccountId.get().matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException(
                        "bankAccountId must be a numeric Twitter user id but was '" + bankAccountId.get() + "'");
            }
            account = OptionalLong.of(Long.parseLong(bankAccountId.get()));
        }
        return new TwitterPayloadReader(new Perspective(channel, account, includeRetweets));
    }

    /** A reader with the channel, account and retweet setting of {@code config}. */
    public static TwitterPayloadReader forAccount(TwitterAdapterConfig config) {
        return forChannel(config.channel(), Optional.of(config.accountId()), config.includeRetweets());
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public PayloadReading read(String content) {
        Objects.requireNonNull(content, "content");
        return PayloadParser.any(content, perspective).toReading();
    }
}
