package org.socialcare.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Checks;

/**
 * The kill switch of each channel, shared by every desk on one storage: which channels are paused, why, by whom
 * and since when. The desk writes it on {@code pauseChannel}/{@code resumeChannel} and on the hijack guard's
 * automatic pause, starts channels paused here PAUSED, and re-reads a channel's state before publishing on it.
 *
 * <p>Promises: one record per channel, holding its latest change ({@link #pause} and {@link #resume} replace it,
 * whatever it was); a channel never changed here has none (the desk then keeps its configured state). Reads
 * return what committed transactions (and the caller's own) wrote; never null. Takes part in the current
 * transaction, so a pause commits or rolls back with its audit line. Thread-safe. The in-memory implementation is
 * {@code org.socialcare.core.memory.InMemoryChannelStateStore}; the JDBC module keeps it in a table.
 */
public interface ChannelStateStore {
    /** Records that the channel is PAUSED for {@code reason}, by {@code actor}, at {@code at}. */
    void pause(ChannelId channel, String reason, String actor, Instant at);

    /** Records that the channel is ACTIVE again, resumed by {@code actor} at {@code at}. */
    void resume(ChannelId channel, String actor, Instant at);

    /** The channel's latest recorded change; empty when it was never paused or resumed here. */
    Optional<Recorded> state(ChannelId channel);

    /** Every channel whose latest recorded change is a pause, in channel id order. */
    List<Recorded> paused();

    /**
     * A channel's latest change. {@code reason} is present for a pause (and absent for a resume); {@code actor}
     * is who made it ({@code system} for the desk's automatic pauses). Immutable.
     *
     * @throws IllegalArgumentException (from the constructor) when a pause has no reason
     */
    record Recorded(ChannelId channel, ChannelState state, Optional<String> reason, String actor, Instant changedAt) {
        public Recorded {
            Checks.notNull(channel, "channel");
            Checks.notNull(state, "state");
            Checks.notNull(reason, "reason");
            Checks.notBlank(actor, "actor");
            Checks.notNull(changedAt, "changedAt");
            if (state == ChannelState.PAUSED && reason.filter(r -> !r.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("a paused channel's record needs a reason; channel " + channel);
            }
        }

        public boolean isPaused() {
            return state == ChannelState.PAUSED;
        }
    }
}
