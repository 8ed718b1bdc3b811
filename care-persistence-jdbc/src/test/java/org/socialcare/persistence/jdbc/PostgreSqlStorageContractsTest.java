package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.storage.ApprovalGatewayContract;
import org.socialcare.testkit.storage.CareStorageContract;
import org.socialcare.testkit.storage.RollbackContract;

/** Every storage contract of care-testkit, the rollback contract and the approval gateway contract, on PostgreSQL. */
@Tag("databases")
class PostgreSqlStorageContractsTest extends CareStorageContract {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.POSTGRESQL);

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
}
