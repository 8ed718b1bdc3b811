package org.socialcare.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.socialcare.testkit.jdbc.CountingDataSource;

/**
 * JDBC ingest cost per message (issue 17): the {@code default} desk ingesting one batch of {@value #BATCH}
 * messages from new customers on H2 (in process) or PostgreSQL ({@code db}), against a same-run baseline that
 * writes the same rows by hand: the messages, their conversations and as many audit rows per message as the desk
 * writes, each table with one {@code executeBatch}, in one transaction, on the same schema (the desk's own tables
 * and indexes). The baseline does none of the desk's work (threading, triage, routing, SLA, the audit hash chain);
 * it is the floor of storing those rows.
 *
 * <p>Each trial gets a fresh database (H2 in memory, or a new PostgreSQL schema, dropped after the trial).
 * Statements per message are counted outside the measurement, on a second fresh database behind a counting
 * proxy (the proxy would slow the measured calls), and printed at the start of each trial. PostgreSQL is
 * {@code care.pg.url} / {@code CARE_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}); when it cannot be reached the {@code db=postgresql} trials stop at setup with a message
 * saying so, and the H2 trials still run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class JdbcIngestBenchmark {
    static final int BATCH = 100;
    private static final Duration STEP = Duration.ofMillis(10);
    private static final String ZERO_HASH = "0".repeat(64);

    @Param({"h2", "postgresql"})
    String db;

    /**
     * Messages (each a new customer's new conversation) the desk stored before the measurement, after which the
     * planner's statistics are gathered: 0 is a database created a moment ago (no statistics: PostgreSQL's cached
     * plans then read every row of a channel per set-based lookup, and more as the tables grow); 20,000 is a
     * database in service, whose statistics autovacuum keeps.
     */
    @Param({"0", "20000"})
    int stored;

    private final List<Runnable> cleanup = new ArrayList<>();
    private MovingClock clock;
    private CareDesk desk;
    private DataSource dataSource;
    private long ids;
    private long auditSeq;
    private int auditRowsPerMessage;

    @Setup(Level.Trial)
    public void freshDatabase() throws SQLException {
        BenchmarkLogging.warnOnly();
        clock = new MovingClock(Desks.MONDAY_MORNING);
        auditSeq = 1_000_000_000L; // the baseline's audit rows never meet a desk's chain
        // counted outside the measurement: the desk's and the baseline's statements per message
        CountingDataSource counting = new CountingDataSource(newDataSource());
        CareDesk counted = desk(counting);
        counted.ingest(Batch.of(batch())); // the first batch of a desk is not the steady state
        counting.reset();
        counted.ingest(Batch.of(batch()));
        double deskStatements = (double) counting.executed() / BATCH;
        auditRowsPerMessage = auditRows(counting) / (2 * BATCH);
        counting.reset();
        handWrittenInsert(counting, batch());
        double baselineStatements = (double) counting.executed() / BATCH;
        System.out.printf(
                Locale.ROOT,
                "%n[JdbcIngestBenchmark db=%s] statements a message: desk %.2f, hand-written batch %.2f"
                        + " (%d audit rows a message)%n",
                db,
                deskStatements,
                baselineStatements,
                auditRowsPerMessage);
        // measured: a database of its own, no proxy
        dataSource = newDataSource();
        desk = desk(dataSource);
        for (int i = 0; i < stored / BATCH; i++) {
            desk.ingest(Batch.of(batch()));
        }
        if (stored > 0) {
            BenchmarkDatabases.analyse(
                    db, dataSource, "care_conversation", "care_message", "care_customer_lock", "care_audit");
        }
    }

    private CareDesk desk(DataSource ds) {
        JdbcCareStorage jdbc = JdbcCareStorage.builder(ds).createSchema(true).build();
        return Desks.build("default", jdbc.storage(), clock);
    }

    private int auditRows(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM care_audit")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A new pool on a new, empty database: H2 in memory, or a new PostgreSQL schema. */
    private DataSource newDataSource() throws SQLException {
        return BenchmarkDatabases.fresh(db, 2, cleanup);
    }

    @TearDown(Level.Trial)
    public void dropDatabases() {
        cleanup.forEach(Runnable::run);
        cleanup.clear();
    }

    /** A batch of messages from new customers, 10 ms apart on the moving clock. */
    private List<InboundMessage> batch() {
        List<InboundMessage> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = ++ids;
            clock.advance(STEP);
            out.add(InboundMessage.builder(
                            MessageKey.of(org.socialcare.core.domain.Platform.TWITTER, Long.toString(id)),
                            Desks.entries("default").get(0).channel(),
                            Party.of("u" + id, "user" + id))
                    .text(Desks.TEXTS.get((int) (id % Desks.TEXTS.size())))
                    .createdAt(clock.instant())
                    .build());
        }
        return out;
    }

    /** The same rows as the desk stores, written by hand: one executeBatch per table, one transaction. */
    private void handWrittenInsert(DataSource ds, List<InboundMessage> messages) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement conv = c.prepareStatement("INSERT INTO care_conversation (id, channel_id,"
                            + " customer_id, customer_handle, customer_followers, customer_verified, state, priority,"
                            + " priority_rank, category, risk_flags, team_id, opened_at, last_customer_message_at,"
                            + " awaiting_response_since, public_leg, private_leg, response_due_at, next_due_at,"
                            + " customer_message_count, language, negative_streak, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', 'NORMAL', 1, 'COMPLAINT', '', 'care', ?, ?, ?, TRUE,"
                            + " FALSE, ?, ?, 1, 'en', 0, 1)");
                    PreparedStatement msg = c.prepareStatement("INSERT INTO care_message (platform, message_id,"
                            + " conversation_id, channel_id, direction, author_id, author_handle, body, visibility,"
                            + " in_reply_to, created_at) VALUES (?, ?, ?, ?, 'INBOUND', ?, ?, ?, 'PUBLIC', NULL, ?)");
                    PreparedStatement audit = c.prepareStatement("INSERT INTO care_audit (seq, occurred_at, actor,"
                            + " action, conversation_id, channel_id, detail, prev_hash, row_hash)"
                            + " VALUES (?, ?, 'system', 'MESSAGE_RECEIVED', ?, ?, ?, ?, ?)")) {
                for (InboundMessage m : messages) {
                    String conversation = UUID.randomUUID().toString();
                    Timestamp at = Timestamp.from(m.createdAt());
                    Timestamp due = Timestamp.from(m.createdAt().plus(Duration.ofMinutes(45)));
                    conv.setString(1, conversation);
                    conv.setString(2, m.channel().value());
                    conv.setString(3, m.author().platformUserId());
                    conv.setString(4, m.author().handle());
                    conv.setLong(5, 0);
                    conv.setBoolean(6, false);
                    conv.setTimestamp(7, at);
                    conv.setTimestamp(8, at);
                    conv.setTimestamp(9, at);
                    conv.setTimestamp(10, due);
                    conv.setTimestamp(11, due);
                    conv.addBatch();
                    msg.setString(1, m.key().platform().name());
                    msg.setString(2, m.key().messageId());
                    msg.setString(3, conversation);
                    msg.setString(4, m.channel().value());
                    msg.setString(5, m.author().platformUserId());
                    msg.setString(6, m.author().handle());
                    msg.setString(7, m.text());
                    msg.setTimestamp(8, at);
                    msg.addBatch();
                    for (int a = 0; a < auditRowsPerMessage; a++) {
                        audit.setLong(1, ++auditSeq);
                        audit.setTimestamp(2, at);
                        audit.setString(3, conversation);
                        audit.setString(4, m.channel().value());
                        audit.setString(5, "PUBLIC message " + m.key() + " (new conversation)");
                        audit.setString(6, ZERO_HASH);
                        audit.setString(7, ZERO_HASH);
                        audit.addBatch();
                    }
                }
                conv.executeBatch();
                msg.executeBatch();
                audit.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineHandWrittenBatchInsert() throws SQLException {
        handWrittenInsert(dataSource, batch());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deskIngestNewCustomers(Blackhole bh) {
        bh.consume(desk.ingest(Batch.of(batch())));
    }
}
