package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on the current transaction's connection. */
@FunctionalInterface
interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
