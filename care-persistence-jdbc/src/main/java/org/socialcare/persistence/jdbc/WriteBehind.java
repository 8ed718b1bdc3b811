package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * A store's rows held back inside a transaction and sent as one {@code executeBatch} before the store's next
 * statement in that transaction, or before the commit. The store runs every statement through {@link #call} or
 * {@link #read}, which send what is pending first; the pending state is a resource of the current transaction, so
 * a rollback drops it with the transaction. Thread-safe as the transaction manager is: each transaction is one
 * thread's.
 *
 * @param <P> what the store holds back
 */
final class WriteBehind<P extends WriteBehind.Pending> {
    /** Rows held back in one transaction. */
    interface Pending extends JdbcTransactionManager.BeforeCommit {
        /** Sends what is held back; nothing when nothing is. */
        void flush(Connection connection) throws SQLException;

        @Override
        default void beforeCommit(Connection connection) throws SQLException {
            flush(connection);
        }
    }

    private final JdbcTransactionManager tx;
    private final Supplier<P> factory;

    WriteBehind(JdbcTransactionManager tx, Supplier<P> factory) {
        this.tx = tx;
        this.factory = factory;
    }

    /** What the current transaction holds back (made on first use); only inside a transaction. */
    P pending() {
        return tx.resource(this, factory);
    }

    /** {@link JdbcTransactionManager#call}, what is pending sent first. */
    <T> T call(String operation, SqlWork<T> work) {
        return tx.call(operation, c -> {
            flush(c);
            return work.apply(c);
        });
    }

    /** {@link JdbcTransactionManager#read}; inside a transaction, what is pending sent first. */
    <T> T read(String operation, SqlWork<T> work) {
        return tx.read(operation, c -> {
            flush(c);
            return work.apply(c);
        });
    }

    private void flush(Connection c) throws SQLException {
        if (tx.isActive()) {
            pending().flush(c);
        }
    }

    /** Inserts {@code rows} (all with the same columns) into {@code table} as one {@code executeBatch}. */
    static void insertBatch(JdbcTransactionManager tx, SqlDialect dialect, Connection c, String table, List<Row> rows)
            throws SQLException {
        List<String> columns = rows.get(0).columns();
        PreparedStatement ps = tx.statement(
                c,
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
        try {
            for (Row r : rows) {
                r.bind(ps, 1, dialect);
                ps.addBatch();
            }
            ps.executeBatch();
        } finally {
            ps.clearBatch();
        }
    }
}
