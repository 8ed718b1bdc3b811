package org.socialcare.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fresh, empty databases for the JDBC benchmarks: H2 in memory, or a new PostgreSQL schema at {@code
 * care.pg.url} / {@code CARE_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code
 * postgres}), dropped by the cleanup the caller runs after its trial.
 */
final class BenchmarkDatabases {
    private BenchmarkDatabases() {}

    /**
     * A new pool of {@code poolSize} on a new, empty database; its cleanup (closing the pool, dropping the schema)
     * is added to {@code cleanup}.
     *
     * @throws IllegalStateException when PostgreSQL cannot be reached (the message says how to point at one)
     */
    static DataSource fresh(String db, int poolSize, List<Runnable> cleanup) throws SQLException {
        String namespace =
                "care_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(poolSize);
        if (db.equals("h2")) {
            config.setJdbcUrl("jdbc:h2:mem:" + namespace + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64");
        } else if (db.equals("postgresql")) {
            String url = setting("care.pg.url", "CARE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = setting("care.pg.user", "CARE_PG_USER", "postgres");
            String password = setting("care.pg.password", "CARE_PG_PASSWORD", "");
            try (Connection admin = DriverManager.getConnection(url, user, password);
                    Statement s = admin.createStatement()) {
                s.execute("CREATE SCHEMA " + namespace);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL at " + url + " cannot be reached (" + e.getMessage()
                                + "): db=postgresql skipped; set care.pg.url / CARE_PG_URL to measure it",
                        e);
            }
            cleanup.add(() -> {
                try (Connection admin = DriverManager.getConnection(url, user, password);
                        Statement s = admin.createStatement()) {
                    s.execute("DROP SCHEMA " + namespace + " CASCADE");
                } catch (SQLException ignored) {
                    // the schema stays behind; it holds nothing but benchmark rows
                }
            });
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.addDataSourceProperty("currentSchema", namespace);
        } else {
            throw new IllegalArgumentException("db must be 'h2' or 'postgresql', was '" + db + "'");
        }
        HikariDataSource pool = new HikariDataSource(config);
        cleanup.add(0, pool::close);
        return pool;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }

    /**
     * Gathers the planner's statistics for {@code tables}, as a running database's autovacuum (PostgreSQL) or
     * {@code ANALYZE} (H2, the whole database) would have: without them PostgreSQL plans against an empty table.
     */
    static void analyse(String db, DataSource dataSource, String... tables) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(db.equals("h2") ? "ANALYZE" : "ANALYZE " + String.join(", ", tables));
        }
    }
}
