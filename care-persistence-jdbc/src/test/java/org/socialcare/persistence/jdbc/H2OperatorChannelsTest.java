package org.socialcare.persistence.jdbc;

class H2OperatorChannelsTest extends OperatorChannelsTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
