package org.socialcare.testkit.arch.planted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.ChannelId;

/** A class every rule accepts: core domain types and slf4j only. */
public final class CleanAdapterClass {
    private static final Logger LOG = LoggerFactory.getLogger(CleanAdapterClass.class);

    private CleanAdapterClass() {}

    static ChannelId channel(String id) {
        LOG.debug("channel {}", id);
        return ChannelId.of(id);
    }
}
