package org.socialcare.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.DeadLetter;

/**
 * Keeps payloads the desk could not take, with the raw body (masked at rest by the desk) and the reason, until an
 * operator has them reprocessed. A dead letter is <em>open</em> from {@link #put} until {@link #markReprocessed};
 * it is never deleted by the desk (retention of dead letters is the bank's).
 *
 * <p>Thread-safe; a JDBC store joins the caller's transaction. Several desks may share one store:
 * {@link #markReprocessed} is conditional, so exactly one caller marks a dead letter. Errors: storage failures
 * propagate as unchecked exceptions.
 */
public interface DeadLetterStore {
    void put(DeadLetter deadLetter);

    /** The most recent {@code limit} dead letters, open or reprocessed, oldest first. */
    List<DeadLetter> recent(int limit);

    /**
     * Up to {@code limit} open dead letters in the order they were put, starting after the one with id
     * {@code after} (empty: from the first); an {@code after} that is unknown or no longer open still pages from
     * where it was put.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<DeadLetter> open(Optional<String> after, int limit);

    /** The dead letter with this id while it is open; empty when it is unknown or was reprocessed. */
    Optional<DeadLetter> findOpen(String id);

    /**
     * Marks an open dead letter reprocessed at {@code at}; it then leaves {@link #open} and {@link #findOpen}.
     *
     * @return true when this call marked it; false when it is unknown or another caller marked it first
     */
    boolean markReprocessed(String id, Instant at);
}
