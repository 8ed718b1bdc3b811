package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CareDemoOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CareDemo.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void assertOneLineUnderTheProgramsName(String... expected) {
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("care-demo: ")
                .doesNotContain("<main class>")
                .doesNotContain("\tat ");
        for (String e : expected) {
            assertThat(err.toString()).contains(e);
        }
        assertThat(out.toString()).doesNotContain("Northbank's care day");
    }

    @Test
    void aNegativeMessageCountIsOneLineNamingTheOptionBeforeAnyWork() {
        assertThat(run("--no-story", "--messages", "-5")).isEqualTo(2);
        assertOneLineUnderTheProgramsName("--messages must be at least 1 but was -5");
    }

    @Test
    void aNegativeOrNonNumericSpeedIsRefused() {
        assertThat(run("--no-story", "--speed", "-1")).isEqualTo(2);
        assertOneLineUnderTheProgramsName("--speed", "-1.0");
        err.getBuffer().setLength(0);
        assertThat(run("--no-story", "--speed", "NaN")).isEqualTo(2);
        assertOneLineUnderTheProgramsName("--speed");
    }

    @Test
    void aReportDirectoryThatCannotBeWrittenIsRefusedBeforeTheDay(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        String unwritable = file.resolve("report").toString(); // under a file: no one can create it, root included
        assertThat(run("--no-story", "--report-dir", unwritable)).isEqualTo(2);
        assertOneLineUnderTheProgramsName("--report-dir " + unwritable);
    }

    @Test
    void keepTablesWithoutADatabaseUrlIsRefused() {
        assertThat(run("--no-story", "--keep-tables")).isEqualTo(2);
        assertOneLineUnderTheProgramsName("--keep-tables needs --jdbc-url");
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithoutAStackTraceOrPassword(@TempDir Path dir) {
        int code = run(
                "--no-story",
                "--report-dir",
                dir.toString(),
                "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/nowhere?password=hunter2");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("care-demo: cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?password=***")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }
}
