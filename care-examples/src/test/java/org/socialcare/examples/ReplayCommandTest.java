package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
    // written for this test from Twitter's v1.1 status documentation (not a recorded payload)
    private static final String MENTION =
            """
            {"created_at":"Mon Mar 02 09:00:00 +0000 2026","id":1901,"id_str":"1901","text":"@AskBank someone used my card 4539 1488 0343 6467 and I will sue",
             "truncated":false,"in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"lang":"en",
             "user":{"id":42,"id_str":"42","name":"Anna K","screen_name":"anna_k","followers_count":250000,"verified":true},
             "entities":{"hashtags":[],"urls":[],"user_mentions":[]},"source":"web"}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new ReplayCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
    }

    @Test
    void printsOneJsonLinePerCustomerMessageWithTriageAndMaskedCardNumber(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mention.json"), MENTION);
        assertThat(run("--platform", "twitter", file.toString())).isZero();
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(line.lines()).hasSize(1);
        assertThat(line)
                .startsWith("{\"platform\":\"twitter\",\"messageId\":\"1901\"")
                .contains("\"authorHandle\":\"anna_k\"")
                .contains("\"followers\":250000")
                .contains("\"visibility\":\"PUBLIC\"")
                .contains("FRAUD")
                .contains("LEGAL_THREAT")
                .contains("CARD_NUMBER")
                .doesNotContain("4539 1488 0343 6467")
                .contains("6467");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay: 1 customer message(s) from 1 file(s)");
    }

    @Test
    void malformedFileGetsOneErrorLineAndANonZeroExitWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"id_str\": ");
        Path good = Files.writeString(dir.resolve("good.json"), MENTION);
        assertThat(run("--platform", "twitter", bad.toString(), good.toString()))
                .isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("error: " + bad).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void missingFileAndUnknownPlatformAreClearErrors(@TempDir Path dir) {
        assertThat(run("--platform", "twitter", dir.resolve("nope.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(run("--platform", "myspace", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown platform 'myspace'");
    }

    @Test
    void aHugeNumberIsOneErrorLineThatDoesNotQuoteItAndCostsMilliseconds(@TempDir Path dir) throws Exception {
        Path hostile = Files.writeString(dir.resolve("hostile.json"), MENTION.replace("250000", "9".repeat(500_000)));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        run("--platform", "twitter", hostile.toString()); // warm-up: class loading is not the cost measured
        err.reset();

        long start = threads.getCurrentThreadCpuTime();
        int exit = run("--platform", "twitter", hostile.toString());
        long cpu = threads.getCurrentThreadCpuTime() - start;

        assertThat(exit).isEqualTo(1);
        assertThat(cpu).as("CPU nanoseconds to refuse").isLessThan(500_000_000L);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("error: " + hostile).doesNotContain("9".repeat(50));
        assertThat(errors.length()).isLessThan(1000);
    }

    @Test
    void aDocumentOverTheSizeLimitIsOneErrorLine(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"text\":\"" + "a".repeat(RecordedFile.MAX_DOCUMENT_BYTES) + "\"}");

        assertThat(run("--platform", "twitter", big.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: " + big + ": the document at byte 0 is")
                .contains("larger than " + RecordedFile.MAX_DOCUMENT_BYTES);
    }

    @Test
    void aTopLevelArrayIsReadInChunksWithTheSameResultAsWhole(@TempDir Path dir) throws Exception {
        StringBuilder array = new StringBuilder("[");
        int mentions = 3_000; // about 1.5 MB: more than one chunk
        for (int i = 0; i < mentions; i++) {
            array.append(i == 0 ? "" : ",\n").append(MENTION.replace("1901", Integer.toString(10_000 + i)));
        }
        Path file = Files.writeString(
                dir.resolve("timeline.json"), array.append("]").toString());
        assertThat(Files.size(file)).isGreaterThan(RecordedFile.CHUNK_BYTES);

        assertThat(run("--platform", "twitter", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(mentions);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay: " + mentions + " customer message(s)");
    }

    @Test
    void aTwentyMegabyteFileIsReplayedWithAHundredAndTwentyEightMegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mentions.ndjson");
        String line = MENTION.replace("\n", "");
        int lines = 0;
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (lines * (long) (line.length() + 1) < 20L << 20) {
                w.write(line.replace("1901", Long.toString(100_000L + lines)));
                w.write('\n');
                lines++;
            }
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process replay = new ProcessBuilder(
                        javaBin.toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CareDemo.class.getName(),
                        "replay",
                        "--platform",
                        "twitter",
                        file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(replay.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(dir.resolve("err.txt"));
        assertThat(replay.exitValue()).as(errors).isZero();
        assertThat(errors)
                .contains("replay: " + lines + " customer message(s) from 1 file(s)")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void anErrorMessageThatQuotesTheFileIsMasked(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "4539148803436467x");
        assertThat(run("--platform", "twitter", bad.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: " + bad)
                .doesNotContain("4539148803436467");
    }
}
