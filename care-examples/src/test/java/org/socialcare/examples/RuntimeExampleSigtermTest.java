package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcare.emulators.twitter.TwitterApiEmulator;

/**
 * Issue 18's "done when": {@link RuntimeExample} runs as its own JVM on PostgreSQL against a Twitter emulator that this
 * test owns (so what was published outlives the process). A {@link CompressedDay} of 400 customer mentions (the demo
 * day's shape in 20 seconds) is written while the example's runtime polls, its agent answers and the runtime
 * publishes; the process gets SIGTERM near the midday peak and must exit within its stop bound, while the rest of the
 * day keeps arriving. A second run on the same database catches up and finishes the work. Then every mention is
 * stored once and has exactly one reply on the platform (none lost, none sent twice), and the outbox holds exactly
 * one SENT entry per conversation.
 */
@Tag("databases")
class RuntimeExampleSigtermTest {
    private static final String PG = System.getProperty("care.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);
    /** A JVM's own exit after the hook (stopping pools and the logging) is not the runtime's bound. */
    private static final Duration JVM_EXIT_MARGIN = Duration.ofSeconds(5);

    private static final int DAY_MESSAGES = 400;
    private static final Duration DAY_LENGTH = Duration.ofSeconds(20);

    private final String schema =
            "care_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private TwitterApiEmulator twitter;

    @BeforeEach
    void databaseAndPlatform() throws SQLException {
        admin("CREATE SCHEMA " + schema);
        twitter = TwitterApiEmulator.builder().account(9000, "NorthbankCare").start();
    }

    @AfterEach
    void dropThem() throws SQLException {
        twitter.close();
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void sigtermStopsTheRuntimeWithinItsBoundAndNoReplyIsLostOrSentTwice(@TempDir Path dir) throws Exception {
        // a compressed care day: its morning peak reaches the desk while it runs, the first run is stopped near the
        // middle of the day and the rest of the day arrives while no desk runs, so the second start catches up
        CompressedDay day = CompressedDay.of(DAY_MESSAGES, DAY_LENGTH, 42);
        List<Long> mentions = new CopyOnWriteArrayList<>();
        Thread customers = new Thread(() -> day.play(twitter, 70_000, mentions), "customers");

        Process first = launch(dir.resolve("first.txt"));
        customers.start();
        awaitTrue(
                () -> mentions.size() >= DAY_MESSAGES / 2 && replies().size() >= 20,
                "half the day written and the first run answering",
                first,
                dir.resolve("first.txt"));
        long begin = System.nanoTime();
        first.destroy(); // SIGTERM
        boolean exited = first.waitFor(STOP_BOUND.plus(JVM_EXIT_MARGIN).toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        String firstOut = Files.readString(dir.resolve("first.txt"));
        assertThat(exited).as("exited within its bound; output:%n%s", firstOut).isTrue();
        assertThat(took).isLessThan(STOP_BOUND.plus(JVM_EXIT_MARGIN));
        assertThat(firstOut).contains("runtime stopped in");
        int writtenBeforeSigterm = mentions.size();
        int answeredByFirst = replies().size();
        customers.join(DAY_LENGTH.multipliedBy(2).toMillis());
        assertThat(mentions).as("the whole day was written").hasSize(DAY_MESSAGES);
        System.out.printf(
                "first run: SIGTERM to exit %d ms; %s; %d of %d mentions written and %d answered at SIGTERM%n",
                took.toMillis(),
                firstOut.lines()
                        .filter(l -> l.contains("stopped in"))
                        .findFirst()
                        .orElse("?"),
                writtenBeforeSigterm,
                DAY_MESSAGES,
                answeredByFirst);

        Process second = launch(dir.resolve("second.txt"));
        awaitTrue(
                () -> replies().keySet().containsAll(mentions),
                "the second run answered everyone",
                second,
                dir.resolve("second.txt"));
        Thread.sleep(500); // room for a wrong second publication to show
        second.destroy();
        assertThat(second.waitFor(STOP_BOUND.plus(JVM_EXIT_MARGIN).toSeconds(), TimeUnit.SECONDS))
                .isTrue();

        Map<Long, Integer> replies = replies();
        assertThat(replies.keySet()).as("customers answered").containsExactlyInAnyOrderElementsOf(mentions);
        assertThat(replies).as("replies per customer mention").allSatisfy((mention, n) -> assertThat(n)
                .as("replies to %s", mention)
                .isEqualTo(1));
        assertThat(outbox()).as("outbox entries by status").isEqualTo(Map.of("SENT", DAY_MESSAGES));
        assertThat(storedMentions()).as("mentions stored").isEqualTo(DAY_MESSAGES);
        assertThat(answeredByFirst).as("answered before SIGTERM").isBetween(20, DAY_MESSAGES - 1);
    }

    private int storedMentions() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM care_message WHERE direction = 'INBOUND'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Replies on the platform per customer status they answer. */
    private Map<Long, Integer> replies() {
        Map<Long, Integer> out = new HashMap<>();
        for (Map<String, Object> s : twitter.postedStatuses()) {
            long inReplyTo = ((Number) s.get("in_reply_to_status_id")).longValue();
            out.merge(inReplyTo, 1, Integer::sum);
        }
        return out;
    }

    private Map<String, Integer> outbox() throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM care_outbox GROUP BY status")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private Process launch(Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RuntimeExample.class.getName(),
                        "--jdbc-url",
                        url(),
                        "--user",
                        "postgres",
                        "--stop-bound",
                        Long.toString(STOP_BOUND.toSeconds()),
                        "--poll-ms",
                        "200",
                        "--twitter-url",
                        twitter.restBaseUrl(),
                        "--twitter-account",
                        twitter.account().id() + ":" + twitter.account().screenName(),
                        "--twitter-consumer",
                        twitter.consumerKey() + ":" + twitter.consumerSecret(),
                        "--twitter-token",
                        twitter.accessToken() + ":" + twitter.accessTokenSecret())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private String url() {
        return PG + (PG.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Process process, Path output)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError(
                        "timed out or died waiting for: " + what + "; output:\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
    }
}
