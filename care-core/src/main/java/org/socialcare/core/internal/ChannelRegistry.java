package org.socialcare.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.UnknownChannelException;
import org.socialcare.core.port.out.ChannelHealthListener;

/**
 * The desk's channels with their state and health. Health changes go to every listener, never silently. Channels
 * may be added and retired while the desk runs: a retired channel leaves {@link #all()} (so ingest dead-letters its
 * messages and nothing polls it) but {@link #get} still finds it, because its conversations, replies and history
 * stay readable.
 *
 * <p>Thread-safe: per-channel updates are atomic; additions and retirements are serialized, so a precondition they
 * check still holds when the change is made; reads never block ({@link #all()} reads a snapshot of the order).
 */
public final class ChannelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<ChannelId, Channel> channels = new ConcurrentHashMap<>();
    private final Map<ChannelId, ChannelHealth> health = new ConcurrentHashMap<>();
    /** The active channels' ids in order; replaced whole under {@code changes}, so a reader never blocks. */
    private volatile List<ChannelId> order = List.of();

    private final Map<ChannelId, Channel> retired = new ConcurrentHashMap<>();
    private final Object changes = new Object();
    private final List<ChannelHealthListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public ChannelRegistry(Collection<Channel> configured, List<ChannelHealthListener> listeners, Clock clock) {
        this(configured, Map.of(), listeners, clock);
    }

    /** As configured, except that the channels in {@code pausedAtStart} start PAUSED with that reason (no listener fires). */
    public ChannelRegistry(
            Collection<Channel> configured,
            Map<ChannelId, String> pausedAtStart,
            List<ChannelHealthListener> listeners,
            Clock clock) {
        Map<ChannelId, Channel> ordered = new LinkedHashMap<>();
        for (Channel c : configured) {
            if (ordered.put(c.id(), c) != null) {
                throw new IllegalArgumentException("channel id '" + c.id() + "' is configured twice");
            }
        }
        this.order = List.copyOf(ordered.keySet());
        ordered.values().forEach(c -> put(c, Optional.ofNullable(pausedAtStart.get(c.id()))));
        this.listeners.addAll(listeners);
        this.clock = clock;
    }

    private void put(Channel c, Optional<String> pausedInStore) {
        String stored = pausedInStore.orElse(null);
        channels.put(c.id(), stored != null ? c.paused() : c);
        health.put(
                c.id(),
                stored != null
                        ? new ChannelHealth(
                                c.id(),
                                HealthState.PAUSED,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("paused: " + stored),
                                Optional.empty())
                        : c.isActive()
                                ? ChannelHealth.healthy(c.id())
                                : new ChannelHealth(
                                        c.id(),
                                        HealthState.PAUSED,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("configured paused"),
                                        Optional.empty()));
    }

    /**
     * The channel, active or retired (a retired channel's conversations still name it).
     *
     * @throws UnknownChannelException naming the active channels when the desk never had it
     */
    public Channel get(ChannelId id) {
        Channel c = channels.get(id);
        if (c == null) {
            c = retired.get(id);
        }
        if (c == null) {
            throw new UnknownChannelException(id, order);
        }
        return c;
    }

    /**
     * Every active channel (not retired), in the order configured and added. Never blocks: a channel retired while
     * this runs may be left out.
     */
    public List<Channel> all() {
        List<Channel> result = new ArrayList<>();
        for (ChannelId id : order) {
            Channel c = channels.get(id);
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    /** Whether the channel is one of {@link #all()}: configured or added, and not retired. */
    public boolean isActive(ChannelId id) {
        return channels.containsKey(id);
    }

    /** Whether the channel was retired (and not added again since). */
    public boolean isRetired(ChannelId id) {
        return !channels.containsKey(id) && retired.containsKey(id);
    }

    /**
     * Adds the channel (starting PAUSED with that reason when the shared store says so), then runs {@code then}
     * (its audit line); when {@code then} throws, the channel is taken out again (a retired one it replaced comes
     * back as retired) and the error rethrown.
     *
     * @throws CareException when an active channel has that id, or a retired one with
     *     that id was on another platform
     */
    public void add(Channel channel, Optional<String> pausedInStore, Runnable then) {
        synchronized (changes) {
            ChannelId id = channel.id();
            if (channels.containsKey(id)) {
                throw new CareException("channel '" + id + "' exists already; active channels are " + order);
            }
            Channel was = retired.get(id);
            if (was != null && !was.platform().equals(channel.platform())) {
                throw new CareException("channel '" + id + "' was retired on "
                        + was.platform() + " and its conversations stay on it; add the " + channel.platform()
                        + " channel under another id");
            }
            ChannelHealth wasHealth = health.get(id);
            // in this order, get(id) finds the channel at every moment (a retired one's conversations name it)
            put(channel, pausedInStore);
            retired.remove(id);
            List<ChannelId> before = order;
            order = with(before, id);
            try {
                then.run();
            } catch (RuntimeException | Error e) {
                order = before;
                if (was != null) {
                    retired.put(id, was);
                    channels.remove(id);
                    health.put(id, wasHealth);
                } else {
                    channels.remove(id); // its health entry stays: a concurrent health update must not find none
                }
                throw e;
            }
        }
    }

    /**
     * Retires the active channel, then runs {@code then} (its checks and audit line, which may refuse by throwing);
     * when {@code then} throws, the channel is active again and the error rethrown. The channel is out of
     * {@link #all()} before {@code then} runs, so nothing new starts on it while it checks. Returns the channel.
     *
     * @throws UnknownChannelException when no active channel has that id
     */
    public Channel retire(ChannelId id, Consumer<Channel> then) {
        synchronized (changes) {
            Channel c = channels.get(id);
            if (c == null) {
                throw new UnknownChannelException(id, order);
            }
            List<ChannelId> before = order;
            order = before.stream().filter(o -> !o.equals(id)).toList();
            retired.put(id, c); // first, so get(id) finds the channel at every moment
            channels.remove(id);
            try {
                then.accept(c);
            } catch (RuntimeException | Error e) {
                channels.put(id, retired.get(id)); // a pause meanwhile is kept
                retired.remove(id);
                order = before;
                throw e;
            }
            return c;
        }
    }

    private static List<ChannelId> with(List<ChannelId> ids, ChannelId id) {
        List<ChannelId> out = new ArrayList<>(ids);
        out.add(id);
        return List.copyOf(out);
    }

    public ChannelHealth health(ChannelId id) {
        get(id);
        return health.get(id);
    }

    public void addListener(ChannelHealthListener listener) {
        listeners.add(listener);
    }

    /** True when a reply on the channel may be published now. */
    public boolean isPublishable(ChannelId id, Instant now) {
        return get(id).isActive() && health(id).isPublishable(now);
    }

    public void pause(ChannelId id, String reason) {
        retired.computeIfPresent(id, (k, c) -> c.paused());
        channels.computeIfPresent(id, (k, c) -> c.paused());
        change(
                id,
                h -> new ChannelHealth(
                        id,
                        HealthState.PAUSED,
                        h.lastSuccess(),
                        Optional.of(clock.instant()),
                        Optional.of("paused: " + reason),
                        h.retryAfter()));
    }

    public void resume(ChannelId id) {
        retired.computeIfPresent(id, (k, c) -> c.resumed());
        channels.computeIfPresent(id, (k, c) -> c.resumed());
        change(
                id,
                h -> new ChannelHealth(
                        id, HealthState.HEALTHY, h.lastSuccess(), h.lastErrorAt(), h.lastError(), Optional.empty()));
    }

    public void recordSuccess(ChannelId id) {
        Instant now = clock.instant();
        change(
                id,
                h -> h.state() == HealthState.PAUSED
                        ? new ChannelHealth(
                                id,
                                HealthState.PAUSED,
                                Optional.of(now),
                                h.lastErrorAt(),
                                h.lastError(),
                                h.retryAfter())
                        : new ChannelHealth(
                                id,
                                HealthState.HEALTHY,
                                Optional.of(now),
                                h.lastErrorAt(),
                                h.lastError(),
                                Optional.empty()));
    }

    /** Records a platform error: auth failures make the channel AUTH_FAILED, others DEGRADED (a pause stays). */
    /**
     * A successful read (poll) of the channel: HEALTHY again (unless paused), but a publishing rate limit still
     * holds until its reset time: reading and publishing have separate limits on the platforms.
     */
    public void recordPollSuccess(ChannelId id) {
        Instant now = clock.instant();
        change(
                id,
                h -> new ChannelHealth(
                        id,
                        h.state() == HealthState.PAUSED ? HealthState.PAUSED : HealthState.HEALTHY,
                        Optional.of(now),
                        h.lastErrorAt(),
                        h.lastError(),
                        h.retryAfter().filter(r -> r.isAfter(now))));
    }

    /**
     * A failed read (poll): the state and last error change as for any failure, but a read rate limit does not hold
     * back publishing (the polling scheduler waits for the read limit itself).
     */
    public void recordPollFailure(ChannelId id, PlatformException error) {
        Instant now = clock.instant();
        HealthState next =
                error.kind() == PlatformException.Kind.AUTH_FAILED ? HealthState.AUTH_FAILED : HealthState.DEGRADED;
        change(
                id,
                h -> new ChannelHealth(
                        id,
                        h.state() == HealthState.PAUSED ? HealthState.PAUSED : next,
                        h.lastSuccess(),
                        Optional.of(now),
                        Optional.of(error.getMessage()),
                        h.retryAfter().filter(r -> r.isAfter(now))));
    }

    public void recordFailure(ChannelId id, PlatformException error) {
        Instant now = clock.instant();
        HealthState next =
                error.kind() == PlatformException.Kind.AUTH_FAILED ? HealthState.AUTH_FAILED : HealthState.DEGRADED;
        change(
                id,
                h -> new ChannelHealth(
                        id,
                        h.state() == HealthState.PAUSED ? HealthState.PAUSED : next,
                        h.lastSuccess(),
                        Optional.of(now),
                        Optional.of(error.getMessage()),
                        error.retryAt().or(h::retryAfter).filter(r -> r.isAfter(now))));
    }

    private void change(ChannelId id, java.util.function.UnaryOperator<ChannelHealth> update) {
        get(id);
        ChannelHealth[] before = new ChannelHealth[1];
        ChannelHealth after = health.compute(id, (k, h) -> {
            before[0] = h;
            return update.apply(h);
        });
        if (before[0].state() != after.state()) {
            LOG.info(
                    "channel {} health {} -> {}{}",
                    id,
                    before[0].state(),
                    after.state(),
                    after.lastError().map(e -> " (" + e + ")").orElse(""));
            for (ChannelHealthListener l : listeners) {
                try {
                    l.onChange(before[0], after);
                } catch (RuntimeException e) {
                    LOG.warn("channel health listener {} failed: {}", l, e.toString());
                }
            }
        }
    }
}
