package org.socialcare.core.port.out;

import java.util.Optional;
import org.socialcare.core.domain.Checkpoint;

/**
 * Remembers how far each {@code ChannelSource} has read. The desk saves a checkpoint only in the
 * transaction that stored the batch it follows, so a crash never skips a message.
 *
 * <p>Thread-safe; takes part in the current transaction.
 */
public interface CheckpointStore {
    Optional<Checkpoint> load(String sourceId);

    /** Stores or replaces the source's checkpoint. */
    void save(Checkpoint checkpoint);
}
