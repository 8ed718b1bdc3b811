package org.socialcare.core.memory;

import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.port.out.DeadLetterStore;

/** {@link DeadLetterStore} in a list guarded by one monitor. Thread-safe. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {
    private final List<DeadLetter> letters = new ArrayList<>();

    @Override
    public synchronized void put(DeadLetter deadLetter) {
        letters.add(java.util.Objects.requireNonNull(deadLetter, "deadLetter must not be null"));
    }

    @Override
    public synchronized List<DeadLetter> recent(int limit) {
        return List.copyOf(letters.subList(Math.max(0, letters.size() - limit), letters.size()));
    }
}
