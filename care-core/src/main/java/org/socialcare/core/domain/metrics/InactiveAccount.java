package org.socialcare.core.domain.metrics;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;

/** A bank account (channel) with no agent reply for longer than the report's limit; never replied when empty. Immutable. */
public record InactiveAccount(ChannelId channel, Platform platform, String handle, Optional<Instant> lastReplyAt) {
    public InactiveAccount {
        Checks.notNull(channel, "channel");
        Checks.notNull(platform, "platform");
        Checks.notBlank(handle, "handle");
        Checks.notNull(lastReplyAt, "lastReplyAt");
    }
}
