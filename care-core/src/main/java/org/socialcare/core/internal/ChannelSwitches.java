package org.socialcare.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.out.ChannelStateStore;

/**
 * Keeps the desk's {@link ChannelRegistry} in step with the shared {@link ChannelStateStore}: this desk's pauses
 * and resumes are written to the store, and the store is re-read for a channel at most every {@code maxAge}, so
 * another desk's pause or resume takes effect here within that time. A store record overrides the local state;
 * a channel without one keeps its local state. Thread-safe; no lock is held while the store is read or written.
 */
public final class ChannelSwitches {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSwitches.class);

    private final ChannelStateStore store;
    private final ChannelRegistry channels;
    private final Duration maxAge;
    private final Map<ChannelId, Instant> readAt = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private long localChanges; // guarded by lock: a store read older than a local change must not undo it

    public ChannelSwitches(ChannelStateStore store, ChannelRegistry channels, Duration maxAge) {
        this.store = store;
        this.channels = channels;
        this.maxAge = maxAge;
    }

    public ChannelStateStore store() {
        return store;
    }

    /**
     * Pauses the channel here at once, then records the pause in the store (in the caller's transaction, if any):
     * if the store write fails the channel stays paused here and the error propagates.
     */
    public void pause(ChannelId id, String reason, String actor, Instant at) {
        synchronized (lock) {
            localChanges++;
            channels.pause(id, reason);
            readAt.put(id, at);
        }
        store.pause(id, reason, actor, at);
    }

    /** Records the resume in the store (caller's transaction); call {@link #resumedLocally} once it committed. */
    public void recordResume(ChannelId id, String actor, Instant at) {
        channels.get(id);
        store.resume(id, actor, at);
    }

    /** Resumes the channel here, after {@link #recordResume} committed. */
    public void resumedLocally(ChannelId id, Instant at) {
        synchronized (lock) {
            localChanges++;
            channels.resume(id);
            readAt.put(id, at);
        }
    }

    /** Applies the store's state of the channel when the last read is {@code maxAge} old or more (or there was none). */
    public void refresh(ChannelId id, Instant now) {
        Instant last = readAt.get(id);
        if (last != null && now.isBefore(last.plus(maxAge)) && !now.isBefore(last)) {
            return;
        }
        long seen;
        synchronized (lock) {
            seen = localChanges;
        }
        Optional<ChannelStateStore.Recorded> recorded = store.state(id);
        synchronized (lock) {
            if (seen == localChanges) {
                recorded.ifPresent(this::apply);
            }
            readAt.put(id, now);
        }
    }

    private void apply(ChannelStateStore.Recorded r) {
        Channel local = channels.get(r.channel());
        if (r.isPaused() && local.isActive()) {
            LOG.warn(
                    "channel {} was paused by {} at {} on another desk: {}",
                    r.channel(),
                    r.actor(),
                    r.changedAt(),
                    r.reason().orElse(""));
            channels.pause(r.channel(), describe(r));
        } else if (!r.isPaused() && !local.isActive()) {
            LOG.info("channel {} was resumed by {} at {} on another desk", r.channel(), r.actor(), r.changedAt());
            channels.resume(r.channel());
        }
    }

    /** The reason shown in the channel's health for a pause read from the store. */
    public static String describe(ChannelStateStore.Recorded r) {
        return r.reason().orElse("paused") + " (by " + r.actor() + " at " + r.changedAt() + ")";
    }
}
