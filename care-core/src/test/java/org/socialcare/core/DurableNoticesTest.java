package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.port.in.NoticeResult;
import org.socialcare.core.port.out.NoticeOutbox;

/**
 * Issue 18: a notice whose notifier throws after the commit was lost ("WARN deferred call failed"). Now it is stored
 * with the escalation, kept while the notifier fails (visible with attempts and masked error) and retried with
 * backoff until delivered, once.
 */
class DurableNoticesTest {
    private final List<EscalationNotice> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);
    private final DeskFixture f = new DeskFixture(b -> b.notifier(notice -> {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("pager gateway down, on-call is jane.doe@example.com");
        }
        delivered.add(notice);
    }));

    @Test
    void aNoticeTheNotifierRefusesIsKeptVisibleAndRetriedWithBackoffUntilDeliveredOnce() {
        ConversationId id = f.desk.ingest(Batch.of(List.of(f.tweet("1", DeskFixture.ANNA, "I will sue the bank"))))
                .touched()
                .get(0);

        f.desk.escalate(id, "agent:alice", "customer threatens legal action");

        assertThat(delivered).as("delivered right after the commit").isEmpty();
        List<NoticeOutbox.Entry> failing = f.desk.failingNotices(10);
        assertThat(failing).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.notice().conversation()).contains(id);
            assertThat(e.notice().reason()).isEqualTo("customer threatens legal action");
            assertThat(e.lastError().orElseThrow())
                    .contains("pager gateway down")
                    .doesNotContain("jane.doe@example.com");
            assertThat(e.nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(30));
        });
        assertThat(f.desk.deliverNotices()).as("not due before its backoff").isEqualTo(NoticeResult.nothing());

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.desk.deliverNotices()).isEqualTo(new NoticeResult(0, 1, false));
        assertThat(f.desk.failingNotices(10).get(0).attempts()).isEqualTo(2);
        f.clock.advance(Duration.ofSeconds(59));
        assertThat(f.desk.deliverNotices()).as("second backoff is 60 s").isEqualTo(NoticeResult.nothing());
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.desk.deliverNotices()).isEqualTo(new NoticeResult(1, 0, false));

        assertThat(delivered).singleElement().satisfies(n -> assertThat(n.conversation())
                .contains(id));
        assertThat(f.desk.failingNotices(10)).isEmpty();
        f.clock.advance(Duration.ofHours(2));
        assertThat(f.desk.deliverNotices()).as("nothing left").isEqualTo(NoticeResult.nothing());
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aNoticeTheNotifierTakesAtOnceLeavesNothingQueued() {
        failuresLeft.set(0);
        ConversationId id = f.desk.ingest(Batch.of(List.of(f.tweet("1", DeskFixture.ANNA, "I will sue the bank"))))
                .touched()
                .get(0);

        f.desk.escalate(id, "agent:alice", "customer threatens legal action");

        assertThat(delivered).hasSize(1);
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.desk.deliverNotices()).isEqualTo(NoticeResult.nothing());
        assertThat(delivered).hasSize(1);
    }
}
