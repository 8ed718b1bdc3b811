package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbFlywayMigrationTest extends FlywayMigrationTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
