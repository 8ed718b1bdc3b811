package org.socialcare.core.runtime;

import java.time.Duration;
import java.util.List;
import org.socialcare.core.domain.Checks;

/**
 * What a {@link DeskRuntime#stop(Duration)} did: how long it took, the bound it was given, and the work that was
 * still in flight at the bound and was interrupted (one line per loop, e.g. {@code "dispatch: dispatchOutbox"}).
 * Work left this way is safe to leave: a poll whose batch was not stored did not move its checkpoint, and an
 * outbox entry keeps its lease and fencing token, so another node (or this one after a restart) takes it over and
 * looks it up on the platform before sending again. Immutable.
 */
public record StopResult(Duration took, Duration bound, List<String> leftInFlight) {
    public StopResult {
        Checks.notNull(took, "took");
        Checks.notNull(bound, "bound");
        leftInFlight = List.copyOf(Checks.notNull(leftInFlight, "leftInFlight"));
    }

    /** True when every loop finished its work within the bound (nothing was interrupted). */
    public boolean clean() {
        return leftInFlight.isEmpty();
    }
}
