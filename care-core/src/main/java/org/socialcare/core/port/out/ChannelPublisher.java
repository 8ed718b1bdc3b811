package org.socialcare.core.port.out;

import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;

/**
 * Publishes outbox entries on one platform: public replies, private messages, moderation actions.
 *
 * <p>Promises: returns the platform's id of what it created (empty for actions that create nothing, such as
 * hiding a comment); throws {@link org.socialcare.core.error.PlatformException} with the kind that says how
 * the desk should react (rate limit with its reset time, transient, auth failure, duplicate, permission,
 * invalid request, outside the messaging window). Never logs tokens. Thread-safe.
 */
public interface ChannelPublisher {
    Platform platform();

    /**
     * Whether this publisher can do {@code kind} at all. The desk asks before it queues work: a private reply to a
     * public message fails at the agent's request, and an escalation rule hides a comment only where this says
     * yes. Default: what the domain assumes of {@link #platform()} ({@link ReplyKind#assumedAvailableOn}: everything
     * on Facebook; no private reply to a tweet and no hiding on Twitter; everything but hiding on a custom platform),
     * so existing publishers keep their behaviour; override it to say what yours can do (a custom adapter that can
     * hide comments answers true for {@link ReplyKind#HIDE_COMMENT} and gets escalation hides). Must not throw.
     */
    default boolean supports(ReplyKind kind) {
        return kind.assumedAvailableOn(platform());
    }

    /** Publishes {@code reply} through {@code channel}'s account. */
    Optional<String> publish(Channel channel, Reply reply);

    /**
     * Whether an earlier attempt of {@code reply} whose outcome was unknown (see
     * {@link org.socialcare.core.error.PlatformException.Kind#UNKNOWN}) reached the platform: looks through the
     * account's own recent replies, messages or comments to the reply's recipient or target for its text. The
     * desk asks before it sends such an entry again, and marks it sent with the found id instead. Default:
     * {@link PublishedLookup#cannotTell()}, and the desk sends again. May throw a
     * {@link org.socialcare.core.error.PlatformException} when the lookup itself fails (the entry waits).
     */
    default PublishedLookup findPublished(Channel channel, Reply reply) {
        return PublishedLookup.cannotTell();
    }
}
