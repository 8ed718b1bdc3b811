package org.socialcare.core.domain.sla;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * The SLA clocks of one conversation at one moment: the response clock while the customer waits for an
 * answer, the resolution clock while the conversation is active and not waiting for the customer. Either is
 * empty when it does not run (paused or not configured). Immutable.
 */
public record SlaClocks(Optional<SlaClock> response, Optional<SlaClock> resolution) {
    public SlaClocks {
        Checks.notNull(response, "response");
        Checks.notNull(resolution, "resolution");
    }

    public static SlaClocks none() {
        return new SlaClocks(Optional.empty(), Optional.empty());
    }

    /** The worse status of the running clocks; ON_TRACK when none runs. */
    public SlaStatus statusAt(Instant now) {
        SlaStatus s = SlaStatus.ON_TRACK;
        if (response.isPresent()) {
            s = s.worst(response.get().statusAt(now));
        }
        if (resolution.isPresent()) {
            s = s.worst(resolution.get().statusAt(now));
        }
        return s;
    }
}
