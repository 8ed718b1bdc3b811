package org.socialcare.core.port.out;

import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;

/**
 * How one platform counts and limits the text of what the desk publishes. The reply composer checks every
 * reply against it before the reply is queued, so an over-long reply fails at the agent's desk instead of at
 * the platform.
 *
 * <p>Core ships {@link #codePoints}: a plain count of Unicode code points. The Twitter adapter implements
 * this port with twitter-text's weighted length (URLs count 23, most emoji and CJK count double), which is how
 * Twitter enforces 280. Implementations are immutable and thread-safe and never throw for any text.
 */
public interface TextLimits {
    /** Default public limit of a tweet. */
    int TWITTER_PUBLIC = 280;
    /** Default limit of a Twitter direct message. */
    int TWITTER_PRIVATE = 10_000;
    /** Default limit of a Facebook comment reply (Graph API accepts 8,000 characters). */
    int FACEBOOK_PUBLIC = 8_000;
    /** Default limit of a Messenger text message. */
    int FACEBOOK_PRIVATE = 2_000;
    /** Default limits for a custom platform. */
    int OTHER = 2_000;

    /** The platform these limits are for. */
    Platform platform();

    /** The length of {@code text} as the platform counts it. */
    int length(String text);

    /** The longest text the platform accepts for {@code kind}. Only asked for kinds that carry text. */
    int maxLength(ReplyKind kind);

    /** True if {@code text} fits {@code kind}. */
    default boolean fits(String text, ReplyKind kind) {
        return length(text) <= maxLength(kind);
    }

    /**
     * Counts code points; public replies may hold {@code publicMax}, private messages {@code privateMax}.
     *
     * @throws IllegalArgumentException if a maximum is not positive
     */
    static TextLimits codePoints(Platform platform, int publicMax, int privateMax) {
        Checks.notNull(platform, "platform");
        Checks.positive(publicMax, "publicMax");
        Checks.positive(privateMax, "privateMax");
        return new TextLimits() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public int length(String text) {
                return text.codePointCount(0, text.length());
            }

            @Override
            public int maxLength(ReplyKind kind) {
                return kind.visibility() == org.socialcare.core.domain.Visibility.PUBLIC ? publicMax : privateMax;
            }

            @Override
            public String toString() {
                return "TextLimits[" + platform + ", code points, public " + publicMax + ", private " + privateMax
                        + "]";
            }
        };
    }

    /** Code-point limits for a platform: Twitter 280 / 10,000, Facebook 8,000 / 2,000, others 2,000. */
    static TextLimits defaultsFor(Platform platform) {
        Checks.notNull(platform, "platform");
        return codePoints(platform, platform.defaultPublicLength(), platform.defaultPrivateLength());
    }
}
