package org.socialcare.persistence.jdbc;

class H2TwoDesksTest extends TwoDesksShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
