package org.socialcare.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live feed on PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres) with the one property a user
 * sets, {@code spring.datasource.url}; in a schema of its own, dropped afterwards. Tagged {@code databases}.
 */
@Tag("databases")
@SpringBootTest(properties = {"console.speed=30", "console.start-after=2h", "console.tick=200ms"})
class LiveFeedPostgresTest extends LiveFeedContract {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String SCHEMA =
            "console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("create schema " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> SERVER + "&currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("drop schema " + SCHEMA + " cascade");
        }
    }
}
