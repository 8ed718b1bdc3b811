package org.socialcare.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.port.out.DeadLetterStore;

/** {@link DeadLetterStore} in a list guarded by one monitor. Thread-safe. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {
    private final List<DeadLetter> letters = new ArrayList<>();
    private final Map<String, Instant> reprocessed = new HashMap<>();

    @Override
    public synchronized void put(DeadLetter deadLetter) {
        letters.add(Objects.requireNonNull(deadLetter, "deadLetter must not be null"));
    }

    @Override
    public synchronized List<DeadLetter> recent(int limit) {
        return List.copyOf(letters.subList(Math.max(0, letters.size() - limit), letters.size()));
    }

    @Override
    public synchronized List<DeadLetter> open(Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        int start = 0;
        if (after.isPresent()) {
            for (int i = 0; i < letters.size(); i++) {
                if (letters.get(i).id().equals(after.get())) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<DeadLetter> page = new ArrayList<>();
        for (int i = start; i < letters.size() && page.size() < limit; i++) {
            if (!reprocessed.containsKey(letters.get(i).id())) {
                page.add(letters.get(i));
            }
        }
        return List.copyOf(page);
    }

    @Override
    public synchronized Optional<DeadLetter> findOpen(String id) {
        Checks.notNull(id, "id");
        if (reprocessed.containsKey(id)) {
            return Optional.empty();
        }
        return letters.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public synchronized boolean markReprocessed(String id, Instant at) {
        Checks.notNull(at, "at");
        if (findOpen(id).isEmpty()) {
            return false;
        }
        reprocessed.put(id, at);
        return true;
    }
}
