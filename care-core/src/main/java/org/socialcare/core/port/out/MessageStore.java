package org.socialcare.core.port.out;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.StoredMessage;

/**
 * Keeps the messages of every thread, customer's and bank's, unique by {@link MessageKey}.
 *
 * <p>Promises: {@link #insertIfAbsent} stores a message at most once per key, even when two nodes deliver
 * the same message at the same time; the loser gets {@code false} and nothing changes. Lists are in
 * creation order. Thread-safe; takes part in the current transaction.
 */
public interface MessageStore {
    /** Stores the message unless one with the same key exists; returns whether it stored it. */
    boolean insertIfAbsent(StoredMessage message);

    Optional<StoredMessage> find(MessageKey key);

    /** The conversation's messages, oldest first. */
    List<StoredMessage> listByConversation(ConversationId conversation);
}
