package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.testkit.TestData.at;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.ChannelStateStore.Recorded;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Contract of a {@link ChannelStateStore} (the channels' shared kill switch).
 *
 * <p>Checks: a channel never changed has no state and is not listed; a pause reads back with its reason, actor
 * and instant (microseconds, unicode, long reasons); a resume replaces it (ACTIVE, no reason) and drops the
 * channel from {@link ChannelStateStore#paused()}; pausing again replaces reason, actor and instant; channels are
 * independent and listed in id order; a write inside a transaction is read in it and committed with it;
 * concurrent pauses leave one record; a pause without a reason is refused.
 *
 * <p>The subclass provides {@link #createStore()} (a fresh, empty store, called before each test) and
 * {@link #transactions()} (the transaction manager the store takes part in, asked after {@code createStore}).
 */
public abstract class ChannelStateStoreContract {
    private static final ChannelId CARE = ChannelId.of("twitter-care");
    private static final ChannelId PAGE = ChannelId.of("facebook-page");
    private static final ChannelId OTHER = ChannelId.of("twitter-care-2");

    /** The store under test, fresh for each test. */
    protected ChannelStateStore store;

    /** A fresh, empty channel state store. */
    protected abstract ChannelStateStore createStore();

    /** The transaction manager {@link #store} takes part in. */
    protected abstract TransactionManager transactions();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void channelNeverChangedHasNoStateAndIsNotListed() {
        assertThat(store.state(CARE)).isEmpty();
        assertThat(store.paused()).isEmpty();
    }

    @Test
    void pauseReadsBackWithReasonActorAndInstant() {
        String reason = "suspected account hijack: post from unknown app 'Totally Legit Client' \u00e9\uD83D\uDE00";
        store.pause(CARE, reason, "supervisor:ana", at(3));

        Recorded expected = new Recorded(CARE, ChannelState.PAUSED, Optional.of(reason), "supervisor:ana", at(3));
        assertThat(store.state(CARE)).contains(expected);
        assertThat(store.paused()).containsExactly(expected);
    }

    @Test
    void resumeReplacesThePauseAndDropsTheChannelFromThePausedList() {
        store.pause(CARE, "hijack", "system", at(1));

        store.resume(CARE, "supervisor:ana", at(2));

        assertThat(store.state(CARE))
                .contains(new Recorded(CARE, ChannelState.ACTIVE, Optional.empty(), "supervisor:ana", at(2)));
        assertThat(store.paused()).isEmpty();
    }

    @Test
    void resumeOfAChannelNeverPausedIsRecordedActive() {
        store.resume(CARE, "supervisor:ana", at(2));

        assertThat(store.state(CARE)).map(Recorded::state).contains(ChannelState.ACTIVE);
        assertThat(store.paused()).isEmpty();
    }

    @Test
    void pausingAgainReplacesReasonActorAndInstant() {
        store.pause(CARE, "maintenance", "supervisor:ana", at(1));
        store.resume(CARE, "supervisor:ana", at(2));
        store.pause(CARE, "x".repeat(5000), "system", at(3));
        store.pause(CARE, "hijack again", "system", at(4));

        Recorded expected = new Recorded(CARE, ChannelState.PAUSED, Optional.of("hijack again"), "system", at(4));
        assertThat(store.state(CARE)).contains(expected);
        assertThat(store.paused()).containsExactly(expected);
    }

    @Test
    void longReasonsAreKept() {
        String reason = "r".repeat(5000);
        store.pause(CARE, reason, "system", at(1));

        assertThat(store.state(CARE)).flatMap(Recorded::reason).contains(reason);
    }

    @Test
    void channelsAreIndependentAndListedInIdOrder() {
        store.pause(OTHER, "b", "system", at(1));
        store.pause(CARE, "a", "system", at(2));
        store.pause(PAGE, "c", "system", at(3));
        store.resume(OTHER, "supervisor:ana", at(4));

        assertThat(store.paused()).extracting(Recorded::channel).containsExactly(PAGE, CARE);
        assertThat(store.state(OTHER)).map(Recorded::isPaused).contains(false);
        assertThat(store.state(ChannelId.of("twitter"))).isEmpty();
    }

    @Test
    void writeInsideATransactionIsReadInItAndCommittedWithIt() {
        Optional<Recorded> seenInside = transactions().inTransaction(() -> {
            store.pause(CARE, "hijack", "system", at(1));
            return store.state(CARE);
        });

        assertThat(seenInside).map(Recorded::isPaused).contains(true);
        List<Concurrently.Outcome<Optional<Recorded>>> fromAnotherThread =
                Concurrently.run(1, i -> () -> store.state(CARE));
        assertThat(fromAnotherThread.get(0).error()).isNull();
        assertThat(fromAnotherThread.get(0).value()).map(Recorded::isPaused).contains(true);
    }

    @Test
    void concurrentPausesLeaveOneRecord() {
        List<Concurrently.Outcome<Boolean>> outcomes = Concurrently.run(6, i -> () -> {
            store.pause(CARE, "pause " + i, "desk-" + i, at(i));
            return true;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(store.paused()).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(CARE);
            assertThat(r.reason())
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("pause "));
        });
    }

    @Test
    void pauseWithoutReasonIsRefused() {
        assertThatThrownBy(() -> store.pause(CARE, " ", "system", at(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThat(store.state(CARE)).isEmpty();
    }
}
