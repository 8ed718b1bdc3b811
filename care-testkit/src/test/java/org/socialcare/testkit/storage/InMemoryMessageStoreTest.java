package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.port.out.MessageStore;

/** Core's {@link InMemoryMessageStore} passes the {@link MessageStoreContract}. */
class InMemoryMessageStoreTest extends MessageStoreContract {
    @Override
    protected MessageStore createStore() {
        return new InMemoryMessageStore();
    }
}
