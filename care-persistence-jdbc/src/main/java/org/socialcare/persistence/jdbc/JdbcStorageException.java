package org.socialcare.persistence.jdbc;

import java.sql.SQLException;
import java.util.Optional;
import org.socialcare.core.error.CareException;

/**
 * A database error in the JDBC storage, naming the operation that failed and carrying the driver's
 * {@link SQLException} as cause. {@link #isTransient()} says whether retrying the whole transaction may
 * succeed (deadlock, serialization failure, lock wait timeout, lost connection): the desk's work is
 * idempotent, so a poller or dispatcher can simply run again.
 */
public class JdbcStorageException extends CareException {
    private final boolean transientFailure;
    private final String sqlState;

    public JdbcStorageException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.sqlState = cause instanceof SQLException s ? s.getSQLState() : null;
    }

    /** True when the same transaction may succeed if run again. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The SQLState of the driver's error, when there was one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
