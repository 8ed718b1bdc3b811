package org.socialcare.core.domain.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.socialcare.core.domain.Checks;

/**
 * Care figures of one slice (the whole desk, a channel, a team, an agent or a business unit) over a period:
 * conversations opened, how many got a first response, first response time (median and 90th percentile,
 * wall time, nearest rank), response rate, first-response SLA met and missed (conversations whose target
 * has not passed yet and that are unanswered count in neither), and the backlog of active conversations at
 * report time. Immutable.
 */
public record Breakdown(
        int opened,
        int responded,
        Optional<Duration> medianFirstResponse,
        Optional<Duration> p90FirstResponse,
        int slaMet,
        int slaMissed,
        int backlog) {

    public Breakdown {
        Checks.notNegative(opened, "opened");
        Checks.notNegative(responded, "responded");
        Checks.notNull(medianFirstResponse, "medianFirstResponse");
        Checks.notNull(p90FirstResponse, "p90FirstResponse");
        Checks.notNegative(slaMet, "slaMet");
        Checks.notNegative(slaMissed, "slaMissed");
        Checks.notNegative(backlog, "backlog");
    }

    /** Responded / opened; empty when nothing was opened. */
    public OptionalDouble responseRate() {
        return opened == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) responded / opened);
    }

    /** Met / (met + missed); empty when no conversation's target was decided yet. */
    public OptionalDouble slaCompliance() {
        int decided = slaMet + slaMissed;
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) slaMet / decided);
    }
}
