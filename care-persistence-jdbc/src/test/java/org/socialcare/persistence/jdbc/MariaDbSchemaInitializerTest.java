package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbSchemaInitializerTest extends SchemaInitializerTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
