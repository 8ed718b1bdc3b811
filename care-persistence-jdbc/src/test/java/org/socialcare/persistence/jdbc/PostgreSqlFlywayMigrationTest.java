package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlFlywayMigrationTest extends FlywayMigrationTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
