package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Replays every recorded payload in ../shared/fixtures (read in place) without a stack trace. */
@Tag("fixtures")
class ReplayFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"twitter", "facebook"})
    void replaysEveryFixtureFileOfThePlatform(String platform) throws Exception {
        Path dir = Path.of(System.getProperty("care.fixtures.dir", "../../shared/fixtures"))
                .resolve(platform);
        assertThat(dir)
                .as("shared fixtures folder (CI puts shared/ beside the clone)")
                .isDirectory();
        List<String> args = new ArrayList<>(List.of("--platform", platform));
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new ReplayCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args.toArray(String[]::new));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors)
                .doesNotContain("\tat ")
                .doesNotContain("java.lang.")
                .doesNotContainPattern("(?m)^\\S*Exception:");
        assertThat(exit).as(errors).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .isNotEmpty()
                .allMatch(l -> l.startsWith("{\"platform\":\"" + platform + "\""));
        assertThat(errors).contains("replay: ");
    }
}
