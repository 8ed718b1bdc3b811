package org.socialcare.core.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * One running SLA clock of a conversation: which one, when it started, its target (business time) and the
 * instants, computed on the channel's calendar, at which it becomes AT_RISK and BREACHED. Immutable.
 */
public record SlaClock(Kind kind, Instant start, Duration target, Instant atRiskAt, Instant dueAt) {

    /** The response clock runs while the customer waits for an answer; the resolution clock until resolved. */
    public enum Kind {
        FIRST_RESPONSE,
        NEXT_RESPONSE,
        RESOLUTION
    }

    public SlaClock {
        Checks.notNull(kind, "kind");
        Checks.notNull(start, "start");
        Checks.positive(target, "target");
        Checks.notNull(atRiskAt, "atRiskAt");
        Checks.notNull(dueAt, "dueAt");
        if (atRiskAt.isAfter(dueAt)) {
            throw new IllegalArgumentException("atRiskAt " + atRiskAt + " must not be after dueAt " + dueAt);
        }
    }

    public boolean isResponseClock() {
        return kind != Kind.RESOLUTION;
    }

    public SlaStatus statusAt(Instant now) {
        if (now.isBefore(atRiskAt)) {
            return SlaStatus.ON_TRACK;
        }
        return now.isBefore(dueAt) ? SlaStatus.AT_RISK : SlaStatus.BREACHED;
    }

    /**
     * The next instant after {@code now} at which this clock's status changes: the at-risk instant, then the
     * due instant; empty once breached.
     */
    public Optional<Instant> nextChangeAfter(Instant now) {
        if (atRiskAt.isAfter(now)) {
            return Optional.of(atRiskAt);
        }
        return dueAt.isAfter(now) ? Optional.of(dueAt) : Optional.empty();
    }
}
