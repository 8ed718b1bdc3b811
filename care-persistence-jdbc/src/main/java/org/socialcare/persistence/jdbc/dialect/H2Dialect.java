package org.socialcare.persistence.jdbc.dialect;

import java.sql.SQLException;
import java.util.List;

/**
 * H2 2.x, the embedded default (in-memory or file). Overrides the upsert and the lock-timeout code only;
 * insert-ignore stays the ANSI duplicate-key catch, which is safe here because a failed statement does not
 * abort an H2 transaction.
 *
 * <p>No SKIP LOCKED on purpose: H2 accepts the syntax but applies the row limit before skipping locked rows,
 * so a second desk would claim nothing while the first holds its rows; the ANSI conditional-update claim is
 * as correct and fairer. Immutable and thread-safe.
 */
public class H2Dialect extends AnsiDialect {
    /** H2's "timeout trying to lock table" and "deadlock" error codes. */
    private static final int LOCK_TIMEOUT = 50200;

    private static final int DEADLOCK = 40001;

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String migrationFolder() {
        return "h2";
    }

    /** H2's own MERGE ... KEY needs no typed source row, unlike the standard form with parameters. */
    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /**
     * For a row that is all key (a lock row), H2's MERGE ... KEY is an insert-if-absent that never fails a batch:
     * an existing row is "updated" to the values it has (and locked). Otherwise empty: the ANSI insert-ignore
     * catches a duplicate-key error, which would end a batch.
     */
    @Override
    public java.util.Optional<String> batchInsertIgnore(String table, List<String> columns, List<String> key) {
        return key.containsAll(columns)
                ? java.util.Optional.of(upsert(table, columns, key))
                : java.util.Optional.empty();
    }

    @Override
    public boolean isTransient(SQLException e) {
        return super.isTransient(e) || e.getErrorCode() == LOCK_TIMEOUT || e.getErrorCode() == DEADLOCK;
    }
}
