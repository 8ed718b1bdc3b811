package org.socialcare.persistence.jdbc;

class H2FlywayMigrationTest extends FlywayMigrationTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
