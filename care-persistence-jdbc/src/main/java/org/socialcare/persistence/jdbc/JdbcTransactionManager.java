package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.TransactionManager;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link TransactionManager} over a {@link DataSource}: the outermost {@link #inTransaction} call takes one
 * connection, binds it to the calling thread, turns auto-commit off and sets the isolation level; every store
 * call on that thread uses that connection; the work's normal return commits and an exception rolls back
 * (and is rethrown). Store calls that write, made outside a transaction, run in one of their own; plain reads
 * made outside a transaction run on a connection as the pool gives it (auto-commit, no transaction begun).
 * Within a transaction a store prepares each SQL text once and reuses the statement until the transaction ends.
 *
 * <p>Nested calls join the running transaction. When an exception escapes a nested call, the whole
 * transaction is marked rollback-only: even if an outer caller swallows the exception, nothing commits, and
 * the outermost call throws a {@link JdbcStorageException} naming the first failure. Store errors that write
 * nothing (an optimistic-lock conflict) do not mark the transaction.
 *
 * <p>Thread-safe; a transaction belongs to the thread that started it. Database errors surface as
 * {@link JdbcStorageException}.
 */
public final class JdbcTransactionManager implements TransactionManager {
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final int isolation;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    JdbcTransactionManager(DataSource dataSource, SqlDialect dialect, int isolation) {
        this.dataSource = Checks.notNull(dataSource, "dataSource");
        this.dialect = Checks.notNull(dialect, "dialect");
        this.isolation = isolation;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Checks.notNull(work, "work");
        Tx tx = current.get();
        if (tx != null && tx.transactional) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                tx.markRollbackOnly(e);
                throw e;
            }
        }
        return runNew(work);
    }

    /** Whether the calling thread is inside a transaction of this manager. */
    public boolean isActive() {
        Tx tx = current.get();
        return tx != null && tx.transactional;
    }

    /** Runs store work on the current transaction's connection, or in a new transaction. */
    <T> T call(String operation, SqlWork<T> work) {
        Tx tx = current.get();
        if (tx != null && tx.transactional) {
            return tx.run(operation, work);
        }
        return runNew(() -> current.get().run(operation, work));
    }

    /**
     * Runs a plain read: on the current transaction's connection, or outside one on a pooled connection as it is
     * (auto-commit, no transaction begun or committed), with statement reuse for the call.
     */
    <T> T read(String operation, SqlWork<T> work) {
        Tx tx = current.get();
        if (tx != null) {
            return tx.run(operation, work);
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw translate("open a database connection", e);
        }
        Tx reading = new Tx(c, false, isolation, false);
        current.set(reading);
        try {
            return reading.run(operation, work);
        } finally {
            current.remove();
            reading.close();
        }
    }

    /**
     * The prepared statement for {@code sql} on the current transaction's connection {@code c}, prepared on first
     * use and reused (parameters rebound by the caller) until the transaction ends, when it is closed. Callers
     * must not close it; a result set they open they close.
     */
    PreparedStatement statement(Connection c, String sql) throws SQLException {
        Tx tx = current.get();
        if (tx == null || tx.connection != c) {
            throw new IllegalStateException("no transaction on this thread for this connection");
        }
        PreparedStatement ps = tx.statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            tx.statements.put(sql, ps);
        }
        return ps;
    }

    /** The current transaction's resource under {@code key}, made by {@code factory} on first use. */
    @SuppressWarnings("unchecked")
    <R> R resource(Object key, Supplier<R> factory) {
        Tx tx = current.get();
        if (tx == null || !tx.transactional) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return (R) tx.resources.computeIfAbsent(key, k -> factory.get());
    }

    JdbcStorageException translate(String operation, SQLException e) {
        return new JdbcStorageException("could not " + operation + ": " + describe(e), e, dialect.isTransient(e));
    }

    private static String describe(SQLException e) {
        return "[SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + "] " + e.getMessage();
    }

    private <T> T runNew(Supplier<T> work) {
        Tx outer = current.get(); // a plain read's connection, if any: restored afterwards
        Tx tx = begin();
        current.set(tx);
        try {
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback(e);
            throw e;
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
            tx.close();
        }
    }

    private Tx begin() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw translate("open a database connection", e);
        }
        try {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            int previousIsolation = c.getTransactionIsolation();
            if (previousIsolation != isolation) {
                c.setTransactionIsolation(isolation);
            }
            return new Tx(c, autoCommit, previousIsolation, true);
        } catch (SQLException e) {
            closeQuietly(c, null);
            throw translate("begin a transaction", e);
        }
    }

    private static void closeQuietly(Connection c, Throwable failure) {
        try {
            c.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Work to do with the connection just before the transaction commits (e.g. writing buffered rows). */
    interface BeforeCommit {
        void beforeCommit(Connection connection) throws SQLException;
    }

    private final class Tx {
        final Connection connection;
        /** False for a plain read outside a transaction (auto-commit connection, see {@link #read}). */
        final boolean transactional;

        final boolean restoreAutoCommit;
        final int previousIsolation;
        final Map<Object, Object> resources = new LinkedHashMap<>();
        final Map<String, PreparedStatement> statements = new HashMap<>();
        Throwable rollbackCause;

        Tx(Connection connection, boolean restoreAutoCommit, int previousIsolation, boolean transactional) {
            this.transactional = transactional;
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
            this.previousIsolation = previousIsolation;
        }

        <T> T run(String operation, SqlWork<T> work) {
            try {
                return work.apply(connection);
            } catch (SQLException e) {
                JdbcStorageException failure = translate(operation, e);
                markRollbackOnly(failure);
                throw failure;
            } catch (JdbcStorageException e) {
                markRollbackOnly(e);
                throw e;
            }
        }

        void markRollbackOnly(Throwable cause) {
            if (rollbackCause == null) {
                rollbackCause = cause;
            }
        }

        void commit() {
            if (rollbackCause != null) {
                throw new JdbcStorageException(
                        "transaction rolled back because a call inside it failed: " + rollbackCause,
                        rollbackCause,
                        rollbackCause instanceof JdbcStorageException j && j.isTransient());
            }
            try {
                List<BeforeCommit> hooks = new ArrayList<>();
                for (Object r : resources.values()) {
                    if (r instanceof BeforeCommit b) {
                        hooks.add(b);
                    }
                }
                for (BeforeCommit b : hooks) {
                    b.beforeCommit(connection);
                }
                connection.commit();
            } catch (SQLException e) {
                throw translate("commit", e);
            }
        }

        void rollback(Throwable failure) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }

        void close() {
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing the connection below releases it anyway
                }
            }
            statements.clear();
            try {
                if (previousIsolation != isolation) {
                    connection.setTransactionIsolation(previousIsolation);
                }
                if (restoreAutoCommit) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is going back to the pool or closing; the pool resets or discards it
            } finally {
                closeQuietly(connection, null);
            }
        }
    }
}
