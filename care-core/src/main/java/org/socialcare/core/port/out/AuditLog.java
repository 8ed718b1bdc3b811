package org.socialcare.core.port.out;

import java.util.List;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ConversationId;

/**
 * Append-only trail of what the desk and its agents did and why.
 *
 * <p>Promises: entries are never changed or removed; lists are in append order. Thread-safe; takes part in
 * the current transaction (an audit line is written with the change it explains, or not at all).
 */
public interface AuditLog {
    void append(AuditEntry entry);

    /** The conversation's entries, in append order. */
    List<AuditEntry> forConversation(ConversationId conversation);

    /** The most recent {@code limit} entries, in append order. */
    List<AuditEntry> recent(int limit);
}
