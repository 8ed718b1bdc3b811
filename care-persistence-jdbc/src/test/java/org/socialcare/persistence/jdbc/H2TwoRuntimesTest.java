package org.socialcare.persistence.jdbc;

class H2TwoRuntimesTest extends TwoRuntimesShareOneDatabaseTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
