package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

/** The builder's random source makes retry jitter repeatable; the read port answers what callers took from storage. */
class DeskReadsAndDeterminismTest {

    /** The next-attempt times of one reply failing transiently {@code failures} times in a row. */
    private static List<Instant> retryTimes(Random random, int failures) {
        DeskFixture f = new DeskFixture(b -> b.random(random));
        ConversationId id = f.desk.ingest(
                        Batch.of(List.of(f.tweet("1", DeskFixture.ANNA, "@AskBank my card is blocked"))))
                .touched()
                .get(0);
        f.desk.claim(id, f.alice.id());
        f.desk.reply(id, f.alice.id(), "Sorry Anna, we are on it ^AB");
        List<Instant> next = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            f.publisher.failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "HTTP 503", "503"));
            f.desk.dispatchOutbox();
            DeliveryStatus.Queued q =
                    (DeliveryStatus.Queued) f.desk.replies(id).get(0).status();
            next.add(q.nextAttemptAt());
            f.advance(Duration.between(f.clock.instant(), q.nextAttemptAt()));
        }
        return next;
    }

    @Test
    void aSeededRandomMakesRetryBackoffRepeatable() {
        List<Instant> first = retryTimes(new Random(42), 5);
        List<Instant> again = retryTimes(new Random(42), 5);
        List<Instant> otherSeed = retryTimes(new Random(43), 5);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void theRandomSourceIsARequiredSetting() {
        assertThatThrownBy(() -> CareDesk.builder().random(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("random");
    }

    @Test
    void metricsAreReadThroughTheDesk() {
        DeskFixture f = new DeskFixture();
        Instant from = f.clock.instant();
        ConversationId id = f.desk.ingest(
                        Batch.of(List.of(f.tweet("1", DeskFixture.ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        f.desk.claim(id, f.alice.id());
        f.advance(Duration.ofMinutes(4));
        f.desk.reply(id, f.alice.id(), "Sorry Anna, DM us please ^AB");

        MetricsReport report = f.desk.metrics(from, f.clock.instant().plusSeconds(1));

        assertThat(report.overall().opened()).isEqualTo(1);
        assertThat(report.overall().responded()).isEqualTo(1);
        assertThatThrownBy(() -> f.desk.metrics(from, from.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("report period");
    }

    @Test
    void theInMemoryStorageCarriesEveryPortAndTheDeskUsesItsApprovals() {
        CareStorage storage = InMemoryStorage.create();
        DeskFixture f = new DeskFixture(b -> b.storage(storage));

        @SuppressWarnings("deprecation")
        var policies = f.desk.messagePolicies();
        assertThat(policies.approvals()).isSameAs(storage.approvals());
        assertThat(List.of(storage.escalationFirings(), storage.channelStates(), storage.approvals()))
                .doesNotContainNull();
    }
}
