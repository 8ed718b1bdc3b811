package org.socialcare.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A private, empty database namespace for one test class: a fresh in-memory H2 database, a fresh PostgreSQL
 * schema, or a fresh MariaDB database, dropped on {@link #close()}. Server URLs and credentials come from system
 * properties or environment variables ({@code care.pg.url} / {@code CARE_PG_URL}, {@code care.pg.user} /
 * {@code CARE_PG_USER}, {@code care.pg.password} / {@code CARE_PG_PASSWORD}, and the same with {@code mariadb} /
 * {@code MARIADB}); defaults are the CI servers on 127.0.0.1. A server that cannot be reached fails the test with
 * the URL it tried.
 */
final class TestDatabase implements AutoCloseable {
    enum Kind {
        H2,
        POSTGRESQL,
        MARIADB
    }

    private static final Pattern MARIADB_URL = Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]*)(.*)");

    private final Kind kind;
    private final String namespace;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestDatabase(Kind kind, String adminUrl, String user, String password) {
        this.kind = kind;
        this.namespace =
                "care_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static TestDatabase h2() {
        return new TestDatabase(Kind.H2, null, "sa", "");
    }

    static TestDatabase postgres() {
        TestDatabase db = new TestDatabase(
                Kind.POSTGRESQL,
                setting("care.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                setting("care.pg.user", "postgres"),
                setting("care.pg.password", ""));
        db.admin("CREATE SCHEMA " + db.namespace);
        return db;
    }

    static TestDatabase mariadb() {
        TestDatabase db = new TestDatabase(
                Kind.MARIADB,
                setting("care.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
                setting("care.mariadb.user", "root"),
                setting("care.mariadb.password", ""));
        db.admin("CREATE DATABASE " + db.namespace + " CHARACTER SET utf8mb4");
        return db;
    }

    static TestDatabase of(Kind kind) {
        return switch (kind) {
            case H2 -> h2();
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    Kind kind() {
        return kind;
    }

    /** A new connection pool on this namespace (call twice for two "nodes"). */
    DataSource newDataSource(int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(namespace + "-" + pools.size());
        config.setMaximumPoolSize(maxConnections);
        config.setUsername(user);
        config.setPassword(password);
        switch (kind) {
            case H2 -> config.setJdbcUrl("jdbc:h2:mem:" + namespace + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            case POSTGRESQL -> {
                config.setJdbcUrl(adminUrl);
                config.addDataSourceProperty("currentSchema", namespace);
            }
            case MARIADB -> {
                Matcher m = MARIADB_URL.matcher(adminUrl);
                if (!m.matches()) {
                    throw new IllegalStateException(
                            "MariaDB URL must look like jdbc:mariadb://host:port/db but was " + adminUrl);
                }
                config.setJdbcUrl(m.group(1) + namespace + m.group(3));
            }
        }
        HikariDataSource ds = new HikariDataSource(config);
        pools.add(ds);
        return ds;
    }

    DataSource newDataSource() {
        return newDataSource(6);
    }

    /** A PostgreSQL pool whose {@code currentSchema} is {@code schema} instead of this namespace. */
    DataSource newDataSourceInSchema(String schema) {
        if (kind != Kind.POSTGRESQL) {
            throw new IllegalStateException("currentSchema is a PostgreSQL setting; this is " + kind);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(namespace + "-" + schema + "-" + pools.size());
        config.setMaximumPoolSize(2);
        config.setUsername(user);
        config.setPassword(password);
        config.setJdbcUrl(adminUrl);
        config.addDataSourceProperty("currentSchema", schema);
        HikariDataSource ds = new HikariDataSource(config);
        pools.add(ds);
        return ds;
    }

    /** Storage with the schema applied, on a new pool. */
    JdbcCareStorage newStorage() {
        return JdbcCareStorage.builder(newDataSource()).createSchema(true).build();
    }

    /** Empties every table of the storage (the audit chain restarts). */
    void clear(DataSource ds, String prefix) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String t : new Tables(prefix).all()) {
                if (!t.endsWith("audit_head")) {
                    st.executeUpdate("DELETE FROM " + t);
                }
            }
            st.executeUpdate("UPDATE " + prefix + "audit_head SET last_seq = 0, last_hash = '"
                    + JdbcAuditLog.GENESIS_HASH + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL on the namespace outside the library (e.g. to tamper with rows). */
    int execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            return st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        switch (kind) {
            case H2 -> {}
            case POSTGRESQL -> admin("DROP SCHEMA IF EXISTS " + namespace + " CASCADE");
            case MARIADB -> admin("DROP DATABASE IF EXISTS " + namespace);
        }
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach the " + kind.name().toLowerCase(Locale.ROOT) + " test server at " + adminUrl
                            + " as " + user + " (start it, or point "
                            + (kind == Kind.POSTGRESQL ? "CARE_PG_URL" : "CARE_MARIADB_URL")
                            + " at one): " + e.getMessage(),
                    e);
        }
    }

    private static String setting(String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
