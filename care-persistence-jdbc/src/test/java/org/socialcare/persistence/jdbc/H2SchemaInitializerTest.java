package org.socialcare.persistence.jdbc;

class H2SchemaInitializerTest extends SchemaInitializerTest {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
