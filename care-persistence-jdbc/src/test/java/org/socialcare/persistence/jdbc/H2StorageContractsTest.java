package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;

/** Every storage contract of care-testkit on H2. */
class H2StorageContractsTest extends JdbcStorageContracts {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.H2);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Override
    protected SharedStorage database() {
        return DATABASE;
    }
}
