package org.socialcare.persistence.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The SQL that differs between databases, behind one interface. {@link AnsiDialect} implements it with
 * standard SQL; {@link H2Dialect}, {@link PostgreSqlDialect} and {@link MariaDbDialect} override only what their
 * database does differently. {@link SqlDialects#detect} picks one from the JDBC metadata; the storage builder
 * accepts an override ({@code JdbcCareStorage.builder(ds).dialect(...)}) for a database it does not know.
 *
 * <p>Table and column names passed in are trusted identifiers from the library, never user input.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface SqlDialect {

    /** A short lower-case name for logs, e.g. {@code postgresql}. */
    String name();

    /** The folder under {@code db/migration/} that holds this database's schema scripts. */
    String migrationFolder();

    /**
     * The schemas the connection would look in, as the database describes them (PostgreSQL's {@code search_path}),
     * for an error message when the connection has no current schema; empty where the database has no such setting.
     *
     * @throws SQLException when the database cannot be asked
     */
    default java.util.Optional<String> searchPath(java.sql.Connection connection) throws SQLException {
        return java.util.Optional.empty();
    }

    /** Whether DDL statements take part in transactions (a failed schema script then leaves nothing behind). */
    boolean supportsTransactionalDdl();

    /** The column type for instants in DDL (microsecond precision, UTC). */
    String timestampType();

    /** {@code select} with a row limit appended as one trailing {@code ?} parameter. */
    String limit(String select);

    /**
     * Whether {@link #forUpdateSkipLocked} works: a locking read that skips rows other transactions hold,
     * and still returns up to the limit from the rows that are free.
     */
    boolean supportsSkipLocked();

    /**
     * {@code limitedSelect} (already passed through {@link #limit}) as a locking read that skips locked rows.
     *
     * @throws UnsupportedOperationException when {@link #supportsSkipLocked()} is false
     */
    String forUpdateSkipLocked(String limitedSelect);

    /** {@code select} as a locking read that waits for rows other transactions hold. */
    String forUpdate(String select);

    /**
     * An insert of one row into {@code table} that does nothing when a row with the same {@code key} exists.
     * Run it with {@link #executeInsertIgnore}; it binds one parameter per column, in order.
     */
    String insertIgnore(String table, List<String> columns, List<String> key);

    /**
     * Runs a statement made by {@link #insertIgnore} and says whether it stored the row. A row that exists
     * (committed, or committed by a concurrent transaction while this one waited) gives {@code false}.
     */
    boolean executeInsertIgnore(PreparedStatement statement) throws SQLException;

    /**
     * An insert-if-absent of one row, like {@link #insertIgnore}, that may run many rows as one
     * {@code executeBatch}: a row whose key exists is skipped (update count 0, or {@code SUCCESS_NO_INFO}) without
     * failing the batch or the transaction. Empty where the database has no such form (the caller then runs
     * {@link #insertIgnore} row by row). The default is empty.
     */
    default java.util.Optional<String> batchInsertIgnore(String table, List<String> columns, List<String> key) {
        return java.util.Optional.empty();
    }

    /**
     * An insert of one row that replaces the non-key columns of an existing row with the same {@code key}.
     * Binds one parameter per column, in order.
     */
    String upsert(String table, List<String> columns, List<String> key);

    /** Binds an instant (or SQL NULL when {@code value} is null) for a {@link #timestampType()} column. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** Reads a {@link #timestampType()} column; null for SQL NULL. */
    Instant getInstant(ResultSet row, String column) throws SQLException;

    /**
     * A condition on rows whose {@code first} column equals one value and whose {@code second} column is one of
     * {@code count} values, in the form this database answers from an index led by ({@code first}, {@code
     * second}) without reading every row of that first value; bind it with {@link #bindPairIn}.
     */
    String pairIn(String first, String second, int count);

    /** Binds a {@link #pairIn} condition's parameters from {@code index}; returns the next parameter index. */
    int bindPairIn(PreparedStatement statement, int index, String first, List<String> seconds) throws SQLException;

    /** Whether the error is a unique or primary key violation. */
    boolean isDuplicateKey(SQLException e);

    /**
     * Whether the error is worth retrying the whole transaction for: a deadlock, a serialization failure, a
     * lock wait timeout, a dropped connection.
     */
    boolean isTransient(SQLException e);
}
