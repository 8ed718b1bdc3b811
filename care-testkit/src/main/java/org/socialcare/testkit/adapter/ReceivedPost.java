package org.socialcare.testkit.adapter;

import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Visibility;

/**
 * What a platform emulator accepted from a publisher, as a {@link ChannelPublisherContract} reads it back:
 * the id the emulator gave it, whether it went out in public (a tweet, a comment) or in private (a DM, a
 * Messenger message), the message it answers, the private recipient's user id, and the text as posted.
 * Immutable.
 */
public record ReceivedPost(
        String platformId, Visibility visibility, Optional<String> inReplyTo, Optional<String> recipient, String text) {
    public ReceivedPost {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
    }

    /** A public post answering {@code inReplyTo}. */
    public static ReceivedPost publicReply(String platformId, String inReplyTo, String text) {
        return new ReceivedPost(platformId, Visibility.PUBLIC, Optional.of(inReplyTo), Optional.empty(), text);
    }

    /** A private message to {@code recipient}. */
    public static ReceivedPost privateMessage(String platformId, String recipient, String text) {
        return new ReceivedPost(platformId, Visibility.PRIVATE, Optional.empty(), Optional.of(recipient), text);
    }
}
