package org.socialcare.core.memory;

import org.socialcare.core.port.out.CareStorage;

/** Makes a {@link CareStorage} of in-memory stores: the default for tests, demos and trials. */
public final class InMemoryStorage {
    private InMemoryStorage() {}

    /** A fresh, empty in-memory storage: every port, including firings, channel states and approvals. */
    public static CareStorage create() {
        return new CareStorage(
                new InMemoryConversationStore(),
                new InMemoryMessageStore(),
                new InMemoryOutbox(),
                new InMemoryAuditLog(),
                new InMemoryCheckpointStore(),
                new InMemoryDeadLetterStore(),
                new InMemoryEscalationFiringStore(),
                new InMemoryChannelStateStore(),
                new InMemoryApprovalGateway(),
                new InMemoryNoticeOutbox(),
                new InMemoryTransactionManager());
    }
}
