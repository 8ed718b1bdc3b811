package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbTwoDesksTest extends TwoDesksShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
