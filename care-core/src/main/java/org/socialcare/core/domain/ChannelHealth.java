package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A channel's health as last seen: state, last success, last error with its reason, and until when the
 * platform asked us to wait. Immutable.
 */
public record ChannelHealth(
        ChannelId channel,
        HealthState state,
        Optional<Instant> lastSuccess,
        Optional<Instant> lastErrorAt,
        Optional<String> lastError,
        Optional<Instant> retryAfter) {

    public ChannelHealth {
        Checks.notNull(channel, "channel");
        Checks.notNull(state, "state");
        Checks.notNull(lastSuccess, "lastSuccess");
        Checks.notNull(lastErrorAt, "lastErrorAt");
        Checks.notNull(lastError, "lastError");
        Checks.notNull(retryAfter, "retryAfter");
    }

    public static ChannelHealth healthy(ChannelId channel) {
        return new ChannelHealth(
                channel, HealthState.HEALTHY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when replies may be published now: not paused, not failed authentication, not waiting out a limit. */
    public boolean isPublishable(Instant now) {
        if (state == HealthState.PAUSED || state == HealthState.AUTH_FAILED) {
            return false;
        }
        return retryAfter.map(r -> !now.isBefore(r)).orElse(true);
    }
}
