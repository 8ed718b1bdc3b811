package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A message of a conversation's thread as the message store keeps it: customer messages (INBOUND) and the
 * bank's published replies (OUTBOUND, keyed by the platform id the platform gave them), so that a customer
 * answering the bank's reply is threaded into the same conversation. Immutable.
 */
public record StoredMessage(
        MessageKey key,
        ConversationId conversation,
        ChannelId channel,
        Direction direction,
        String authorId,
        String authorHandle,
        String text,
        Visibility visibility,
        Optional<String> inReplyTo,
        Instant createdAt) {

    public StoredMessage {
        Checks.notNull(key, "key");
        Checks.notNull(conversation, "conversation");
        Checks.notNull(channel, "channel");
        Checks.notNull(direction, "direction");
        Checks.notBlank(authorId, "authorId");
        Checks.notNull(authorHandle, "authorHandle");
        Checks.notNull(text, "text");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(inReplyTo, "inReplyTo");
        Checks.notNull(createdAt, "createdAt");
    }

    /** The stored form of a customer's message threaded into {@code conversation}. */
    public static StoredMessage inbound(InboundMessage m, ConversationId conversation) {
        return new StoredMessage(
                m.key(),
                conversation,
                m.channel(),
                Direction.INBOUND,
                m.author().platformUserId(),
                m.author().handle(),
                m.text(),
                m.visibility(),
                m.inReplyTo(),
                m.createdAt());
    }
}
