package org.socialcare.persistence.jdbc;

@org.junit.jupiter.api.Tag("databases")
class MariaDbOperatorRetryTest extends OperatorRetryTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
