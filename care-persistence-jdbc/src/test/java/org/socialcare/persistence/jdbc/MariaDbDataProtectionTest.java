package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.Tag;

@Tag("databases")
class MariaDbDataProtectionTest extends DataProtectionTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
