package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;
import org.socialcare.persistence.jdbc.dialect.SqlDialects;

/**
 * Every storage port of care over one JDBC {@link DataSource}: H2, PostgreSQL or MariaDB (detected), or any
 * database with a dialect you pass. Quick start:
 *
 * <pre>{@code
 * JdbcCareStorage jdbc = JdbcCareStorage.builder(dataSource).createSchema(true).build();
 * CareDesk desk = CareDesk.builder().storage(jdbc.storage())...build(); // every port, kill switch included
 * }</pre>
 *
 * <p>Several desks (threads, processes, nodes) may share one database: messages are unique by key,
 * conversations are optimistically locked, outbox entries are claimed so each is sent once, and the audit
 * chain is extended under a row lock. Give the data source a pool (HikariCP or your application server's).
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcCareStorage {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCareStorage.class);

    /** The table prefix the schema scripts use. */
    public static final String DEFAULT_TABLE_PREFIX = Tables.DEFAULT_PREFIX;
    /** Transactions run at READ COMMITTED unless told otherwise: the stores are built for it. */
    public static final int DEFAULT_ISOLATION = Connection.TRANSACTION_READ_COMMITTED;

    private final SqlDialect dialect;
    private final JdbcTransactionManager transactions;
    private final JdbcAuditLog audit;
    private final JdbcEscalationFiringStore escalationFirings;
    private final JdbcApprovalGateway approvals;
    private final JdbcChannelStateStore channelStates;
    private final JdbcNoticeOutbox notices;
    private final SchemaInitializer schema;
    private final DataProtection dataProtection;
    private final CareStorage storage;

    private JdbcCareStorage(Builder b, SqlDialect dialect, Tables tables) {
        this.dialect = dialect;
        this.transactions = new JdbcTransactionManager(b.dataSource, dialect, b.isolation);
        this.audit = new JdbcAuditLog(transactions, dialect, tables, Optional.ofNullable(b.auditKeys), b.clock);
        this.escalationFirings = new JdbcEscalationFiringStore(transactions, dialect, tables);
        this.approvals = new JdbcApprovalGateway(transactions, dialect, tables);
        this.channelStates = new JdbcChannelStateStore(transactions, dialect, tables);
        this.notices = new JdbcNoticeOutbox(transactions, dialect, tables);
        this.dataProtection = new DataProtection(transactions, dialect, tables, audit, b.clock);
        this.schema = new SchemaInitializer(b.dataSource, dialect, tables, b.clock);
        this.storage = new CareStorage(
                new JdbcConversationStore(transactions, dialect, tables),
                new JdbcMessageStore(transactions, dialect, tables),
                new JdbcOutbox(transactions, dialect, tables),
                audit,
                new JdbcCheckpointStore(transactions, dialect, tables),
                new JdbcDeadLetterStore(transactions, dialect, tables),
                escalationFirings,
                channelStates,
                approvals,
                notices,
                transactions);
    }

    /**
     * The storage on {@code dataSource} with the defaults: detected dialect, {@code care_} tables, which must
     * exist (run the scripts, or use {@code builder(dataSource).createSchema(true)}).
     *
     * @throws IllegalStateException naming the missing table when the schema is not there
     * @throws JdbcStorageException when the database cannot be reached
     */
    public static CareStorage create(DataSource dataSource) {
        return builder(dataSource).build().storage();
    }

    /** A builder over {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Checks.notNull(dataSource, "dataSource"));
    }

    /**
     * Every store and the transaction manager, for {@code CareDesk.builder().storage(..)}: conversations, messages,
     * outbox, audit, checkpoints, dead letters, escalation firings, channel states, held approvals and undelivered
     * escalation notices, all on this
     * database, so that one call wires the whole desk.
     */
    public CareStorage storage() {
        return storage;
    }

    /** Erasure of one customer, the retention sweep and the one-off masking job over these tables. */
    public DataProtection dataProtection() {
        return dataProtection;
    }

    /** The audit log, with {@link JdbcAuditLog#verify()}. */
    public JdbcAuditLog audit() {
        return audit;
    }

    /**
     * The escalation firings on the same database and transactions (also {@link CareStorage#escalationFirings()}
     * of {@link #storage()}).
     */
    public JdbcEscalationFiringStore escalationFirings() {
        return escalationFirings;
    }

    /**
     * Replies held for four-eyes approval, on the same database and transactions (also
     * {@link CareStorage#approvals()} of {@link #storage()}): held replies survive a restart and every desk on the
     * database shares them.
     */
    public JdbcApprovalGateway approvals() {
        return approvals;
    }

    /**
     * The channels' kill switch on the same database and transactions (also {@link CareStorage#channelStates()} of
     * {@link #storage()}): a pause on one desk stops every desk on the database and survives restarts.
     */
    public JdbcChannelStateStore channelStates() {
        return channelStates;
    }

    /**
     * The durable escalation notices on the same database and transactions (also {@link CareStorage#notices()} of
     * {@link #storage()}).
     */
    public JdbcNoticeOutbox notices() {
        return notices;
    }

    public JdbcTransactionManager transactions() {
        return transactions;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The schema initializer for these tables (already run when {@link Builder#createSchema} was set). */
    public SchemaInitializer schema() {
        return schema;
    }

    /**
     * Configures a {@link JdbcCareStorage}. Defaults: dialect detected from the database's metadata, table
     * prefix {@code care_}, no schema changes (the tables must exist), READ COMMITTED, system
     * UTC clock (only for the schema version table). {@link #build()} checks that every table is reachable.
     * Not thread-safe.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private SqlDialect dialect;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private boolean createSchema;
        private int isolation = DEFAULT_ISOLATION;
        private Clock clock = Clock.systemUTC();
        private AuditKeyring auditKeys;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Uses this dialect instead of detecting one (a database the library does not know, or a tuned subclass). */
        public Builder dialect(SqlDialect value) {
            dialect = Checks.notNull(value, "dialect");
            return this;
        }

        /**
         * The prefix of every table name. Default {@code care_}, as in the scripts.
         *
         * @throws IllegalArgumentException unless 1 to 30 characters: a lower-case letter, then lower-case letters,
         *     digits or '_'
         */
        public Builder tablePrefix(String value) {
            tablePrefix = new Tables(value).prefix();
            return this;
        }

        /** Whether {@link #build()} applies the schema scripts the database lacks ({@link SchemaInitializer}). Default false. */
        public Builder createSchema(boolean value) {
            createSchema = value;
            return this;
        }

        /**
         * The isolation level of every transaction, one of the {@link Connection} {@code TRANSACTION_*} constants.
         * Default READ COMMITTED. Set the pool's default to the same level to save two statements per transaction
         * on MariaDB, whose default is REPEATABLE READ.
         *
         * @throws IllegalArgumentException for any other value
         */
        public Builder isolation(int value) {
            if (value != Connection.TRANSACTION_READ_COMMITTED
                    && value != Connection.TRANSACTION_REPEATABLE_READ
                    && value != Connection.TRANSACTION_SERIALIZABLE) {
                throw new IllegalArgumentException("isolation must be Connection.TRANSACTION_READ_COMMITTED (2), "
                        + "TRANSACTION_REPEATABLE_READ (4) or TRANSACTION_SERIALIZABLE (8) but was " + value);
            }
            isolation = value;
            return this;
        }

        /** The clock that stamps applied schema versions. Default system UTC. */
        public Builder clock(Clock value) {
            clock = Checks.notNull(value, "clock");
            return this;
        }

        /**
         * Signs the audit chain and its head with HMAC-SHA256 under the bank's keys (default: plain SHA-256 chain).
         * See {@link AuditKeyring} for rotation.
         */
        public Builder auditKeys(AuditKeyring value) {
            auditKeys = Checks.notNull(value, "auditKeys");
            return this;
        }

        /**
         * Detects the dialect (unless given), checks that the connection has a current schema, applies the schema
         * if asked, and checks the tables (in the connection's current schema only).
         *
         * @throws IllegalStateException naming the schema when the connection's current schema does not exist, or
         *     the missing tables when they are not there
         * @throws JdbcStorageException when the database cannot be reached or a script fails
         */
        public JdbcCareStorage build() {
            SqlDialect d = dialect;
            if (d == null) {
                try {
                    d = SqlDialects.detect(dataSource);
                } catch (SQLException e) {
                    throw new JdbcStorageException(
                            "could not connect to detect the database: " + e.getMessage(), e, true);
                }
            }
            Tables tables = new Tables(tablePrefix);
            JdbcCareStorage built = new JdbcCareStorage(this, d, tables);
            requireCurrentSchema(d);
            if (createSchema) {
                built.schema.apply();
            }
            List<String> missing = missingTables(tables);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "care tables " + missing + " are missing: run the scripts in db/migration/"
                                + d.migrationFolder() + " (Flyway, Liquibase) or build with createSchema(true)");
            }
            LOG.info(
                    "care JDBC storage ready: dialect {}, tables {}*, schema version {}",
                    d,
                    tables.prefix(),
                    createSchema ? Optional.of(SchemaInitializer.latestVersion()) : Optional.empty());
            return built;
        }

        private void requireCurrentSchema(SqlDialect d) {
            try (Connection c = dataSource.getConnection()) {
                SchemaInitializer.requireCurrentSchema(c, d);
            } catch (SQLException e) {
                throw new JdbcStorageException(
                        "could not connect to check the current schema: " + e.getMessage(), e, true);
            }
        }

        private List<String> missingTables(Tables tables) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                List<String> missing = new ArrayList<>();
                for (String t : tables.all()) {
                    if (!SchemaInitializer.tableExists(c, t)) {
                        missing.add(t);
                    }
                }
                return missing;
            } catch (SQLException e) {
                throw new JdbcStorageException(
                        "could not connect to check the care tables: " + e.getMessage(), e, true);
            }
        }
    }
}
