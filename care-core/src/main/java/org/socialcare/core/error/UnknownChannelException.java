package org.socialcare.core.error;

import java.util.Collection;
import org.socialcare.core.domain.ChannelId;

/** A channel id that the desk was not configured with. */
public class UnknownChannelException extends CareException {
    public UnknownChannelException(ChannelId id, Collection<ChannelId> known) {
        super("unknown channel '" + id + "'; configured channels are " + known);
    }
}
