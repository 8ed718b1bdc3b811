package org.socialcare.core.port.in;

/**
 * What one SLA sweep did: conversations found due, reviewed (timers moved on, rules applied), rules fired,
 * conversations skipped because another desk changed them meanwhile (they come due again), and whether more
 * were due than the sweep's limit (call again). Immutable.
 */
public record SweepResult(int due, int reviewed, int fired, int skipped, boolean hasMore) {
    public static SweepResult nothing() {
        return new SweepResult(0, 0, 0, 0, false);
    }
}
