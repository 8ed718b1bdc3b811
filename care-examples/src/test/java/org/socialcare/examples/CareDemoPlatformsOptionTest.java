package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CareDemoPlatformsOptionTest {
    @Test
    void unknownPlatformsValueIsRefusedNamingTheOptionAndTheValue() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CareDemo()).setErr(new PrintWriter(err));
        int code = cli.execute("--platforms", "carrier-pigeon", "--no-story");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--platforms").contains("carrier-pigeon");
    }

    @Test
    void directPlatformsRunTheDayWithoutEmulators(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new CareDemo())
                    .execute("--platforms", "DIRECT", "--no-story", "--messages", "60", "--report-dir", dir.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("delivered directly")
                .contains("Care day report")
                .contains("Channel pauses");
    }
}
