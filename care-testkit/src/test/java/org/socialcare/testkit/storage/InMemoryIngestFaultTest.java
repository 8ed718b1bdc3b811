package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.fault.IngestFaultContract;

/** The in-memory storage (no rollback) passes the {@link IngestFaultContract}: the dedupe absorbs re-reads. */
class InMemoryIngestFaultTest extends IngestFaultContract {
    @Override
    protected CareStorage createStorage() {
        return InMemoryStorage.create();
    }
}
