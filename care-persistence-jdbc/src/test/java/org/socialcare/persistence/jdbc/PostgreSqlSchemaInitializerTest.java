package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlSchemaInitializerTest extends SchemaInitializerTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
