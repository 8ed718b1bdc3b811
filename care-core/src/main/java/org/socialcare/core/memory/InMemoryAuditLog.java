package org.socialcare.core.memory;

import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.port.out.AuditLog;

/** {@link AuditLog} in a list guarded by one monitor. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(java.util.Objects.requireNonNull(entry, "entry must not be null"));
    }

    @Override
    public synchronized List<AuditEntry> forConversation(ConversationId conversation) {
        return entries.stream()
                .filter(e -> e.conversation().filter(conversation::equals).isPresent())
                .toList();
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
    }
}
