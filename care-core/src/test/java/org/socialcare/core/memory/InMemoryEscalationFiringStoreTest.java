package org.socialcare.core.memory;

import org.socialcare.core.port.out.EscalationFiringStore;

class InMemoryEscalationFiringStoreTest extends EscalationFiringStoreContract {
    @Override
    protected EscalationFiringStore newStore() {
        return new InMemoryEscalationFiringStore();
    }
}
