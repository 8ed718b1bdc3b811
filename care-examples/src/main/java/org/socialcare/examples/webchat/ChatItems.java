package org.socialcare.examples.webchat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Visibility;

/**
 * Turns web chat items ({@code {"seq","sessionId","from","name","text","sentAt"}}) into one channel's batch:
 * customer items become PRIVATE {@link InboundMessage}s keyed {@code webchat:<seq>} and authored by the chat
 * session, agent items {@link OwnMessage}s, and an item that does not fit a {@link RejectedPayload} with its raw
 * text and the field at fault. Shared by the polling source and the webhook handler. Immutable; thread-safe.
 */
final class ChatItems {
    private final ChannelId channel;
    private final String source;

    ChatItems(ChannelId channel, String source) {
        this.channel = channel;
        this.source = source;
    }

    /** The batch of {@code items} (no checkpoint, no backlog). */
    Batch read(List<ChatJson.Parsed> items) {
        List<InboundMessage> messages = new ArrayList<>();
        List<OwnMessage> own = new ArrayList<>();
        List<RejectedPayload> rejected = new ArrayList<>();
        for (ChatJson.Parsed item : items) {
            try {
                map(item.value(), messages, own);
            } catch (IllegalArgumentException bad) {
                rejected.add(new RejectedPayload(source, item.raw(), "web chat item: " + bad.getMessage()));
            }
        }
        return new Batch(messages, own, rejected, Optional.empty(), false);
    }

    private void map(Object item, List<InboundMessage> messages, List<OwnMessage> own) {
        if (!(item instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("not an object");
        }
        long seq = field(fields, "seq", Long.class);
        if (seq < 1) {
            throw new IllegalArgumentException("field 'seq' must be positive but was " + seq);
        }
        String session = field(fields, "sessionId", String.class);
        if (session.isBlank()) {
            throw new IllegalArgumentException("field 'sessionId' is blank");
        }
        String from = field(fields, "from", String.class);
        String text = field(fields, "text", String.class);
        Instant sentAt = instant(field(fields, "sentAt", String.class));
        MessageKey key = MessageKey.of(WebChatSettings.PLATFORM, String.valueOf(seq));
        switch (from) {
            case "customer" -> {
                String name = field(fields, "name", String.class);
                Party author = name.isBlank()
                        ? Party.of(session, "")
                        : Party.of(session, name).withDisplayName(name);
                messages.add(InboundMessage.builder(key, channel, author)
                        .text(text)
                        .visibility(Visibility.PRIVATE)
                        .createdAt(sentAt)
                        .build());
            }
            case "agent" ->
                own.add(new OwnMessage(
                        key, channel, text, Visibility.PRIVATE, Optional.empty(), sentAt, Optional.empty()));
            default ->
                throw new IllegalArgumentException("field 'from' must be customer or agent but was '" + from + "'");
        }
    }

    private static <T> T field(Map<?, ?> fields, String name, Class<T> type) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(
                    "field '" + name + "' must be a " + type.getSimpleName() + " but was " + value);
        }
        return type.cast(value);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'sentAt' must be an ISO-8601 instant but was '" + value + "'");
        }
    }
}
