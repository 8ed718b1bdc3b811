package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.examples.demo.CareDayRun;
import org.socialcare.examples.demo.DayReport;
import org.socialcare.examples.demo.HtmlReport;

class CareDayTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void careDayAnswersEveryoneWhoNeedsAnAnswerAndReportsIt() {
        DayReport r = CareDayRun.run(InMemoryStorage.create(), 400, 7, 0, QUIET).report();
        assertThat(r.messages()).isGreaterThanOrEqualTo(400);
        assertThat(r.conversations()).isBetween(200, 400);
        assertThat(r.volumePerChannel().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(r.messages());
        assertThat(r.repliesSent()).isGreaterThan(r.conversations() / 2);
        assertThat(r.repliesFailed()).isZero();
        assertThat(r.firstResponseP50()).isLessThanOrEqualTo(r.firstResponseP90());
        assertThat(r.slaCompliance()).isGreaterThan(0.8);
        assertThat(r.privateMoves()).isPositive();
        assertThat(r.callbacks()).isPositive();
        assertThat(r.escalationsByReason()).containsKey("customer threatens legal action");
        // nobody writes to the mortgages account in the simulated day: it shows as inactive
        assertThat(r.inactiveAccounts()).singleElement().asString().contains("NorthbankHomes");
    }

    @Test
    void sameSeedReplaysTheSameDay() {
        DayReport a =
                CareDayRun.run(InMemoryStorage.create(), 200, 11, 0, QUIET).report();
        DayReport b =
                CareDayRun.run(InMemoryStorage.create(), 200, 11, 0, QUIET).report();
        assertThat(b.volumePerChannel()).isEqualTo(a.volumePerChannel());
        assertThat(b.firstResponseMinutes()).isEqualTo(a.firstResponseMinutes());
        assertThat(b.repliesSent()).isEqualTo(a.repliesSent());
    }

    @Test
    void htmlReportIsSelfContainedWithCharts(@TempDir Path dir) throws Exception {
        DayReport r = CareDayRun.run(InMemoryStorage.create(), 150, 3, 0, QUIET).report();
        Path file = HtmlReport.write(r, dir.resolve("care-report"));
        String html = Files.readString(file);
        assertThat(html)
                .contains("<svg")
                .contains("Volume per channel")
                .contains("First response time")
                .contains("Inactive accounts");
        assertThat(html).doesNotContain("<script");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }
}
