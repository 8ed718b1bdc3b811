package org.socialcare.core.arch;

import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

/** A facade that does the work itself (reaches into storage): the violation the facade rule exists for. */
final class PlantedFacade {
    private final CareStorage storage = InMemoryStorage.create();

    int deadLetters() {
        return storage.deadLetters().toString().length();
    }
}
