package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import picocli.CommandLine;

/**
 * The demo is the project's regression reference: one seed must play one day, whatever the machine's load or
 * its threads' timing. Runs {@code care-demo}'s default command twice at the same time in one JVM, each as the jar
 * does (the story, then the day through the real adapters and the HTTP emulators into an H2 of its own), and
 * compares everything they print but wall time, their HTML reports, and the desks' whole audit trails (every
 * message, reply, id and decision, in order: a difference shows there long before it moves a figure of the report).
 * Playing both at once halves the wall time on two cores and lets each day's threads disturb the other's timing.
 */
class SameSeedSameDayTest {
    private static final String MESSAGES = "120";
    private static final String SEED = "3";

    @Test
    void twoRunsOfOneSeedPrintTheSameDayAndLeaveTheSameAuditTrail(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> firstRun = pool.submit(() -> play(dir.resolve("first")));
            Future<Run> secondRun = pool.submit(() -> play(dir.resolve("second")));
            Run first = firstRun.get(10, TimeUnit.MINUTES);
            Run second = secondRun.get(10, TimeUnit.MINUTES);

            assertThat(first.output())
                    .contains("Care day report: ")
                    .contains("twitter-brand paused 15:0")
                    .contains("first response after 3 min");
            assertThat(second.output().lines())
                    .containsExactlyElementsOf(first.output().lines().toList());
            assertThat(second.html()).isEqualTo(first.html());
            assertThat(first.audit()).hasSizeGreaterThan(500);
            assertThat(second.audit()).containsExactlyElementsOf(first.audit());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Run(String output, String html, List<String> audit) {}

    private static Run play(Path reportDir) throws Exception {
        // the demo's embedded H2, under a name of our own that outlives the demo's pool so the trail can be read
        String url = "jdbc:h2:mem:same-seed-" + reportDir.getFileName() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        CareDemo demo = new CareDemo();
        new CommandLine(demo)
                .parseArgs(
                        "--seed",
                        SEED,
                        "--messages",
                        MESSAGES,
                        "--report-dir",
                        reportDir.toString(),
                        "--jdbc-url",
                        url);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(demo.options.run(out)).isZero();
        }
        String output = withoutWallTime(bytes.toString(StandardCharsets.UTF_8))
                .replace(reportDir.toAbsolutePath().toString(), "<report-dir>");
        return new Run(output, Files.readString(reportDir.resolve("index.html")), auditTrail(url));
    }

    /** The demo's output with its wall-clock figures (run time, messages per second) blanked. */
    static String withoutWallTime(String output) {
        return output.replaceAll("\\(\\d+\\.\\d s wall time\\)", "(- s wall time)")
                .replaceAll("[\\d,]+ msg/s", "- msg/s");
    }

    /** Every audit line of the database at {@code url}, oldest first; drops the database. */
    private static List<String> auditTrail(String url) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        List<AuditEntry> entries = JdbcCareStorage.builder(h2).build().audit().recent(Integer.MAX_VALUE);
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        return entries.stream()
                .map(e -> String.join(
                        " | ",
                        e.at().toString(),
                        e.actor(),
                        e.action().name(),
                        e.conversation().map(Object::toString).orElse("-"),
                        e.channel().map(Object::toString).orElse("-"),
                        e.detail()))
                .toList();
    }
}
