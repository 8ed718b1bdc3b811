package org.socialcare.core.domain.sla;

import java.time.Duration;
import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * The SLA targets of one priority (and optionally one channel): the first answer to a new conversation, each
 * following answer after the customer wrote again, and optionally the resolution of the whole conversation.
 * Durations are business time of the channel's {@link BusinessCalendar} (wall time on a 24/7 calendar).
 * Immutable.
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the target when a duration is not positive.
 */
public record SlaTargets(Duration firstResponse, Duration nextResponse, Optional<Duration> resolution) {
    public SlaTargets {
        Checks.positive(firstResponse, "firstResponse");
        Checks.positive(nextResponse, "nextResponse");
        Checks.notNull(resolution, "resolution");
        resolution.ifPresent(r -> Checks.positive(r, "resolution"));
    }

    /** Response targets only; conversations have no resolution deadline. */
    public static SlaTargets of(Duration firstResponse, Duration nextResponse) {
        return new SlaTargets(firstResponse, nextResponse, Optional.empty());
    }

    public static SlaTargets of(Duration firstResponse, Duration nextResponse, Duration resolution) {
        return new SlaTargets(firstResponse, nextResponse, Optional.of(resolution));
    }
}
