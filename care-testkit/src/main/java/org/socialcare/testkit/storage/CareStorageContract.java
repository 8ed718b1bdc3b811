package org.socialcare.testkit.storage;

import org.junit.jupiter.api.Nested;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.CheckpointStore;
import org.socialcare.core.port.out.ConversationStore;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Every storage contract at once for a whole {@link CareStorage}: the conversation, message, outbox, audit,
 * checkpoint and dead-letter contracts and the {@link TransactionManagerContract}, as nested test classes.
 * Rollback is not included: a transactional back end also extends {@link RollbackContract}.
 *
 * <p>The subclass provides {@link #createStorage()}: a fresh, empty storage, called before each test of
 * every nested contract. Example: {@code class JdbcStorageTest extends CareStorageContract { protected
 * CareStorage createStorage() { return JdbcCareStorage.create(freshH2DataSource()); } }} (the in-memory storage's
 * is care-testkit's {@code InMemoryStorageTest}; the JDBC one is care-persistence-jdbc's {@code JdbcStorageContracts}).
 */
public abstract class CareStorageContract {
    /** A fresh, empty storage. */
    protected abstract CareStorage createStorage();

    /** {@link ConversationStoreContract} on {@code createStorage().conversations()}. */
    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected ConversationStore createStore() {
            return createStorage().conversations();
        }
    }

    /** {@link MessageStoreContract} on {@code createStorage().messages()}. */
    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected MessageStore createStore() {
            return createStorage().messages();
        }
    }

    /** {@link OutboxContract} on {@code createStorage().outbox()}. */
    @Nested
    class OutboxEntries extends OutboxContract {
        @Override
        protected Outbox createOutbox() {
            return createStorage().outbox();
        }
    }

    /** {@link AuditLogContract} on {@code createStorage().audit()}. */
    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog createLog() {
            return createStorage().audit();
        }
    }

    /** {@link CheckpointStoreContract} on {@code createStorage().checkpoints()}. */
    @Nested
    class Checkpoints extends CheckpointStoreContract {
        @Override
        protected CheckpointStore createStore() {
            return createStorage().checkpoints();
        }
    }

    /** {@link DeadLetterStoreContract} on {@code createStorage().deadLetters()}. */
    @Nested
    class DeadLetters extends DeadLetterStoreContract {
        @Override
        protected DeadLetterStore createStore() {
            return createStorage().deadLetters();
        }
    }

    /** {@link TransactionManagerContract} on {@code createStorage().transactions()}. */
    @Nested
    class Transactions extends TransactionManagerContract {
        @Override
        protected TransactionManager createTransactionManager() {
            return createStorage().transactions();
        }
    }
}
