package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.examples.demo.CareDayRun;
import org.socialcare.examples.demo.DayReport;

class DemoDatabaseTest {
    @Test
    void careDayRunsOnTheEmbeddedH2ByDefault() {
        try (DemoDatabase db = DemoDatabase.open(
                Optional.of("jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1"), Optional.empty(), Optional.empty())) {
            DayReport r = CareDayRun.run(
                            db.storage(),
                            120,
                            5,
                            0,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .report();
            assertThat(r.conversations()).isPositive();
            assertThat(r.repliesSent()).isPositive();
            assertThat(db.storage()
                            .conversations()
                            .openedBetween(
                                    java.time.Instant.parse("2026-01-01T00:00:00Z"),
                                    java.time.Instant.parse("2027-01-01T00:00:00Z")))
                    .hasSize(r.conversations());
        }
    }

    @Test
    void everyDemoInOneJvmGetsAnEmptyEmbeddedDatabaseOfItsOwn() {
        AuditEntry entry = new AuditEntry(
                java.time.Instant.parse("2026-03-02T08:00:00Z"),
                "system",
                AuditAction.CHANNEL_PAUSED,
                Optional.empty(),
                Optional.empty(),
                "first day");
        try (DemoDatabase first = DemoDatabase.open(Optional.empty(), Optional.empty(), Optional.empty())) {
            first.storage().transactions().run(() -> first.storage().audit().append(entry));
            try (DemoDatabase second = DemoDatabase.open(Optional.empty(), Optional.empty(), Optional.empty())) {
                assertThat(second.storage().audit().recent(10)).isEmpty();
            }
            assertThat(first.storage().audit().recent(10)).containsExactly(entry);
        }
        try (DemoDatabase later = DemoDatabase.open(Optional.empty(), Optional.empty(), Optional.empty())) {
            assertThat(later.storage().audit().recent(10)).isEmpty();
        }
    }

    @Test
    void printedUrlNeverShowsAPassword() {
        assertThat(DemoDatabase.redact("jdbc:postgresql://db:5432/care?user=care&password=s3cret&ssl=true"))
                .doesNotContain("s3cret")
                .contains("password=***");
        assertThat(DemoDatabase.redact("jdbc:mariadb://care:s3cret@db:3306/care"))
                .doesNotContain("s3cret");
    }
}
