package org.socialcare.core.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.ChannelStateStore;

/**
 * {@link ChannelStateStore} in a concurrent map. Share one instance between desks that share an in-memory
 * storage. Like the other in-memory stores it cannot roll back. Thread-safe.
 */
public final class InMemoryChannelStateStore implements ChannelStateStore {
    private final ConcurrentMap<ChannelId, Recorded> byChannel = new ConcurrentHashMap<>();

    @Override
    public void pause(ChannelId channel, String reason, String actor, Instant at) {
        Checks.notNull(channel, "channel");
        Checks.notBlank(reason, "reason");
        byChannel.put(
                channel,
                new Recorded(channel, ChannelState.PAUSED, Optional.of(reason), actor, Checks.notNull(at, "at")));
    }

    @Override
    public void resume(ChannelId channel, String actor, Instant at) {
        Checks.notNull(channel, "channel");
        byChannel.put(
                channel, new Recorded(channel, ChannelState.ACTIVE, Optional.empty(), actor, Checks.notNull(at, "at")));
    }

    @Override
    public Optional<Recorded> state(ChannelId channel) {
        return Optional.ofNullable(byChannel.get(Checks.notNull(channel, "channel")));
    }

    @Override
    public List<Recorded> paused() {
        return byChannel.values().stream()
                .filter(Recorded::isPaused)
                .sorted(Comparator.comparing(r -> r.channel().value()))
                .toList();
    }
}
