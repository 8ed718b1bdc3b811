package org.socialcare.persistence.jdbc;

@org.junit.jupiter.api.Tag("databases")
class PostgreSqlOperatorChannelsTest extends OperatorChannelsTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
