package org.socialcare.persistence.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the {@link SqlDialect} for a database from its JDBC metadata, and logs the choice. */
public final class SqlDialects {
    private static final Logger LOG = LoggerFactory.getLogger(SqlDialects.class);

    private SqlDialects() {}

    /**
     * The dialect for the database behind {@code dataSource} (opens and closes one connection).
     *
     * @throws SQLException when no connection can be opened
     */
    public static SqlDialect detect(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return detect(c.getMetaData());
        }
    }

    /**
     * The dialect for a database product: H2, PostgreSQL, MariaDB (SKIP LOCKED from 10.6); anything else
     * gets {@link AnsiDialect} with a warning.
     */
    public static SqlDialect detect(DatabaseMetaData metadata) throws SQLException {
        String product = metadata.getDatabaseProductName();
        String version = metadata.getDatabaseProductVersion();
        SqlDialect dialect =
                forProduct(product, version, metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion());
        if (dialect.getClass() == AnsiDialect.class) {
            LOG.warn(
                    "no care dialect for database '{}' {}; using ANSI SQL. Pass a dialect to JdbcCareStorage.builder(..).dialect(..) "
                            + "if statements fail",
                    product,
                    version);
        } else {
            LOG.info(
                    "care storage detected {} {}: using the {} dialect ({})",
                    product,
                    version,
                    dialect,
                    dialect.supportsSkipLocked() ? "SKIP LOCKED claims" : "conditional-update claims");
        }
        return dialect;
    }

    static SqlDialect forProduct(String product, String version, int major, int minor) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        String v = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return new H2Dialect();
        }
        if (p.contains("postgresql")) {
            return new PostgreSqlDialect();
        }
        if (p.contains("mariadb") || v.contains("mariadb")) {
            return MariaDbDialect.forVersion(major, minor);
        }
        return new AnsiDialect();
    }
}
