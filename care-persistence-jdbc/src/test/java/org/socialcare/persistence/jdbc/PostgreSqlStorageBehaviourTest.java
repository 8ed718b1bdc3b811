package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlStorageBehaviourTest extends JdbcStorageBehaviourTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
