package org.socialcare.core.port.in;

/**
 * What one outbox dispatch did: entries sent, held back (paused or unhealthy channel, rate limit, retry
 * later) and failed for good. Immutable.
 */
public record DispatchResult(int sent, int held, int failed) {
    public static DispatchResult nothing() {
        return new DispatchResult(0, 0, 0);
    }

    public DispatchResult plus(DispatchResult o) {
        return new DispatchResult(sent + o.sent, held + o.held, failed + o.failed);
    }

    public int total() {
        return sent + held + failed;
    }
}
