package org.socialcare.core.memory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.port.out.CheckpointStore;

/** {@link CheckpointStore} in a concurrent map. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final ConcurrentMap<String, Checkpoint> bySource = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> load(String sourceId) {
        return Optional.ofNullable(bySource.get(sourceId));
    }

    @Override
    public void save(Checkpoint checkpoint) {
        bySource.put(checkpoint.sourceId(), checkpoint);
    }
}
