package org.socialcare.testkit.fault;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.port.out.ChannelSource;

/**
 * A platform backlog served in pages of {@code pageSize}, oldest first; the checkpoint is the index of the next
 * message. It keeps no state between polls, so a restarted desk that polls from the stored checkpoint sees what
 * the platform would serve it. Thread-safe (immutable).
 */
public final class ScriptedSource implements ChannelSource {
    private final String sourceId;
    private final ChannelId channel;
    private final List<InboundMessage> backlog;
    private final int pageSize;

    public ScriptedSource(String sourceId, ChannelId channel, List<InboundMessage> backlog, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.backlog = List.copyOf(backlog);
        this.pageSize = pageSize;
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public ChannelId channel() {
        return channel;
    }

    @Override
    public Batch poll(Optional<Checkpoint> since) {
        int from = since.map(c -> Integer.parseInt(c.position())).orElse(0);
        int to = Math.min(backlog.size(), from + pageSize);
        return new Batch(
                backlog.subList(from, to),
                List.of(),
                List.of(),
                Optional.of(new Checkpoint(sourceId, Integer.toString(to))),
                to < backlog.size());
    }
}
