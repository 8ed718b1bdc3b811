package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlTwoRuntimesTest extends TwoRuntimesShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
