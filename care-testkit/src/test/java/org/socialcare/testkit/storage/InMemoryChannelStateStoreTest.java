package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.TransactionManager;

/** Core's {@link InMemoryChannelStateStore} passes the {@link ChannelStateStoreContract}. */
class InMemoryChannelStateStoreTest extends ChannelStateStoreContract {
    private final TransactionManager transactions = new InMemoryTransactionManager();

    @Override
    protected ChannelStateStore createStore() {
        return new InMemoryChannelStateStore();
    }

    @Override
    protected TransactionManager transactions() {
        return transactions;
    }
}
