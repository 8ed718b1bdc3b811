package org.socialcare.twitter;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.Objects;

/**
 * Tweet length as Twitter counts it, with the twitter-text library: weighted length (most CJK characters and
 * emoji count 2, every URL counts 23 whatever its length), against the 280 limit. Used by the publisher to
 * refuse an over-long reply before calling Twitter. Stateless and thread-safe.
 */
public final class TwitterTextLimits {
    /** Twitter's limit on a tweet's weighted length. */
    public static final int MAX_WEIGHTED_LENGTH = 280;
    /** Twitter's limit on a direct message's length, in characters. */
    public static final int MAX_DIRECT_MESSAGE_LENGTH = 10_000;

    private TwitterTextLimits() {}

    public static TwitterTextLimits create() {
        return new TwitterTextLimits();
    }

    /** The weighted length of {@code text} as a tweet. */
    public int weightedLength(String text) {
        return parse(text).weightedLength;
    }

    /** Whether {@code text} is a valid tweet: not blank, no invalid characters, weighted length at most 280. */
    public boolean fits(String text) {
        return parse(text).isValid;
    }

    /** The limit, for messages. */
    public int maxWeightedLength() {
        return MAX_WEIGHTED_LENGTH;
    }

    private static TwitterTextParseResults parse(String text) {
        return TwitterTextParser.parseTweet(Objects.requireNonNull(text, "text"));
    }
}
