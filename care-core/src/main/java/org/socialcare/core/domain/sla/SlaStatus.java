package org.socialcare.core.domain.sla;

/**
 * Where an SLA clock stands: ON_TRACK until the at-risk fraction of its target has elapsed, AT_RISK until
 * the target has elapsed, BREACHED after. Ordered from best to worst.
 */
public enum SlaStatus {
    ON_TRACK,
    AT_RISK,
    BREACHED;

    /** The worse of the two. */
    public SlaStatus worst(SlaStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
