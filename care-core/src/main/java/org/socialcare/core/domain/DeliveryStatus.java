package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an outbox entry stands. QUEUED is never shown as sent: a reply for a paused or unhealthy channel
 * stays QUEUED with the reason in {@code lastError}. SENT carries the platform's id of the new post when the
 * platform gave one (a duplicate the platform already had may have none). FAILED is final, with the reason.
 */
public sealed interface DeliveryStatus {
    /** Waiting to be sent at or after {@code nextAttemptAt}. */
    record Queued(int attempts, Instant nextAttemptAt, Optional<String> lastError) implements DeliveryStatus {
        public Queued {
            Checks.notNegative(attempts, "attempts");
            Checks.notNull(nextAttemptAt, "nextAttemptAt");
            Checks.notNull(lastError, "lastError");
        }
    }

    /** Published. */
    record Sent(Optional<String> platformMessageId, Instant sentAt, int attempts) implements DeliveryStatus {
        public Sent {
            Checks.notNull(platformMessageId, "platformMessageId");
            Checks.notNull(sentAt, "sentAt");
        }
    }

    /** Given up; the reason says why (permission, invalid, outside the messaging window, too many retries). */
    record Failed(String reason, Instant failedAt, int attempts) implements DeliveryStatus {
        public Failed {
            Checks.notBlank(reason, "reason");
            Checks.notNull(failedAt, "failedAt");
        }
    }

    /** QUEUED, SENT or FAILED: the name to show and to store. */
    default String name() {
        if (this instanceof Queued) {
            return "QUEUED";
        }
        return this instanceof Sent ? "SENT" : "FAILED";
    }
}
