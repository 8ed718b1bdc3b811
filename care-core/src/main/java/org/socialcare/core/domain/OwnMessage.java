package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A post or message of the bank's own account that a platform showed back to us (an echo: a tweet in the
 * timeline, a Messenger {@code is_echo}, a page comment by the page). The desk never threads it as a
 * customer message; it matches it against what its outbox sent, and an unmatched echo from an unknown
 * client app is a sign of a hijacked account.
 *
 * <p>Immutable. {@code sourceApp} is the client app the platform names (tweet {@code source}, DM
 * {@code source_app_id}, Facebook {@code app_id}) when it names one.
 */
public record OwnMessage(
        MessageKey key,
        ChannelId channel,
        String text,
        Visibility visibility,
        Optional<String> inReplyTo,
        Instant createdAt,
        Optional<String> sourceApp) {

    public OwnMessage {
        Checks.notNull(key, "key");
        Checks.notNull(channel, "channel");
        Checks.notNull(text, "text");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(inReplyTo, "inReplyTo");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(sourceApp, "sourceApp");
    }
}
