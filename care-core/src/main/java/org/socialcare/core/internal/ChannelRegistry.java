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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.UnknownChannelException;
import org.socialcare.core.port.out.ChannelHealthListener;

/**
 * The desk's channels with their state and health. Health changes go to every listener, never silently.
 * Thread-safe: per-channel updates are atomic.
 */
public final class ChannelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<ChannelId, Channel> channels = new ConcurrentHashMap<>();
    private final Map<ChannelId, ChannelHealth> health = new ConcurrentHashMap<>();
    private final List<ChannelId> order;
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
        ordered.values().forEach(c -> {
            String stored = pausedAtStart.get(c.id());
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
        });
        this.listeners.addAll(listeners);
        this.clock = clock;
    }

    public Channel get(ChannelId id) {
        Channel c = channels.get(id);
        if (c == null) {
            throw new UnknownChannelException(id, order);
        }
        return c;
    }

    public List<Channel> all() {
        List<Channel> result = new ArrayList<>();
        order.forEach(id -> result.add(channels.get(id)));
        return result;
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
