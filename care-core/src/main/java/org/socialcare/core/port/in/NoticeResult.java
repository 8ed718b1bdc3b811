package org.socialcare.core.port.in;

import org.socialcare.core.domain.Checks;

/**
 * What one delivery of queued escalation notices did: notices the notifier took, notices it refused (kept and
 * retried with backoff), and whether a full batch was due (call again). Immutable.
 */
public record NoticeResult(int delivered, int failed, boolean hasMore) {
    public NoticeResult {
        Checks.notNegative(delivered, "delivered");
        Checks.notNegative(failed, "failed");
    }

    public static NoticeResult nothing() {
        return new NoticeResult(0, 0, false);
    }
}
