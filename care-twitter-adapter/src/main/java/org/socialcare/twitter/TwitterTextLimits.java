package org.socialcare.twitter;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.Objects;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.TextLimits;

/**
 * Tweet length as Twitter counts it, with the twitter-text library: weighted length (most CJK characters and
 * emoji count 2, every URL with a registered top-level domain counts 23 whatever its length), against the 280
 * limit; direct messages count code points against 10,000. Used by the publisher to refuse an over-long reply
 * before calling Twitter.
 *
 * <p>Implements core's {@link TextLimits} port: register it with
 * {@code MessagePolicies.builder().textLimits(TwitterTextLimits.create())} so compliance checks count tweets the
 * way Twitter does. Stateless, thread-safe, never throws for any non-null text.
 */
public final class TwitterTextLimits implements TextLimits {
    /** Twitter's limit on a tweet's weighted length. */
    public static final int MAX_WEIGHTED_LENGTH = 280;
    /** Twitter's limit on a direct message's length, in characters. */
    public static final int MAX_DIRECT_MESSAGE_LENGTH = 10_000;

    private TwitterTextLimits() {}

    public static TwitterTextLimits create() {
        return new TwitterTextLimits();
    }

    /**
     * The weighted length of {@code text} as a tweet. Printable ASCII text, not blank, in which no '.' is followed by a letter
     * or digit (so it holds no URL, which needs a dotted host) weighs one a character without a parse: most
     * replies, which the compliance review counts on every send.
     */
    public int weightedLength(String text) {
        return plainAscii(text) ? text.length() : parse(text).weightedLength;
    }

    static boolean plainAscii(String text) {
        int n = Objects.requireNonNull(text, "text").length();
        boolean blank = true;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < ' ' || ch > '~') {
                return false;
            }
            if (ch == '.' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                return false;
            }
            blank &= ch == ' ';
        }
        // twitter-text weighs a blank text 0
        return !blank;
    }

    /** Whether {@code text} is a valid tweet: not blank, no invalid characters, weighted length at most 280. */
    public boolean fits(String text) {
        return parse(text).isValid;
    }

    /** The limit, for messages. */
    public int maxWeightedLength() {
        return MAX_WEIGHTED_LENGTH;
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    /** The length of {@code text} as a tweet (weighted). */
    @Override
    public int length(String text) {
        return weightedLength(text);
    }

    /** 280 (weighted) for public kinds, 10,000 (characters) for direct messages. */
    @Override
    public int maxLength(ReplyKind kind) {
        return kind.visibility() == Visibility.PUBLIC ? MAX_WEIGHTED_LENGTH : MAX_DIRECT_MESSAGE_LENGTH;
    }

    /** Whether {@code text} fits {@code kind}: a tweet by weighted length, a DM by code points. */
    @Override
    public boolean fits(String text, ReplyKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind.visibility() == Visibility.PUBLIC) {
            return weightedLength(text) <= MAX_WEIGHTED_LENGTH;
        }
        return text.codePointCount(0, text.length()) <= MAX_DIRECT_MESSAGE_LENGTH;
    }

    private static TwitterTextParseResults parse(String text) {
        return TwitterTextParser.parseTweet(Objects.requireNonNull(text, "text"));
    }
}
