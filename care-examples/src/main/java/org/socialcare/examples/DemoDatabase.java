package org.socialcare.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.persistence.jdbc.JdbcCareStorage;

/**
 * The demo's database: the embedded H2 default (in memory, nothing to install), or PostgreSQL / MariaDB
 * given by a JDBC URL. On a server the demo creates its tables under a prefix of its own for this run, so it
 * never mixes with an earlier run or with your data. Each embedded database is a fresh one of its own, so two
 * days played in one JVM never see each other's rows. Closing it drops the run's tables (a server database, unless
 * asked to keep them) or the embedded database, then closes the pool.
 */
public final class DemoDatabase implements AutoCloseable {
    /**
     * The embedded default, as a format: H2 in memory, one per {@link #open} without a URL ({@code northbank-1},
     * {@code northbank-2}, ...), alive until it is closed.
     */
    public static final String EMBEDDED_H2 =
            "jdbc:h2:mem:northbank-%d;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";

    private static final AtomicInteger EMBEDDED_COUNT = new AtomicInteger();

    private final HikariDataSource pool;
    private final JdbcCareStorage jdbc;
    private final String description;
    private final boolean dropOnClose;
    private final Optional<String> tablesToDrop;
    private final PrintStream notes;

    private DemoDatabase(
            HikariDataSource pool,
            JdbcCareStorage jdbc,
            String description,
            boolean dropOnClose,
            Optional<String> tablesToDrop,
            PrintStream notes) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.description = description;
        this.dropOnClose = dropOnClose;
        this.tablesToDrop = tablesToDrop;
        this.notes = notes;
    }

    /** A database that cannot be reached or set up: the message is one line, with the URL redacted. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens the database at {@code jdbcUrl} (H2 in memory when empty) and creates the demo's tables; on a server
     * the tables are kept when closed.
     */
    public static DemoDatabase open(Optional<String> jdbcUrl, Optional<String> user, Optional<String> password) {
        return open(jdbcUrl, user, password, true, System.out);
    }

    /**
     * Opens the database at {@code jdbcUrl} (H2 in memory when empty) and creates the demo's tables. On a server,
     * closing drops them unless {@code keepTables}, and says which on {@code notes}.
     *
     * @throws UnavailableException when the database cannot be reached or its tables cannot be created
     */
    public static DemoDatabase open(
            Optional<String> jdbcUrl,
            Optional<String> user,
            Optional<String> password,
            boolean keepTables,
            PrintStream notes) {
        String url = jdbcUrl.orElseGet(() -> String.format(Locale.ROOT, EMBEDDED_H2, EMBEDDED_COUNT.incrementAndGet()));
        boolean embedded = url.startsWith("jdbc:h2:mem:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setPoolName("care-demo");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UnavailableException("cannot connect to " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            String prefix = embedded
                    ? JdbcCareStorage.DEFAULT_TABLE_PREFIX
                    : "demo" + Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT) + "_";
            JdbcCareStorage jdbc = JdbcCareStorage.builder(pool)
                    .tablePrefix(prefix)
                    .createSchema(true)
                    .build();
            String where = embedded ? "embedded H2 (in memory)" : redact(url) + ", tables " + prefix + "*";
            Optional<String> drop = embedded || keepTables ? Optional.empty() : Optional.of(prefix);
            return new DemoDatabase(pool, jdbc, where, jdbcUrl.isEmpty(), drop, notes);
        } catch (RuntimeException e) {
            pool.close();
            throw new UnavailableException(
                    "cannot set up the demo's tables at " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message on one line, redacted. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return redact(message.lines().findFirst().orElse("").strip());
    }

    /** The URL without user info or password parameters, for printing. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***").replaceAll("//[^/@]*@", "//***@");
    }

    public CareStorage storage() {
        return jdbc.storage();
    }

    /** Replies held for four-eyes approval, in the same database. */
    public ApprovalGateway approvals() {
        return jdbc.approvals();
    }

    /** The channels' kill switch, in the same database. */
    public ChannelStateStore channelStates() {
        return jdbc.channelStates();
    }

    public EscalationFiringStore escalationFirings() {
        return jdbc.escalationFirings();
    }

    /** Where the data goes, for the console (never a password). */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        tablesToDrop.ifPresent(this::dropTables);
        if (dropOnClose) {
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // DB_CLOSE_DELAY=-1 would keep its rows in memory until the JVM exits
            } catch (SQLException e) {
                // the pool goes anyway; the rows stay in memory until the JVM exits
            }
        }
        pool.close();
    }

    /** Drops every table whose name starts with the run's prefix (PostgreSQL and MariaDB). */
    private void dropTables(String prefix) {
        List<String> dropped = new ArrayList<>();
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        tables.add(name);
                    }
                }
            }
            boolean postgres =
                    meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (!postgres) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table + (postgres ? " CASCADE" : ""));
                dropped.add(table);
            }
            if (!postgres) {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            notes.printf(
                    Locale.ROOT,
                    "Dropped the run's %d tables %s* (pass --keep-tables to keep them).%n",
                    dropped.size(),
                    prefix);
        } catch (SQLException e) {
            notes.printf(
                    Locale.ROOT,
                    "Could not drop the run's tables %s* (%d dropped): %s%n",
                    prefix,
                    dropped.size(),
                    rootMessage(e));
        }
    }
}
