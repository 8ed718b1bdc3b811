package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** Every storage contract of care-testkit on MariaDB. */
@Tag("databases")
class MariaDbStorageContractsTest extends JdbcStorageContracts {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.MARIADB);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Override
    protected SharedStorage database() {
        return DATABASE;
    }
}
