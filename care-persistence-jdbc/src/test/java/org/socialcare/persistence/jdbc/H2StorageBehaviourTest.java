package org.socialcare.persistence.jdbc;

class H2StorageBehaviourTest extends JdbcStorageBehaviourTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
