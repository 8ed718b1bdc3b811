package org.socialcare.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * The columns of one row to write, with their values, in order: SQL is generated from {@link #columns()} and
 * {@link #bind} fills the parameters in the same order, so column lists and bindings cannot drift apart.
 * Instants are stored at microsecond precision (what every supported database keeps). Not thread-safe.
 */
final class Row {
    private interface Binder {
        void bind(PreparedStatement ps, int index, SqlDialect dialect) throws SQLException;
    }

    private final List<String> columns = new ArrayList<>();
    private final List<Binder> binders = new ArrayList<>();

    static Row of() {
        return new Row();
    }

    /** The precision every supported database keeps. */
    static Instant stored(Instant value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> stored(Optional<Instant> value) {
        return value.map(Row::stored);
    }

    private Row add(String column, Binder binder) {
        columns.add(column);
        binders.add(binder);
        return this;
    }

    Row text(String column, String value) {
        return add(column, (ps, i, d) -> ps.setString(i, value));
    }

    Row text(String column, Optional<String> value) {
        return add(column, (ps, i, d) -> {
            if (value.isPresent()) {
                ps.setString(i, value.get());
            } else {
                ps.setNull(i, Types.VARCHAR);
            }
        });
    }

    Row integer(String column, int value) {
        return add(column, (ps, i, d) -> ps.setInt(i, value));
    }

    Row bigint(String column, long value) {
        return add(column, (ps, i, d) -> ps.setLong(i, value));
    }

    Row bool(String column, boolean value) {
        return add(column, (ps, i, d) -> ps.setBoolean(i, value));
    }

    Row bytes(String column, byte[] value) {
        return add(column, (ps, i, d) -> ps.setBytes(i, value));
    }

    Row instant(String column, Instant value) {
        Instant v = value == null ? null : stored(value);
        return add(column, (ps, i, d) -> d.setInstant(ps, i, v));
    }

    Row instant(String column, Optional<Instant> value) {
        return instant(column, value.orElse(null));
    }

    List<String> columns() {
        return List.copyOf(columns);
    }

    /** Binds every value from parameter {@code first} on; returns the next free parameter index. */
    int bind(PreparedStatement ps, int first, SqlDialect dialect) throws SQLException {
        int i = first;
        for (Binder b : binders) {
            b.bind(ps, i++, dialect);
        }
        return i;
    }

    /** {@code UPDATE table SET c1 = ?, ... } followed by {@code where}. */
    String update(String table, String where) {
        return "UPDATE " + table + " SET "
                + String.join(", ", columns.stream().map(c -> c + " = ?").toList()) + " WHERE " + where;
    }

    // ------------------------------------------------------------ reading helpers

    static Optional<String> optText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Instant> optInstant(ResultSet rs, String column, SqlDialect dialect) throws SQLException {
        return Optional.ofNullable(dialect.getInstant(rs, column));
    }

    static Instant instant(ResultSet rs, String column, SqlDialect dialect) throws SQLException {
        Instant v = dialect.getInstant(rs, column);
        if (v == null) {
            throw new SQLException("column " + column + " is NULL but the schema declares it NOT NULL");
        }
        return v;
    }
}
