package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.port.out.Outbox;

/** Core's {@link InMemoryOutbox} passes the {@link OutboxContract}. */
class InMemoryOutboxTest extends OutboxContract {
    @Override
    protected Outbox createOutbox() {
        return new InMemoryOutbox();
    }
}
