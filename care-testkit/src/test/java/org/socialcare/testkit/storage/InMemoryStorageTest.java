package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

/** {@link InMemoryStorage#create()} passes every storage contract through {@link CareStorageContract}. */
class InMemoryStorageTest extends CareStorageContract {
    @Override
    protected CareStorage createStorage() {
        return InMemoryStorage.create();
    }
}
