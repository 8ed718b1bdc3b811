package org.socialcare.testkit.arch.planted;

import java.sql.Connection;
import java.sql.SQLException;

/** Planted violation: a platform adapter class that reaches into JDBC (the persistence adapter's technology). */
public final class PlantedJdbcUser {
    private PlantedJdbcUser() {}

    static boolean valid(Connection connection) throws SQLException {
        return connection.isValid(1);
    }
}
