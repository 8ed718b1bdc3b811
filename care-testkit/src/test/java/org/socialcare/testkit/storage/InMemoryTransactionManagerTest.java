package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.out.TransactionManager;

/** Core's {@link InMemoryTransactionManager} passes the {@link TransactionManagerContract}. */
class InMemoryTransactionManagerTest extends TransactionManagerContract {
    @Override
    protected TransactionManager createTransactionManager() {
        return new InMemoryTransactionManager();
    }
}
