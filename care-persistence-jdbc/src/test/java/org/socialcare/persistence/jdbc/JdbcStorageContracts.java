package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Nested;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.NoticeOutbox;
import org.socialcare.core.port.out.TransactionManager;
import org.socialcare.testkit.fault.IngestFaultContract;
import org.socialcare.testkit.fault.PublishFaultContract;
import org.socialcare.testkit.storage.ApprovalGatewayContract;
import org.socialcare.testkit.storage.CareStorageContract;
import org.socialcare.testkit.storage.ChannelStateStoreContract;
import org.socialcare.testkit.storage.NoticeOutboxContract;
import org.socialcare.testkit.storage.RollbackContract;
import org.socialcare.testkit.storage.SharedKillSwitchContract;

/**
 * Every storage contract of care-testkit on one database: the storage ports, rollback, the approval gateway, the
 * channel state store, the shared kill switch, and the ingest fault suite (a desk stopped at each ingest step). A subclass per database names its {@link SharedStorage}.
 */
abstract class JdbcStorageContracts extends CareStorageContract {
    /** The subclass's database, fresh tables per {@link SharedStorage#fresh()}. */
    protected abstract SharedStorage database();

    @Override
    protected CareStorage createStorage() {
        return database().fresh();
    }

    @Nested
    class Rollback extends RollbackContract {
        @Override
        protected CareStorage createStorage() {
            return database().fresh();
        }
    }

    @Nested
    class Approvals extends ApprovalGatewayContract {
        @Override
        protected ApprovalGateway createGateway() {
            return database().freshJdbc().approvals();
        }
    }

    @Nested
    class Notices extends NoticeOutboxContract {
        @Override
        protected NoticeOutbox createStore() {
            database().fresh();
            return database().jdbc().notices();
        }

        @Override
        protected TransactionManager transactions() {
            return database().jdbc().transactions();
        }
    }

    @Nested
    class ChannelStates extends ChannelStateStoreContract {
        @Override
        protected ChannelStateStore createStore() {
            database().fresh();
            return database().jdbc().channelStates();
        }

        @Override
        protected TransactionManager transactions() {
            return database().jdbc().transactions();
        }
    }

    @Nested
    class KillSwitch extends SharedKillSwitchContract {
        @Override
        protected CareStorage createStorage() {
            return database().fresh();
        }

        @Override
        protected ChannelStateStore channelStates() {
            return database().jdbc().channelStates();
        }
    }

    @Nested
    class IngestFaults extends IngestFaultContract {
        @Override
        protected CareStorage createStorage() {
            return database().fresh();
        }
    }

    @Nested
    class PublishFaults extends PublishFaultContract {
        @Override
        protected CareStorage createStorage() {
            return database().fresh();
        }
    }
}
