package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelStateStore;

/** Desks sharing one in-memory storage and one {@link InMemoryChannelStateStore} pass the {@link SharedKillSwitchContract}. */
class InMemorySharedKillSwitchTest extends SharedKillSwitchContract {
    private ChannelStateStore states;

    @Override
    protected CareStorage createStorage() {
        states = new InMemoryChannelStateStore();
        return InMemoryStorage.create();
    }

    @Override
    protected ChannelStateStore channelStates() {
        return states;
    }
}
