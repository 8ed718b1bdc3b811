package org.socialcare.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.EscalationNotice;

/**
 * The durable queue of {@link EscalationNotice}s for the {@link EscalationNotifier}: a notice is enqueued in the same
 * transaction as the change that caused it (an escalation rule firing, a manual escalation, a suspected hijack), so
 * it is neither announced for a change that rolled back nor lost when the notifier fails after the commit. The desk
 * delivers it right after the commit and, when that fails, again with exponential backoff
 * ({@code CareDesk.deliverNotices()}, run by the desk runtime) until the notifier takes it; notices that keep
 * failing are listed with their attempts and (masked) last error ({@link #failing}).
 *
 * <p>Promises: {@link #claimDue} hands each due entry (next attempt at or before {@code now}) to at most one caller
 * until the lease it sets ends (several desks may share one store); delivery is at least once (a desk that dies
 * after the notifier took a notice and before {@link #delivered} lets another desk deliver it again).
 * {@link #delivered} removes the entry. Reads never return null. Thread-safe; takes part in the current transaction.
 */
public interface NoticeOutbox {
    /** One notice waiting for delivery. Immutable. */
    record Entry(
            String id,
            EscalationNotice notice,
            Instant enqueuedAt,
            int attempts,
            Instant nextAttemptAt,
            Optional<String> lastError) {
        public Entry {
            Checks.notBlank(id, "id");
            Checks.notNull(notice, "notice");
            Checks.notNull(enqueuedAt, "enqueuedAt");
            Checks.notNegative(attempts, "attempts");
            Checks.notNull(nextAttemptAt, "nextAttemptAt");
            Checks.notNull(lastError, "lastError");
        }
    }

    /**
     * Adds a new entry (attempts 0, no error), not claimable before {@code entry.nextAttemptAt()} (the enqueuing
     * desk's own delivery right after the commit has it until then).
     *
     * @throws IllegalArgumentException when the id exists
     */
    void enqueue(Entry entry);

    /**
     * Leases up to {@code limit} entries whose next attempt is at or before {@code now}, oldest due first: each is
     * returned as stored and its next attempt moved to {@code now + lease}, so no other caller gets it meanwhile.
     */
    List<Entry> claimDue(Instant now, int limit, Duration lease);

    /** The notifier took the entry: removes it. Does nothing when it is gone already (another desk delivered it). */
    void delivered(String id);

    /**
     * Records a failed delivery: the attempts, when to try again, and the (masked) error. Does nothing when the entry
     * is gone.
     */
    void failed(String id, int attempts, Instant nextAttemptAt, String lastError);

    /** Up to {@code limit} entries that failed at least once, the longest failing (oldest enqueued) first. */
    List<Entry> failing(int limit);

    /** How many entries wait for delivery (due or not). */
    int pending();
}
