package org.socialcare.core.port.out;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.Checks;
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

    /**
     * The keys among {@code keys} that are stored: a batch's dedupe in one call ({@code find(key).isPresent()}
     * for each key). The default asks {@link #find} for each key; stores should override it with one set-based
     * query. Never null; takes part in the current transaction.
     */
    default Set<MessageKey> existing(Collection<MessageKey> keys) {
        Checks.notNull(keys, "keys");
        Set<MessageKey> found = new HashSet<>();
        for (MessageKey key : keys) {
            if (find(key).isPresent()) {
                found.add(key);
            }
        }
        return found;
    }

    /** The conversation's messages, oldest first. */
    List<StoredMessage> listByConversation(ConversationId conversation);
}
