package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbTwoRuntimesTest extends TwoRuntimesShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
