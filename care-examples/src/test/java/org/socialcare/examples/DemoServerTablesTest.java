package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A demo run on a server drops its tables at the end unless asked to keep them (real PostgreSQL and MariaDB). */
@Tag("databases")
class DemoServerTablesTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES, MARIADB})
    void aServerRunDropsItsTablesAtTheEndAndSaysSo(String url) throws Exception {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        String prefix;
        try (DemoDatabase db = DemoDatabase.open(
                Optional.of(url),
                Optional.empty(),
                Optional.empty(),
                false,
                new PrintStream(notes, true, StandardCharsets.UTF_8))) {
            prefix = prefixOf(db.description());
            assertThat(tables(url, prefix)).isNotEmpty();
        }
        assertThat(tables(url, prefix)).isEmpty();
        assertThat(notes.toString(StandardCharsets.UTF_8))
                .contains("Dropped the run's")
                .contains(prefix + "*");
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES, MARIADB})
    void keepTablesLeavesThemForInspection(String url) throws Exception {
        String prefix;
        try (DemoDatabase db = DemoDatabase.open(
                Optional.of(url),
                Optional.empty(),
                Optional.empty(),
                true,
                new PrintStream(new ByteArrayOutputStream()))) {
            prefix = prefixOf(db.description());
        }
        List<String> kept = tables(url, prefix);
        try {
            assertThat(kept).isNotEmpty();
        } finally {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                boolean postgres = url.contains("postgresql");
                if (!postgres) {
                    s.execute("SET FOREIGN_KEY_CHECKS = 0");
                }
                for (String t : kept) {
                    s.execute("DROP TABLE IF EXISTS " + t + (postgres ? " CASCADE" : ""));
                }
            }
        }
    }

    private static String prefixOf(String description) {
        String tail = description.substring(description.indexOf("tables ") + "tables ".length());
        return tail.substring(0, tail.indexOf('*'));
    }

    /** The tables of {@code url}'s current schema whose names start with {@code prefix} (any case). */
    static List<String> tables(String url, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
