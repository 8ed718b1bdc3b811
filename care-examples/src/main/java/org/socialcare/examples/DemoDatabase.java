package org.socialcare.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * days played in one JVM never see each other's rows. Closing it closes the pool (and drops an embedded database).
 */
public final class DemoDatabase implements AutoCloseable {
    /**
     * The embedded default, as a format: H2 in memory, one per {@link #open} without a URL ({@code northbank-1},
     * {@code northbank-2}, ...), alive until it is closed.
     */
    public static final String EMBEDDED_H2 = "jdbc:h2:mem:northbank-%d;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private static final AtomicInteger EMBEDDED_COUNT = new AtomicInteger();

    private final HikariDataSource pool;
    private final JdbcCareStorage jdbc;
    private final String description;
    private final boolean dropOnClose;

    private DemoDatabase(HikariDataSource pool, JdbcCareStorage jdbc, String description, boolean dropOnClose) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.description = description;
        this.dropOnClose = dropOnClose;
    }

    /** Opens the database at {@code jdbcUrl} (H2 in memory when empty) and creates the demo's tables. */
    public static DemoDatabase open(Optional<String> jdbcUrl, Optional<String> user, Optional<String> password) {
        String url = jdbcUrl.orElseGet(() -> String.format(Locale.ROOT, EMBEDDED_H2, EMBEDDED_COUNT.incrementAndGet()));
        boolean embedded = url.startsWith("jdbc:h2:mem:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setPoolName("care-demo");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            String prefix = embedded
                    ? JdbcCareStorage.DEFAULT_TABLE_PREFIX
                    : "demo" + Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT) + "_";
            JdbcCareStorage jdbc = JdbcCareStorage.builder(pool)
                    .tablePrefix(prefix)
                    .createSchema(true)
                    .build();
            String where = embedded ? "embedded H2 (in memory)" : redact(url) + ", tables " + prefix + "*";
            return new DemoDatabase(pool, jdbc, where, jdbcUrl.isEmpty());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
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
}
