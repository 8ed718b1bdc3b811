package org.socialcare.core.port.out;

import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;

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

    /** Publishes {@code reply} through {@code channel}'s account. */
    Optional<String> publish(Channel channel, Reply reply);
}
