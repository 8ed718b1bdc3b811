package org.socialcare.core.port.in;

/** Publishing what the outbox holds. Implementations are thread-safe; several desks may dispatch one outbox. */
public interface DispatchReplies {
    /**
     * Publishes due outbox entries through the platforms' publishers. Entries of a PAUSED or unhealthy channel
     * stay QUEUED with the reason; rate limits wait until the platform's reset time; transient errors retry
     * with exponential backoff and jitter up to {@code DeskSettings.maxAttempts()}; permission, invalid-request and
     * messaging-window errors fail the entry with the reason.
     *
     * <p>Each attempt is recorded (attempts + 1, next attempt after {@code DeskSettings.dispatchLease()}) in its own
     * transaction before the publisher is called, so an entry with attempts above zero may have been published even
     * if its outcome was never recorded (a crash, a storage failure). A DUPLICATE answer therefore counts as sent
     * only when an earlier attempt of the same entry may have got through; on a first attempt it means the account
     * already posted identical text (another reply), and the entry FAILS asking the agent to rephrase.
     */
    DispatchResult dispatchOutbox();
}
