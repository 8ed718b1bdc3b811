package org.socialcare.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/** Binds query parameters (String, Integer, Long, Boolean, Instant; never null) in order. */
final class Params {
    private Params() {}

    static void bind(PreparedStatement ps, SqlDialect dialect, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p instanceof String s) {
                ps.setString(index, s);
            } else if (p instanceof Integer n) {
                ps.setInt(index, n);
            } else if (p instanceof Long n) {
                ps.setLong(index, n);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(index, b);
            } else if (p instanceof Instant t) {
                dialect.setInstant(ps, index, Row.stored(t));
            } else {
                throw new IllegalArgumentException("cannot bind parameter " + index + " of type "
                        + (p == null ? "null" : p.getClass().getName()));
            }
        }
    }
}
