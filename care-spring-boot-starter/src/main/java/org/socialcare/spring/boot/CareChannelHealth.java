package org.socialcare.spring.boot;

import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.in.ReadDesk;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One channel's health for Actuator: HEALTHY is {@code UP}, DEGRADED the custom status {@code DEGRADED}, AUTH_FAILED
 * {@code DOWN} and PAUSED (kill switch) {@code OUT_OF_SERVICE}. Details: platform state, last success, last error
 * time and retry-after; the last error's text is left out (it may quote a platform answer). Thread-safe.
 */
public final class CareChannelHealth implements HealthIndicator {
    /** The status of a channel that is rate limited or failing transiently. */
    public static final Status DEGRADED = new Status("DEGRADED", "rate limited or failing transiently, retrying");

    private final ReadDesk desk;
    private final ChannelId channel;

    public CareChannelHealth(ReadDesk desk, ChannelId channel) {
        this.desk = desk;
        this.channel = channel;
    }

    @Override
    public Health health() {
        ChannelHealth h = desk.health(channel);
        Status status =
                switch (h.state()) {
                    case HEALTHY -> Status.UP;
                    case DEGRADED -> DEGRADED;
                    case AUTH_FAILED -> Status.DOWN;
                    case PAUSED -> Status.OUT_OF_SERVICE;
                };
        Health.Builder b = Health.status(status).withDetail("state", h.state().name());
        h.lastSuccess().ifPresent(t -> b.withDetail("lastSuccess", t.toString()));
        h.lastErrorAt().ifPresent(t -> b.withDetail("lastErrorAt", t.toString()));
        h.retryAfter().ifPresent(t -> b.withDetail("retryAfter", t.toString()));
        return b.build();
    }
}
