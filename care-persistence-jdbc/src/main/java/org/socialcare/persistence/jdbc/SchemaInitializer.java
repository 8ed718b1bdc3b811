package org.socialcare.persistence.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * Applies the schema scripts ({@code db/migration/<dialect folder>/V<n>__<name>.sql}, the files Flyway and
 * Liquibase users run themselves) that a database does not have yet, and records each applied version with
 * the script's checksum in {@code <prefix>schema_version}. With a table prefix other than {@code care_}, the
 * scripts' {@code care_} names are rewritten to the prefix.
 *
 * <p>For the embedded default and for teams without a migration tool. Run it from one node at a time (at
 * start-up, before the desks start); on PostgreSQL each script runs in one transaction, elsewhere a failed
 * script may leave part of its tables behind, to be dropped by hand. Refuses to touch a schema whose tables
 * exist without its version table (another tool manages it).
 */
public final class SchemaInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(?:\\R|$)");
    private static final Pattern DEFAULT_NAMES = Pattern.compile("\\b" + Tables.DEFAULT_PREFIX);

    /** The schema versions this library ships, in order. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "init"),
            new Migration(2, "outbox_fencing"),
            new Migration(3, "data_protection"),
            new Migration(4, "queue_indexes"),
            new Migration(5, "escalation_notices"),
            new Migration(6, "dead_letter_reprocessing"));

    record Migration(int version, String description) {
        String script() {
            return "V" + version + "__" + description + ".sql";
        }
    }

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Tables tables;
    private final Clock clock;

    SchemaInitializer(DataSource dataSource, SqlDialect dialect, Tables tables, Clock clock) {
        this.dataSource = Checks.notNull(dataSource, "dataSource");
        this.dialect = Checks.notNull(dialect, "dialect");
        this.tables = Checks.notNull(tables, "tables");
        this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * An initializer for the tables with the given prefix ({@code care_} is the default).
     *
     * @throws IllegalArgumentException naming the prefix when it is not lower-case letters, digits and '_'
     */
    public static SchemaInitializer of(DataSource dataSource, SqlDialect dialect, String tablePrefix) {
        return new SchemaInitializer(dataSource, dialect, new Tables(tablePrefix), Clock.systemUTC());
    }

    /** The newest schema version this library ships. */
    public static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * The schema version the database has, 0 when the version table is absent.
     *
     * @throws JdbcStorageException when the database cannot be read
     */
    public int currentVersion() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return readVersion(c);
        } catch (SQLException e) {
            throw new JdbcStorageException("could not read the schema version: " + e.getMessage(), e, false);
        }
    }

    /**
     * Applies every script newer than the database's version and returns the versions applied (empty when up
     * to date).
     *
     * @throws IllegalStateException when the tables exist without a version table, or the dialect has no scripts
     * @throws JdbcStorageException naming the script and statement that failed
     */
    public List<Integer> apply() {
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            requireCurrentSchema(c, dialect);
            int current = readVersion(c);
            if (current == 0) {
                if (tableExists(c, tables.conversation())) {
                    throw new IllegalStateException(
                            "table " + tables.conversation() + " exists but " + tables.schemaVersion()
                                    + " does not: the schema is managed by another tool (Flyway, Liquibase); keep using it");
                }
                createVersionTable(c);
            } else {
                verifyChecksums(c);
            }
            for (Migration m : MIGRATIONS) {
                if (m.version() > current) {
                    applyScript(c, m);
                    applied.add(m.version());
                }
            }
        } catch (SQLException e) {
            throw new JdbcStorageException(
                    "could not initialize the schema: " + e.getMessage(), e, dialect.isTransient(e));
        }
        if (applied.isEmpty()) {
            LOG.debug("care schema with prefix {} is at version {}", tables.prefix(), latestVersion());
        }
        return List.copyOf(applied);
    }

    /** The statements of a script for this dialect and prefix, in order (for tests and for inspection). */
    List<String> statements(Migration m) {
        String text = DEFAULT_NAMES.matcher(load(m)).replaceAll(Matcher.quoteReplacement(tables.prefix()));
        List<String> out = new ArrayList<>();
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        for (String s : STATEMENT_END.split(withoutComments)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private String resource(Migration m) {
        return "db/migration/" + dialect.migrationFolder() + "/" + m.script();
    }

    private String load(Migration m) {
        String path = resource(m);
        try (InputStream in = SchemaInitializer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema script " + path + " for the " + dialect.name()
                        + " dialect; create the tables yourself (see the README) or use a dialect that ships scripts");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private void applyScript(Connection c, Migration m) throws SQLException {
        List<String> statements = statements(m);
        boolean transactional = dialect.supportsTransactionalDdl();
        if (transactional) {
            c.setAutoCommit(false);
        }
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new JdbcStorageException(
                            "schema script " + resource(m) + " failed at: " + firstLine(sql) + " -- " + e.getMessage(),
                            e,
                            false);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.schemaVersion()
                    + " (version, description, script, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, m.script());
                ps.setString(4, checksum(m));
                dialect.setInstant(ps, 5, Row.stored(clock.instant()));
                ps.executeUpdate();
            }
            if (transactional) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                c.rollback();
            }
            throw e;
        } finally {
            if (transactional) {
                c.setAutoCommit(true);
            }
        }
        LOG.info(
                "applied care schema {} ({} statements) with table prefix {} on {}",
                resource(m),
                statements.size(),
                tables.prefix(),
                dialect.name());
    }

    private void verifyChecksums(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + tables.schemaVersion())) {
            while (rs.next()) {
                int version = rs.getInt(1);
                String stored = rs.getString(2);
                for (Migration m : MIGRATIONS) {
                    if (m.version() == version && !checksum(m).equals(stored)) {
                        LOG.warn(
                                "care schema script {} changed since it was applied (checksum {} in {}, {} now)",
                                m.script(),
                                stored,
                                tables.schemaVersion(),
                                checksum(m));
                    }
                }
            }
        }
    }

    private String checksum(Migration m) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(load(m).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private int readVersion(Connection c) throws SQLException {
        if (!tableExists(c, tables.schemaVersion())) {
            return 0;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + tables.schemaVersion())) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void createVersionTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + tables.schemaVersion() + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL,"
                    + " applied_at " + dialect.timestampType() + " NOT NULL)");
        }
    }

    /**
     * Checks that the connection has a current schema where the database has schemas (PostgreSQL with
     * {@code currentSchema=no_such_schema} has none, and a metadata search would then find tables in any schema).
     *
     * @throws IllegalStateException naming the schemas the connection was told to use
     */
    static void requireCurrentSchema(Connection c, SqlDialect dialect) throws SQLException {
        if (schemaOf(c) != null || !c.getMetaData().supportsSchemasInTableDefinitions()) {
            return;
        }
        String path =
                dialect.searchPath(c).map(p -> " (search_path: " + p + ")").orElse("");
        throw new IllegalStateException("the connection has no current schema" + path
                + ": the schema it names does not exist; create it, or point currentSchema (or the search_path) at"
                + " the schema that holds the care tables");
    }

    /**
     * Whether the table is in the connection's current catalog and schema, by JDBC metadata (a failing probe
     * query would make some drivers log errors). Compares names without regard to case, as databases fold
     * unquoted names differently.
     */
    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schemaOf(c);
        for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, candidate, null)) {
                while (rs.next()) {
                    if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String schemaOf(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl) + " ...";
    }
}
