package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.TransactionManager;
import org.socialcare.testkit.storage.ApprovalGatewayContract;
import org.socialcare.testkit.storage.CareStorageContract;
import org.socialcare.testkit.storage.ChannelStateStoreContract;
import org.socialcare.testkit.storage.RollbackContract;
import org.socialcare.testkit.storage.SharedKillSwitchContract;

/** Every storage contract of care-testkit, the rollback contract and the approval gateway contract, on MariaDB. */
@Tag("databases")
class MariaDbStorageContractsTest extends CareStorageContract {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.MARIADB);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Override
    protected CareStorage createStorage() {
        return DATABASE.fresh();
    }

    @Nested
    class Rollback extends RollbackContract {
        @Override
        protected CareStorage createStorage() {
            return DATABASE.fresh();
        }
    }

    @Nested
    class Approvals extends ApprovalGatewayContract {
        @Override
        protected ApprovalGateway createGateway() {
            return DATABASE.freshJdbc().approvals();
        }
    }

    @Nested
    class ChannelStates extends ChannelStateStoreContract {
        @Override
        protected ChannelStateStore createStore() {
            DATABASE.fresh();
            return DATABASE.jdbc().channelStates();
        }

        @Override
        protected TransactionManager transactions() {
            return DATABASE.jdbc().transactions();
        }
    }

    @Nested
    class KillSwitch extends SharedKillSwitchContract {
        @Override
        protected CareStorage createStorage() {
            return DATABASE.fresh();
        }

        @Override
        protected ChannelStateStore channelStates() {
            return DATABASE.jdbc().channelStates();
        }
    }
}
