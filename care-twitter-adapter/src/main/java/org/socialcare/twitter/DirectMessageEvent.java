package org.socialcare.twitter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A direct message ({@code message_create} event, or a legacy v1 DM), independent of the client library.
 * {@code sender} is the full user when the payload carried one (Account Activity {@code users} map, legacy
 * {@code sender} object), otherwise {@link TwitterUser#idOnly}; {@code sourceApp} is the app name (from the
 * {@code apps} map) or the {@code source_app_id}. Immutable.
 */
public record DirectMessageEvent(
        long id, TwitterUser sender, long recipientId, String text, Instant createdAt, Optional<String> sourceApp) {
    public DirectMessageEvent {
        if (id <= 0) {
            throw new IllegalArgumentException("direct message id must be positive but was " + id);
        }
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sourceApp, "sourceApp");
    }
}
