package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.fault.PublishFaultContract;

/** The in-memory storage passes the {@link PublishFaultContract}: every reply published exactly once. */
class InMemoryPublishFaultTest extends PublishFaultContract {
    @Override
    protected CareStorage createStorage() {
        return InMemoryStorage.create();
    }
}
