package org.socialcare.persistence.jdbc;

@org.junit.jupiter.api.Tag("databases")
class MariaDbOperatorChannelsTest extends OperatorChannelsTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
