package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbApprovalsAcrossDesksTest extends ApprovalsAcrossDesksTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
