package org.socialcare.persistence.jdbc;

class H2DataProtectionTest extends DataProtectionTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
