package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** Every storage contract of care-testkit on PostgreSQL. */
@Tag("databases")
class PostgreSqlStorageContractsTest extends JdbcStorageContracts {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.POSTGRESQL);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Override
    protected SharedStorage database() {
        return DATABASE;
    }
}
