package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryCheckpointStore;
import org.socialcare.core.port.out.CheckpointStore;

/** Core's {@link InMemoryCheckpointStore} passes the {@link CheckpointStoreContract}. */
class InMemoryCheckpointStoreTest extends CheckpointStoreContract {
    @Override
    protected CheckpointStore createStore() {
        return new InMemoryCheckpointStore();
    }
}
