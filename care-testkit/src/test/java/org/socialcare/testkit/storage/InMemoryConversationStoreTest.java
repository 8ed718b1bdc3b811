package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryConversationStore;
import org.socialcare.core.port.out.ConversationStore;

/** Core's {@link InMemoryConversationStore} passes the {@link ConversationStoreContract}. */
class InMemoryConversationStoreTest extends ConversationStoreContract {
    @Override
    protected ConversationStore createStore() {
        return new InMemoryConversationStore();
    }
}
