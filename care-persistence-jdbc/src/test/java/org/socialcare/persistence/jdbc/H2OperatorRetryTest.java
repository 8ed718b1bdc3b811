package org.socialcare.persistence.jdbc;

class H2OperatorRetryTest extends OperatorRetryTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
