package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlTwoDesksTest extends TwoDesksShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
