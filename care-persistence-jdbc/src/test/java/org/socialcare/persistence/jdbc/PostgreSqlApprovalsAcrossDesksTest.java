package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlApprovalsAcrossDesksTest extends ApprovalsAcrossDesksTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
