package org.socialcare.core.port.out;

import java.util.List;
import org.socialcare.core.domain.DeadLetter;

/** Keeps payloads the desk could not take, with the raw body and the reason. Thread-safe. */
public interface DeadLetterStore {
    void put(DeadLetter deadLetter);

    /** The most recent {@code limit} dead letters, oldest first. */
    List<DeadLetter> recent(int limit);
}
