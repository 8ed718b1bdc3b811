package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class PostgreSqlDataProtectionTest extends DataProtectionTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
