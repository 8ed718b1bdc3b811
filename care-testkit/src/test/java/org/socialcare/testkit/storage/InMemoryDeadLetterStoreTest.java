package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryDeadLetterStore;
import org.socialcare.core.port.out.DeadLetterStore;

/** Core's {@link InMemoryDeadLetterStore} passes the {@link DeadLetterStoreContract}. */
class InMemoryDeadLetterStoreTest extends DeadLetterStoreContract {
    @Override
    protected DeadLetterStore createStore() {
        return new InMemoryDeadLetterStore();
    }
}
