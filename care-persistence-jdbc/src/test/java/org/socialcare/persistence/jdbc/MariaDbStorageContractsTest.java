package org.socialcare.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.CheckpointStore;
import org.socialcare.core.port.out.ConversationStore;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.TransactionManager;
import org.socialcare.testkit.storage.AuditLogContract;
import org.socialcare.testkit.storage.CheckpointStoreContract;
import org.socialcare.testkit.storage.ConversationStoreContract;
import org.socialcare.testkit.storage.DeadLetterStoreContract;
import org.socialcare.testkit.storage.MessageStoreContract;
import org.socialcare.testkit.storage.OutboxContract;
import org.socialcare.testkit.storage.RollbackContract;
import org.socialcare.testkit.storage.TransactionManagerContract;

/** Every storage contract of care-testkit, and the rollback contract, on MariaDB: one nested subclass per contract. */
@Tag("databases")
class MariaDbStorageContractsTest {
    private static final SharedStorage DATABASE = new SharedStorage(TestDatabase.Kind.MARIADB);

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    static CareStorage fresh() {
        return DATABASE.fresh();
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected ConversationStore createStore() {
            return fresh().conversations();
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected MessageStore createStore() {
            return fresh().messages();
        }
    }

    @Nested
    class OutboxEntries extends OutboxContract {
        @Override
        protected Outbox createOutbox() {
            return fresh().outbox();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog createLog() {
            return fresh().audit();
        }
    }

    @Nested
    class Checkpoints extends CheckpointStoreContract {
        @Override
        protected CheckpointStore createStore() {
            return fresh().checkpoints();
        }
    }

    @Nested
    class DeadLetters extends DeadLetterStoreContract {
        @Override
        protected DeadLetterStore createStore() {
            return fresh().deadLetters();
        }
    }

    @Nested
    class Transactions extends TransactionManagerContract {
        @Override
        protected TransactionManager createTransactionManager() {
            return fresh().transactions();
        }
    }

    @Nested
    class Rollback extends RollbackContract {
        @Override
        protected CareStorage createStorage() {
            return fresh();
        }
    }
}
