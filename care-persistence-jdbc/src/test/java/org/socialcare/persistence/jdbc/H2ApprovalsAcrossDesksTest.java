package org.socialcare.persistence.jdbc;

class H2ApprovalsAcrossDesksTest extends ApprovalsAcrossDesksTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
