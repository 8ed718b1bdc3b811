package org.socialcare.core.error;

import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;

/**
 * A channel that may publish was given no publisher, neither its own nor one for its platform, so its replies would
 * wait forever: thrown when an operator adds such a channel to a running desk ({@code Operations.addChannel}). The
 * message names the channel and its platform and says what to give. Immutable.
 */
public class MissingPublisherException extends CareException {
    private final transient ChannelId channel;

    public MissingPublisherException(ChannelId channel, Platform platform) {
        super("channel '" + Checks.notNull(channel, "channel") + "' on " + Checks.notNull(platform, "platform")
                + " has no publisher, so its replies would wait forever; give the channel its own publisher, build"
                + " the desk with a publisher for " + platform + ", or add it receive-only");
        this.channel = channel;
    }

    /** The channel that has no publisher. */
    public ChannelId channel() {
        return channel;
    }
}
