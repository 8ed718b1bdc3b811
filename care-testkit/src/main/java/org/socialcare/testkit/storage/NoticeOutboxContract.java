package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.port.out.NoticeOutbox;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Contract of a {@link NoticeOutbox}, the durable queue of escalation notices.
 *
 * <p>Checks: a notice round-trips with every field (with and without a conversation, unicode reasons); it is not
 * claimable before its next attempt; a claim leases it (a second claim gets nothing until the lease ends); due entries
 * come oldest due first, at most {@code limit}; delivered removes it; a failure records attempts, next attempt and
 * error and lists it among the failing (longest failing first), never the ones that did not fail; an id enqueued twice
 * is refused; writes to an entry that is gone do nothing; eight threads claiming at once never get the same
 * entry, and what none of them got is still claimable.
 *
 * <p>The subclass provides {@link #createStore()} (fresh and empty, before each test) and, for stores that need one,
 * {@link #transactions()}; every call is made inside a transaction of it.
 */
public abstract class NoticeOutboxContract {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    /** The store under test, fresh for each test. */
    protected NoticeOutbox store;

    /** A fresh, empty notice outbox. */
    protected abstract NoticeOutbox createStore();

    /** The transactions the store takes part in; by default each call runs as it is. */
    protected TransactionManager transactions() {
        return new TransactionManager() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private void run(Runnable work) {
        transactions().run(work);
    }

    private static NoticeOutbox.Entry entry(String id, Instant enqueuedAt, Instant nextAttemptAt) {
        return new NoticeOutbox.Entry(
                id,
                new EscalationNotice(
                        EscalationNotice.Kind.CONVERSATION_ESCALATED,
                        ChannelId.of("twitter-care"),
                        Optional.of(ConversationId.of("conv-" + id)),
                        "rule 'vip-unanswered' fired: SLA breached for a customer with 120k followers",
                        Priority.HIGH,
                        enqueuedAt),
                enqueuedAt,
                0,
                nextAttemptAt,
                Optional.empty());
    }

    @Test
    void aNoticeRoundTripsWithEveryField() {
        NoticeOutbox.Entry withConversation = entry("n1", T0, T0);
        NoticeOutbox.Entry channelAlert = new NoticeOutbox.Entry(
                "n2",
                new EscalationNotice(
                        EscalationNotice.Kind.ACCOUNT_HIJACK_SUSPECTED,
                        ChannelId.of("facebook-page"),
                        Optional.empty(),
                        "suspected account hijack on facebook-page: unknown device \u00e9\u00e8 \uD83D\uDE00",
                        Priority.URGENT,
                        T0.plusSeconds(1)),
                T0.plusSeconds(1),
                0,
                T0.plusSeconds(1),
                Optional.empty());
        run(() -> store.enqueue(withConversation));
        run(() -> store.enqueue(channelAlert));

        List<NoticeOutbox.Entry> claimed = tx(() -> store.claimDue(T0.plusSeconds(5), 10, LEASE));

        assertThat(claimed).containsExactly(withConversation, channelAlert);
        assertThat(tx(store::pending)).isEqualTo(2);
    }

    @Test
    void aNoticeIsNotClaimableBeforeItsNextAttempt() {
        run(() -> store.enqueue(entry("n1", T0, T0.plusSeconds(60))));

        assertThat(tx(() -> store.claimDue(T0.plusSeconds(59), 10, LEASE))).isEmpty();
        assertThat(tx(() -> store.claimDue(T0.plusSeconds(60), 10, LEASE)))
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("n1");
    }

    @Test
    void aClaimLeasesTheNoticeUntilTheLeaseEnds() {
        run(() -> store.enqueue(entry("n1", T0, T0)));

        assertThat(tx(() -> store.claimDue(T0, 10, LEASE))).hasSize(1);
        assertThat(tx(() -> store.claimDue(T0.plusSeconds(59), 10, LEASE)))
                .as("claimed again within the lease")
                .isEmpty();
        assertThat(tx(() -> store.claimDue(T0.plus(LEASE), 10, LEASE)))
                .as("claimed again after the lease")
                .hasSize(1);
    }

    @Test
    void dueNoticesComeOldestDueFirstUpToTheLimit() {
        run(() -> store.enqueue(entry("late", T0, T0.plusSeconds(30))));
        run(() -> store.enqueue(entry("early", T0.plusSeconds(1), T0.plusSeconds(10))));
        run(() -> store.enqueue(entry("middle", T0.plusSeconds(2), T0.plusSeconds(20))));

        assertThat(tx(() -> store.claimDue(T0.plusSeconds(40), 2, LEASE)))
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("early", "middle");
        assertThat(tx(() -> store.claimDue(T0.plusSeconds(40), 2, LEASE)))
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("late");
    }

    @Test
    void aDeliveredNoticeIsGone() {
        run(() -> store.enqueue(entry("n1", T0, T0)));
        run(() -> store.enqueue(entry("n2", T0, T0)));

        run(() -> store.delivered("n1"));
        run(() -> store.delivered("n1"));

        assertThat(tx(store::pending)).isEqualTo(1);
        assertThat(tx(() -> store.claimDue(T0.plus(LEASE), 10, LEASE)))
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("n2");
    }

    @Test
    void aFailedDeliveryIsRecordedAndListedAmongTheFailingLongestFailingFirst() {
        run(() -> store.enqueue(entry("older", T0, T0)));
        run(() -> store.enqueue(entry("newer", T0.plusSeconds(5), T0.plusSeconds(5))));
        run(() -> store.enqueue(entry("fine", T0.plusSeconds(6), T0.plusSeconds(6))));
        tx(() -> store.claimDue(T0.plusSeconds(10), 10, LEASE));

        run(() -> store.failed("newer", 1, T0.plusSeconds(40), "java.io.IOException: pager gateway 503"));
        run(() -> store.failed("older", 3, T0.plusSeconds(250), "java.net.ConnectException: refused"));

        List<NoticeOutbox.Entry> failing = tx(() -> store.failing(10));
        assertThat(failing).extracting(NoticeOutbox.Entry::id).containsExactly("older", "newer");
        NoticeOutbox.Entry older = failing.get(0);
        assertThat(older.attempts()).isEqualTo(3);
        assertThat(older.nextAttemptAt()).isEqualTo(T0.plusSeconds(250));
        assertThat(older.lastError()).contains("java.net.ConnectException: refused");
        assertThat(older.notice()).isEqualTo(entry("older", T0, T0).notice());
        assertThat(tx(() -> store.failing(1)))
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("older");
        assertThat(tx(() -> store.claimDue(T0.plusSeconds(40), 10, LEASE)))
                .as("due again at its next attempt")
                .extracting(NoticeOutbox.Entry::id)
                .containsExactly("newer");
    }

    @Test
    void anIdEnqueuedTwiceIsRefusedAndWritesToAGoneNoticeDoNothing() {
        run(() -> store.enqueue(entry("n1", T0, T0)));

        assertThatThrownBy(() -> run(() -> store.enqueue(entry("n1", T0, T0)))).isInstanceOf(RuntimeException.class);
        run(() -> store.failed("gone", 1, T0, "error"));
        run(() -> store.delivered("gone"));

        assertThat(tx(store::pending)).isEqualTo(1);
        assertThat(tx(() -> store.failing(10))).isEmpty();
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameNoticeTwice() {
        for (int i = 0; i < 40; i++) {
            String id = "n" + i;
            run(() -> store.enqueue(entry(id, T0, T0)));
        }

        List<Concurrently.Outcome<List<NoticeOutbox.Entry>>> outcomes =
                Concurrently.run(8, i -> () -> tx(() -> store.claimDue(T0.plusSeconds(1), 10, LEASE)));

        List<String> claimed = new ArrayList<>();
        for (Concurrently.Outcome<List<NoticeOutbox.Entry>> o : outcomes) {
            if (o.succeeded()) {
                o.value().forEach(e -> claimed.add(e.id()));
            }
        }
        Set<String> distinct = new HashSet<>(claimed);
        assertThat(claimed).as("claimed ids").hasSameSizeAs(distinct);
        // a claimer that lost races gets fewer; what nobody got is still there for the next claim, once
        List<NoticeOutbox.Entry> rest = tx(() -> store.claimDue(T0.plusSeconds(1), 100, LEASE));
        rest.forEach(e -> assertThat(distinct.add(e.id()))
                .as("%s claimed again within its lease", e.id())
                .isTrue());
        assertThat(distinct).as("every notice claimed once").hasSize(40);
    }
}
