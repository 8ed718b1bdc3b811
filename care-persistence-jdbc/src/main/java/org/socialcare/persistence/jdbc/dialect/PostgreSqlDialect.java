package org.socialcare.persistence.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL 12 and later. Overrides: {@code ON CONFLICT DO NOTHING} for insert-ignore (a failed statement
 * would abort the whole transaction, so the ANSI duplicate-key catch cannot be used), {@code ON CONFLICT DO
 * UPDATE} for upserts (MERGE arrived only in 15 and can still fail on concurrent inserts), {@code LIMIT}, and
 * {@code FOR UPDATE SKIP LOCKED} for claims. Immutable and thread-safe.
 */
public class PostgreSqlDialect extends AnsiDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    /** {@code SHOW search_path}: the schemas named by {@code currentSchema} or the role's setting. */
    @Override
    public Optional<String> searchPath(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW search_path")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /** PostgreSQL runs DDL inside transactions, so a schema script applies completely or not at all. */
    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public String limit(String select) {
        return select + " LIMIT ?";
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public String forUpdateSkipLocked(String limitedSelect) {
        return limitedSelect + " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String insertIgnore(String table, List<String> columns, List<String> key) {
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
    }

    /** {@code ON CONFLICT DO NOTHING} skips an existing row inside a batch too. */
    @Override
    public java.util.Optional<String> batchInsertIgnore(String table, List<String> columns, List<String> key) {
        return java.util.Optional.of(insertIgnore(table, columns, key));
    }

    @Override
    public boolean executeInsertIgnore(PreparedStatement statement) throws SQLException {
        return statement.executeUpdate() > 0;
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        String set = columns.stream()
                .filter(c -> !key.contains(c))
                .map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + set;
    }

    /**
     * {@code first = ? AND second = ANY (?)} with one text array: an index scan over the values, and one SQL text
     * (one prepared plan) whatever their number. Row values, {@code (first, second) IN ((?, ?), ...)}, would read
     * every index entry of the first value and recheck each against the whole list.
     */
    @Override
    public String pairIn(String first, String second, int count) {
        return first + " = ? AND " + second + " = ANY (?)";
    }

    @Override
    public int bindPairIn(PreparedStatement statement, int index, String first, List<String> seconds)
            throws SQLException {
        statement.setString(index, first);
        statement.setArray(index + 1, statement.getConnection().createArrayOf("text", seconds.toArray()));
        return index + 2;
    }
}
