package org.socialcare.persistence.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard SQL: {@code FETCH FIRST ? ROWS ONLY}, {@code TIMESTAMP(6) WITH TIME ZONE} bound as
 * {@link OffsetDateTime}, an insert-ignore that treats a duplicate-key error as "already there" (correct on
 * databases where a failed statement does not abort the transaction), a standard {@code MERGE} upsert and no
 * SKIP LOCKED (outbox claims fall back to conditional updates). Subclass it and override what differs.
 *
 * <p>Immutable and thread-safe.
 */
public class AnsiDialect implements SqlDialect {

    @Override
    public String name() {
        return "ansi";
    }

    /** The ANSI base has no scripts of its own; a subclass for a new database names its folder. */
    @Override
    public String migrationFolder() {
        return "ansi";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public String timestampType() {
        return "TIMESTAMP(6) WITH TIME ZONE";
    }

    @Override
    public String limit(String select) {
        return select + " FETCH FIRST ? ROWS ONLY";
    }

    @Override
    public boolean supportsSkipLocked() {
        return false;
    }

    @Override
    public String forUpdateSkipLocked(String limitedSelect) {
        throw new UnsupportedOperationException(name() + " dialect has no SKIP LOCKED");
    }

    @Override
    public String forUpdate(String select) {
        return select + " FOR UPDATE";
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> key) {
        return insert(table, columns);
    }

    /** Row values, {@code (first, second) IN ((?, ?), ...)}: H2 looks each pair up in the index. */
    @Override
    public String pairIn(String first, String second, int count) {
        return "(" + first + ", " + second + ") IN ("
                + String.join(", ", java.util.Collections.nCopies(count, "(?, ?)")) + ")";
    }

    @Override
    public int bindPairIn(PreparedStatement statement, int index, String first, List<String> seconds)
            throws SQLException {
        int next = index;
        for (String second : seconds) {
            statement.setString(next++, first);
            statement.setString(next++, second);
        }
        return next;
    }

    @Override
    public boolean executeInsertIgnore(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        String source = columns.stream().map(c -> "? AS " + c).collect(Collectors.joining(", "));
        String on = key.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "));
        String set = columns.stream()
                .filter(c -> !key.contains(c))
                .map(c -> c + " = s." + c)
                .collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        return "MERGE INTO " + table + " t USING (SELECT " + source + " FROM (VALUES (0)) one (x)) s ON (" + on + ")"
                + " WHEN MATCHED THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES (" + values + ")";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException
                || e instanceof SQLRecoverableException
                || (state != null && (state.startsWith("40") || state.startsWith("08")));
    }

    /** A plain {@code INSERT INTO table (columns) VALUES (?, ...)}. */
    protected static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
