package org.socialcare.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.port.in.SweepResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.persistence.jdbc.JdbcCareStorage;

/**
 * {@link SweepBenchmark} on a database (issue 17: "in memory and PostgreSQL"): the bank configuration's escalation
 * sweep, time per reviewed conversation while {@code open} conversations wait in the social-care queue, none of
 * them due, on H2 or PostgreSQL ({@code db}). The same run measures 10,000 (the baseline) and 1,000,000 open.
 *
 * <p>The backlog is one conversation stored through the desk's own store and {@code open - 1} copies of its row
 * (own id and customer) written by one {@code INSERT ... SELECT}, then the table is analysed so the planner knows
 * its size. Before every invocation {@value #DUE} conversations whose response target has passed are stored
 * (not measured); afterwards they are closed, so the backlog stays at {@code open}. Each trial gets a fresh
 * database (H2 in memory, or a new PostgreSQL schema, dropped after the trial).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
public class JdbcSweepBenchmark {
    static final int DUE = 100;

    @Param({"h2", "postgresql"})
    String db;

    @Param({"10000", "1000000"})
    int open;

    private final List<Runnable> cleanup = new ArrayList<>();
    private MovingClock clock;
    private CareStorage storage;
    private CareDesk desk;
    private long ids;
    private List<ConversationId> due = List.of();

    @Setup(Level.Trial)
    public void fillTheBacklog() throws SQLException {
        BenchmarkLogging.warnOnly();
        clock = new MovingClock(Desks.MONDAY_MORNING);
        DataSource dataSource = BenchmarkDatabases.fresh(db, 4, cleanup);
        storage = JdbcCareStorage.builder(dataSource).createSchema(true).build().storage();
        desk = Desks.build("bank", storage, clock);
        Instant later = Desks.MONDAY_MORNING.plus(Duration.ofHours(8));
        long started = System.nanoTime();
        // one conversation through the desk's store, then open - 1 copies of its row by one INSERT ... SELECT
        // (a million saves through the store take minutes on PostgreSQL and longer on H2)
        Conversation template = storage.conversations().save(waiting(Optional.of(later)));
        copy(dataSource, template.id().value(), open - 1);
        BenchmarkDatabases.analyse(db, dataSource, "care_conversation");
        System.out.printf(
                "%n[JdbcSweepBenchmark db=%s open=%d] backlog stored in %d s%n",
                db, open, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** Inserts {@code n} copies of a conversation row, each with its own id and customer. */
    private void copy(DataSource dataSource, String templateId, int n) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT * FROM care_conversation WHERE 1 = 0")) {
                var meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
            }
            String g = db.equals("h2") ? "CAST(g.x AS VARCHAR)" : "g::text";
            String series = db.equals("h2") ? "SYSTEM_RANGE(1, " + n + ") g" : "generate_series(1, " + n + ") g";
            List<String> values = new ArrayList<>();
            for (String col : columns) {
                values.add(
                        switch (col) {
                            case "id" -> "CONCAT('copy-', " + g + ")";
                            case "customer_id" -> "CONCAT('cu', " + g + ")";
                            case "customer_handle" -> "CONCAT('copy', " + g + ")";
                            default -> "t." + col;
                        });
            }
            s.executeUpdate("INSERT INTO care_conversation (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM care_conversation t CROSS JOIN " + series
                    + " WHERE t.id = '" + templateId + "'");
        }
    }

    @TearDown(Level.Trial)
    public void dropTheDatabase() {
        cleanup.forEach(Runnable::run);
        cleanup.clear();
    }

    private Conversation waiting(Optional<Instant> responseDue) {
        return Desks.waitingConversation(++ids, clock.instant(), responseDue);
    }

    /** Stores {@value #DUE} conversations whose response target passed a minute ago (not measured). */
    @Setup(Level.Invocation)
    public void makeSomeDue() {
        clock.advance(Duration.ofSeconds(1));
        Instant passed = clock.instant().minus(Duration.ofMinutes(1));
        due = storage.transactions().inTransaction(() -> {
            List<ConversationId> made = new ArrayList<>(DUE);
            for (int i = 0; i < DUE; i++) {
                made.add(storage.conversations()
                        .save(waiting(Optional.of(passed)))
                        .id());
            }
            return made;
        });
    }

    /** Closes what the sweep reviewed, so the backlog stays at {@code open} (not measured). */
    @TearDown(Level.Invocation)
    public void keepTheBacklogConstant() {
        storage.transactions().inTransaction(() -> {
            for (ConversationId id : due) {
                storage.conversations()
                        .find(id)
                        .filter(c -> c.state().isActive())
                        .ifPresent(c -> storage.conversations()
                                .save(c.resolve(clock.instant()).close()));
            }
            return null;
        });
    }

    @Benchmark
    @OperationsPerInvocation(DUE)
    public void sweepPerReviewedConversation(Blackhole bh) {
        SweepResult result = desk.sweep(DUE);
        if (result.reviewed() != DUE) {
            throw new IllegalStateException("the sweep reviewed " + result.reviewed() + " of " + DUE + " due");
        }
        bh.consume(result);
    }
}
