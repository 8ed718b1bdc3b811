package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the desk sends to a platform, as one outbox entry: a public reply, a private message, or a
 * moderation action, with its {@link DeliveryStatus}. {@code target} is the platform message id it acts on
 * (the message answered, the comment hidden); {@code recipient} is the customer's platform user id for
 * private messages; {@code author} is the agent, or empty for the desk itself (moderation, automation).
 *
 * <p>Immutable; status changes return copies.
 */
public record Reply(
        ReplyId id,
        ConversationId conversation,
        ChannelId channel,
        ReplyKind kind,
        Optional<String> target,
        Optional<String> recipient,
        String text,
        Optional<AgentId> author,
        Instant createdAt,
        DeliveryStatus status) {

    public Reply {
        Checks.notNull(id, "id");
        Checks.notNull(conversation, "conversation");
        Checks.notNull(channel, "channel");
        Checks.notNull(kind, "kind");
        Checks.notNull(target, "target");
        Checks.notNull(recipient, "recipient");
        Checks.notNull(text, "text");
        Checks.notNull(author, "author");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(status, "status");
        if (kind.carriesText() && text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank for a " + kind);
        }
        if (kind != ReplyKind.PRIVATE_MESSAGE && target.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " needs a target message id");
        }
        if (kind == ReplyKind.PRIVATE_MESSAGE && recipient.isEmpty()) {
            throw new IllegalArgumentException("a PRIVATE_MESSAGE needs a recipient user id");
        }
    }

    /** A new QUEUED entry, due now. */
    public static Reply queued(
            ReplyId id,
            ConversationId conversation,
            ChannelId channel,
            ReplyKind kind,
            Optional<String> target,
            Optional<String> recipient,
            String text,
            Optional<AgentId> author,
            Instant now) {
        return new Reply(
                id,
                conversation,
                channel,
                kind,
                target,
                recipient,
                text,
                author,
                now,
                new DeliveryStatus.Queued(0, now, Optional.empty()));
    }

    public Reply withStatus(DeliveryStatus newStatus) {
        return new Reply(id, conversation, channel, kind, target, recipient, text, author, createdAt, newStatus);
    }

    public Visibility visibility() {
        return kind.visibility();
    }

    public boolean isQueued() {
        return status instanceof DeliveryStatus.Queued;
    }

    public boolean isSent() {
        return status instanceof DeliveryStatus.Sent;
    }

    /** Attempts made so far. */
    public int attempts() {
        if (status instanceof DeliveryStatus.Queued q) {
            return q.attempts();
        }
        if (status instanceof DeliveryStatus.Sent s) {
            return s.attempts();
        }
        return ((DeliveryStatus.Failed) status).attempts();
    }

    /** The platform id of the published post, when sent and known. */
    public Optional<String> platformMessageId() {
        return status instanceof DeliveryStatus.Sent s ? s.platformMessageId() : Optional.empty();
    }
}
