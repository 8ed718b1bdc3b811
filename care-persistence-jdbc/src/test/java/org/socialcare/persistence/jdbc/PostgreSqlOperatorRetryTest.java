package org.socialcare.persistence.jdbc;

@org.junit.jupiter.api.Tag("databases")
class PostgreSqlOperatorRetryTest extends OperatorRetryTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
