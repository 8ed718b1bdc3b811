package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbStorageBehaviourTest extends JdbcStorageBehaviourTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
