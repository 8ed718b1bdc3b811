package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;

/**
 * The demo's whole day, run through the adapters and emulators on a real PostgreSQL and MariaDB with
 * {@code --keep-tables}, leaves no full card number or IBAN in any column of any of its tables: message bodies,
 * conversations, outbox texts, dead letters, audit details (issue 13). The day's traffic does carry card numbers
 * and IBANs (the demo's texts), so the scan has something to find if masking at rest were off.
 */
@Tag("databases")
class DemoLeavesNoCardNumberInAnyTableTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static final Pattern PREFIX = Pattern.compile("tables ([a-z0-9_]+)\\*");
    private final SensitiveDataDetector detector = SensitiveDataDetector.of(SensitiveDataKind.financial());

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES, MARIADB})
    void aDemoDayOnAServerLeavesNoFullCardNumberOrIbanInAnyTable(String url, @TempDir Path reports) throws Exception {
        String printed = runDemo(url, reports);
        Matcher m = PREFIX.matcher(printed);
        assertThat(m.find())
                .as("the demo names its tables: " + printed.lines().limit(5).toList())
                .isTrue();
        String prefix = m.group(1);
        List<String> tables = DemoServerTablesTest.tables(url, prefix);
        try {
            assertThat(tables).as("tables kept by --keep-tables").isNotEmpty();
            Scan scan = scan(url, tables);
            assertThat(scan.rows).as("rows scanned").isGreaterThan(500);
            assertThat(scan.messageBodiesWithMask)
                    .as("message bodies where a card number or IBAN was masked (the day carries them)")
                    .isPositive();
            assertThat(scan.leaks).isEmpty();
        } finally {
            drop(url, tables);
        }
    }

    private static String runDemo(String url, Path reports) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = CareDemo.commandLine()
                    .execute(
                            "--jdbc-url",
                            url,
                            "--keep-tables",
                            "--no-story",
                            "--messages",
                            "600",
                            "--seed",
                            "7",
                            "--report-dir",
                            reports.toString());
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        return printed;
    }

    private record Scan(int rows, int messageBodiesWithMask, List<String> leaks) {}

    /** Every column of every table, as text (bytes as UTF-8), through the financial detector. */
    private Scan scan(String url, List<String> tables) throws SQLException {
        List<String> leaks = new ArrayList<>();
        int rows = 0;
        int masked = 0;
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            String text = v instanceof byte[] b
                                    ? new String(b, StandardCharsets.UTF_8)
                                    : v == null ? null : String.valueOf(v);
                            if (text == null) {
                                continue;
                            }
                            String column = table + "." + md.getColumnName(i);
                            detector.find(text).forEach(f -> leaks.add(column + ": " + f.kind()));
                            if (table.toLowerCase(Locale.ROOT).endsWith("message") && text.contains("****")) {
                                masked++;
                            }
                        }
                    }
                }
            }
        }
        return new Scan(rows, masked, leaks);
    }

    private static void drop(String url, List<String> tables) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            boolean postgres = url.contains("postgresql");
            if (!postgres) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String t : tables) {
                s.execute("DROP TABLE IF EXISTS " + t + (postgres ? " CASCADE" : ""));
            }
        }
    }
}
