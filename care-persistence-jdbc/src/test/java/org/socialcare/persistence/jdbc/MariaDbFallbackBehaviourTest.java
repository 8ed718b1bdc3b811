package org.socialcare.persistence.jdbc;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.socialcare.persistence.jdbc.dialect.MariaDbDialect;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/** The behaviour suite on MariaDB as a server before 10.6 would be used: no SKIP LOCKED, conditional-update claims. */
@Tag("databases")
class MariaDbFallbackBehaviourTest extends JdbcStorageBehaviourTest {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }

    @Override
    Optional<SqlDialect> dialect() {
        return Optional.of(MariaDbDialect.forVersion(10, 5));
    }
}
