package org.socialcare.core.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.port.out.MessageStore;

/** {@link MessageStore} in a concurrent map; {@code putIfAbsent} makes inserts unique. Thread-safe. */
public final class InMemoryMessageStore implements MessageStore {
    private final ConcurrentMap<MessageKey, StoredMessage> byKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConversationId, List<StoredMessage>> byConversation = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(StoredMessage message) {
        if (byKey.putIfAbsent(message.key(), message) != null) {
            return false;
        }
        byConversation.compute(message.conversation(), (id, list) -> {
            List<StoredMessage> next = list == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(list);
            next.add(message);
            next.sort(Comparator.comparing(StoredMessage::createdAt));
            return List.copyOf(next);
        });
        return true;
    }

    @Override
    public Optional<StoredMessage> find(MessageKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<StoredMessage> listByConversation(ConversationId conversation) {
        return byConversation.getOrDefault(conversation, List.of());
    }
}
