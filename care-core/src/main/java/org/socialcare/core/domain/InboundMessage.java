package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's message as a platform delivered it: a mention, a reply, a page comment, a DM or a Messenger
 * message. Adapters build it from platform payloads; the desk threads it into a {@link Conversation}.
 *
 * <p>Immutable. {@code inReplyTo} is the platform id of the message it answers (a tweet's
 * {@code in_reply_to_status_id}, a comment's parent); {@code rawPayloadRef} points at the stored raw payload
 * when the adapter keeps one; {@code language} is a BCP 47 tag when the platform says it.
 */
public record InboundMessage(
        MessageKey key,
        ChannelId channel,
        Party author,
        String text,
        Visibility visibility,
        Optional<String> inReplyTo,
        Instant createdAt,
        Optional<String> language,
        Optional<String> rawPayloadRef) {

    public InboundMessage {
        Checks.notNull(key, "key");
        Checks.notNull(channel, "channel");
        Checks.notNull(author, "author");
        Checks.notNull(text, "text");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(inReplyTo, "inReplyTo");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(language, "language");
        Checks.notNull(rawPayloadRef, "rawPayloadRef");
    }

    public Platform platform() {
        return key.platform();
    }

    /** Starts a builder with the required parts; everything optional starts absent. */
    public static Builder builder(MessageKey key, ChannelId channel, Party author) {
        return new Builder(key, channel, author);
    }

    /** Builds an {@link InboundMessage}; not thread-safe. */
    public static final class Builder {
        private final MessageKey key;
        private final ChannelId channel;
        private final Party author;
        private String text = "";
        private Visibility visibility = Visibility.PUBLIC;
        private Optional<String> inReplyTo = Optional.empty();
        private Instant createdAt;
        private Optional<String> language = Optional.empty();
        private Optional<String> rawPayloadRef = Optional.empty();

        private Builder(MessageKey key, ChannelId channel, Party author) {
            this.key = key;
            this.channel = channel;
            this.author = author;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder inReplyTo(String platformMessageId) {
            this.inReplyTo = Optional.ofNullable(platformMessageId).filter(s -> !s.isBlank());
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder language(String language) {
            this.language = Optional.ofNullable(language).filter(s -> !s.isBlank());
            return this;
        }

        public Builder rawPayloadRef(String ref) {
            this.rawPayloadRef = Optional.ofNullable(ref);
            return this;
        }

        public InboundMessage build() {
            return new InboundMessage(
                    key, channel, author, text, visibility, inReplyTo, createdAt, language, rawPayloadRef);
        }
    }
}
