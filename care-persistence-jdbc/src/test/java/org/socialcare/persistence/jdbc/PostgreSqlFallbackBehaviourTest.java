package org.socialcare.persistence.jdbc;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.socialcare.persistence.jdbc.dialect.PostgreSqlDialect;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/** The behaviour suite on PostgreSQL with an overriding dialect that has no SKIP LOCKED: the conditional-update claims. */
@Tag("databases")
class PostgreSqlFallbackBehaviourTest extends JdbcStorageBehaviourTest {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }

    @Override
    Optional<SqlDialect> dialect() {
        return Optional.of(new PostgreSqlDialect() {
            @Override
            public boolean supportsSkipLocked() {
                return false;
            }
        });
    }
}
