package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.error.PlatformException;

/** The outbox's retry jitter comes from the builder's {@link java.util.Random}, so a seeded desk replays its retries. */
class RetryJitterTest {
    private static final Duration BASE = Duration.ofSeconds(10);

    @Test
    void desksWithTheSameSeedHoldTransientFailuresUntilTheSameInstants() {
        assertThat(retryDelays(new Random(7))).isEqualTo(retryDelays(new Random(7)));
    }

    @Test
    void desksWithOtherSeedsDrawOtherJitter() {
        assertThat(retryDelays(new Random(7))).isNotEqualTo(retryDelays(new Random(8)));
    }

    @Test
    void jitterKeepsEachWaitBetweenHalfAndAllOfTheBackoff() {
        List<Duration> delays = retryDelays(new Random(3));
        for (int attempt = 1; attempt <= delays.size(); attempt++) {
            Duration backoff = BASE.multipliedBy(1L << (attempt - 1));
            assertThat(delays.get(attempt - 1))
                    .as("wait after attempt %d", attempt)
                    .isBetween(backoff.dividedBy(2), backoff);
        }
    }

    @Test
    void aMissingRandomIsRefusedByName() {
        assertThatThrownBy(() -> CareDesk.builder().random(null)).hasMessageContaining("random");
    }

    /** How long a reply failing transiently on every attempt waits after each of its first five attempts. */
    private static List<Duration> retryDelays(Random random) {
        DeskFixture f = new DeskFixture(b -> b.random(random)
                .settings(DeskSettings.ofDefaults().withMaxAttempts(8).withRetry(BASE, Duration.ofHours(1))));
        CareDesk desk = f.desk;
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), "Sorry Anna ^AB");
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            f.publisher.failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "HTTP 503", "503"));
            Instant now = f.clock.instant();
            assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
            Instant next = ((DeliveryStatus.Queued) desk.replies(id).get(0).status()).nextAttemptAt();
            delays.add(Duration.between(now, next));
            f.advance(Duration.between(now, next));
        }
        return delays;
    }
}
