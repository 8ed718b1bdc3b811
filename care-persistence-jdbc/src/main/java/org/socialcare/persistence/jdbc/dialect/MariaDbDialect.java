package org.socialcare.persistence.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB 10.6 and later ({@code SKIP LOCKED} arrived in 10.6; older servers get the conditional-update
 * claim). Overrides: {@code DATETIME(6)} in UTC for instants ({@code TIMESTAMP} ends in 2038 and converts
 * through the session time zone), {@code INSERT IGNORE} checked for warnings other than the duplicate key
 * (IGNORE would otherwise turn a too-long value into a silent truncation), {@code ON DUPLICATE KEY UPDATE}
 * upserts, {@code LIMIT}, and MariaDB's deadlock and lock-wait error codes. Immutable and thread-safe.
 */
public class MariaDbDialect extends AnsiDialect {
    private static final int DUPLICATE_ENTRY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    /** DATETIME's range. */
    private static final Instant MIN = Instant.parse("1000-01-01T00:00:00Z");

    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final boolean skipLocked;

    /** A dialect for MariaDB 10.6 or later. */
    public MariaDbDialect() {
        this(true);
    }

    /** @param skipLocked whether the server has {@code SKIP LOCKED} (10.6 or later) */
    public MariaDbDialect(boolean skipLocked) {
        this.skipLocked = skipLocked;
    }

    /** The dialect for a server version: SKIP LOCKED from 10.6 on. */
    public static MariaDbDialect forVersion(int major, int minor) {
        return new MariaDbDialect(major > 10 || (major == 10 && minor >= 6));
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String migrationFolder() {
        return "mariadb";
    }

    @Override
    public String timestampType() {
        return "DATETIME(6)";
    }

    @Override
    public String limit(String select) {
        return select + " LIMIT ?";
    }

    @Override
    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    @Override
    public String forUpdateSkipLocked(String limitedSelect) {
        if (!skipLocked) {
            return super.forUpdateSkipLocked(limitedSelect);
        }
        return limitedSelect + " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> key) {
        return "INSERT IGNORE" + insert(table, columns).substring("INSERT".length());
    }

    /** {@code INSERT IGNORE} skips an existing row inside a batch too (with a warning, not an error). */
    @Override
    public java.util.Optional<String> batchInsertIgnore(String table, List<String> columns, List<String> key) {
        return java.util.Optional.of(insertIgnore(table, columns, key));
    }

    @Override
    public boolean executeInsertIgnore(PreparedStatement statement) throws SQLException {
        statement.clearWarnings();
        int count = statement.executeUpdate();
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            if (w.getErrorCode() != DUPLICATE_ENTRY) {
                throw new SQLException(
                        "INSERT IGNORE was refused: " + w.getMessage(), w.getSQLState(), w.getErrorCode());
            }
        }
        return count > 0;
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        String set = columns.stream()
                .filter(c -> !key.contains(c))
                .map(c -> c + " = VALUES(" + c + ")")
                .collect(Collectors.joining(", "));
        return insert(table, columns) + " ON DUPLICATE KEY UPDATE " + set;
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
            return;
        }
        if (value.isBefore(MIN) || value.isAfter(MAX)) {
            throw new IllegalArgumentException(
                    "instant " + value + " is outside MariaDB's DATETIME range [" + MIN + ", " + MAX + "]");
        }
        statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == DUPLICATE_ENTRY;
    }

    @Override
    public boolean isTransient(SQLException e) {
        return super.isTransient(e) || e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }

    @Override
    public String toString() {
        return skipLocked ? "mariadb" : "mariadb (no SKIP LOCKED)";
    }

    /** {@code first = ? AND second IN (?, ...)}: one range per value on the composite index. */
    @Override
    public String pairIn(String first, String second, int count) {
        return first + " = ? AND " + second + " IN (" + String.join(", ", java.util.Collections.nCopies(count, "?"))
                + ")";
    }

    @Override
    public int bindPairIn(PreparedStatement statement, int index, String first, List<String> seconds)
            throws SQLException {
        int next = index;
        statement.setString(next++, first);
        for (String second : seconds) {
            statement.setString(next++, second);
        }
        return next;
    }
}
