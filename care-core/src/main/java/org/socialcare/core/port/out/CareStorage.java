package org.socialcare.core.port.out;

import org.socialcare.core.domain.Checks;

/**
 * The storage ports a desk needs, from one back end, with the transaction manager that spans them. The
 * in-memory default is {@code org.socialcare.core.memory.InMemoryStorage#create()}; the JDBC module makes one
 * from a {@code DataSource}. Immutable.
 */
public record CareStorage(
        ConversationStore conversations,
        MessageStore messages,
        Outbox outbox,
        AuditLog audit,
        CheckpointStore checkpoints,
        DeadLetterStore deadLetters,
        TransactionManager transactions) {

    public CareStorage {
        Checks.notNull(conversations, "conversations");
        Checks.notNull(messages, "messages");
        Checks.notNull(outbox, "outbox");
        Checks.notNull(audit, "audit");
        Checks.notNull(checkpoints, "checkpoints");
        Checks.notNull(deadLetters, "deadLetters");
        Checks.notNull(transactions, "transactions");
    }
}
