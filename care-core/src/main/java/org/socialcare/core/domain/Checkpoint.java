package org.socialcare.core.domain;

/**
 * How far a {@code ChannelSource} has read: an opaque position (a {@code since_id}, a cursor, a timestamp)
 * that only the source that wrote it interprets. Keyed by the source's id. Immutable.
 */
public record Checkpoint(String sourceId, String position) {
    public Checkpoint {
        Checks.notBlank(sourceId, "sourceId");
        Checks.notNull(position, "position");
    }
}
