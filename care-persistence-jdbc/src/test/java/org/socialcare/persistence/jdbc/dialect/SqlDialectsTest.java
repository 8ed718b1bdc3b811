package org.socialcare.persistence.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SqlDialectsTest {

    @Test
    void detectsH2FromARealConnection() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:detect");

        SqlDialect dialect = SqlDialects.detect(h2);

        assertThat(dialect).isInstanceOf(H2Dialect.class);
        assertThat(dialect.supportsSkipLocked()).isFalse();
    }

    @Test
    void picksADialectFromTheProductNameAndVersion() {
        assertThat(SqlDialects.forProduct("PostgreSQL", "15.20", 15, 20)).isInstanceOf(PostgreSqlDialect.class);
        assertThat(SqlDialects.forProduct("MariaDB", "10.11.19-MariaDB", 10, 11).supportsSkipLocked())
                .isTrue();
        assertThat(SqlDialects.forProduct("MariaDB", "11.4.2-MariaDB", 11, 4).supportsSkipLocked())
                .isTrue();
        assertThat(SqlDialects.forProduct("MySQL", "10.5.8-MariaDB-log", 10, 5))
                .isInstanceOf(MariaDbDialect.class)
                .satisfies(d -> assertThat(d.supportsSkipLocked())
                        .as("SKIP LOCKED before 10.6")
                        .isFalse());
        assertThat(SqlDialects.forProduct("Apache Derby", "10.16", 10, 16).getClass())
                .isEqualTo(AnsiDialect.class);
    }

    @Test
    void insertIgnoreAndUpsertUseEachDatabasesForm() {
        List<String> cols = List.of("k", "v");
        List<String> key = List.of("k");

        assertThat(new PostgreSqlDialect().insertIgnore("t", cols, key))
                .isEqualTo("INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO NOTHING");
        assertThat(new MariaDbDialect().insertIgnore("t", cols, key))
                .isEqualTo("INSERT IGNORE INTO t (k, v) VALUES (?, ?)");
        assertThat(new H2Dialect().insertIgnore("t", cols, key)).isEqualTo("INSERT INTO t (k, v) VALUES (?, ?)");
        assertThat(new PostgreSqlDialect().upsert("t", cols, key))
                .endsWith("ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v");
        assertThat(new MariaDbDialect().upsert("t", cols, key)).endsWith("ON DUPLICATE KEY UPDATE v = VALUES(v)");
        assertThat(new H2Dialect().upsert("t", cols, key)).isEqualTo("MERGE INTO t (k, v) KEY (k) VALUES (?, ?)");
        assertThat(new AnsiDialect().upsert("t", cols, key))
                .startsWith("MERGE INTO t t USING")
                .contains("WHEN NOT MATCHED THEN INSERT (k, v)");
    }

    @Test
    void skipLockedIsAppendedOnlyWhereItExists() {
        assertThat(new PostgreSqlDialect().forUpdateSkipLocked(new PostgreSqlDialect().limit("SELECT 1")))
                .isEqualTo("SELECT 1 LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(new MariaDbDialect().forUpdateSkipLocked("SELECT 1 LIMIT ?"))
                .isEqualTo("SELECT 1 LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThatThrownBy(() -> MariaDbDialect.forVersion(10, 5).forUpdateSkipLocked("SELECT 1"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new H2Dialect().forUpdateSkipLocked("SELECT 1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void classifiesDuplicateKeysAndTransientErrors() {
        assertThat(new PostgreSqlDialect().isDuplicateKey(new SQLException("dup", "23505")))
                .isTrue();
        assertThat(new PostgreSqlDialect().isDuplicateKey(new SQLException("not null", "23502")))
                .isFalse();
        assertThat(new MariaDbDialect().isDuplicateKey(new SQLException("Duplicate entry", "23000", 1062)))
                .isTrue();
        assertThat(new PostgreSqlDialect().isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(new PostgreSqlDialect().isTransient(new SQLException("could not serialize", "40001")))
                .isTrue();
        assertThat(new MariaDbDialect().isTransient(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .isTrue();
        assertThat(new H2Dialect().isTransient(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
                .isTrue();
        assertThat(new PostgreSqlDialect().isTransient(new SQLException("syntax error", "42601")))
                .isFalse();
    }

    @Test
    void mariaDbRefusesInstantsOutsideDatetimeRangeNamingTheValue() {
        assertThatThrownBy(
                        () -> new MariaDbDialect().setInstant(null, 1, java.time.Instant.parse("0999-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0999-12-31T23:59:59Z");
    }
}
