package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryAuditLog;
import org.socialcare.core.port.out.AuditLog;

/** Core's {@link InMemoryAuditLog} passes the {@link AuditLogContract}. */
class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog createLog() {
        return new InMemoryAuditLog();
    }
}
