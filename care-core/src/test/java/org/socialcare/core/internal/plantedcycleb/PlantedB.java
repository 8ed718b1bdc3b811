package org.socialcare.core.internal.plantedcycleb;

import org.socialcare.core.domain.Platform;
import org.socialcare.core.internal.plantedcyclea.PlantedA;

/** Test-only: the other half of a cycle between two internal slices. */
public final class PlantedB {
    public Platform platform() {
        return PlantedA.class.getSimpleName().isEmpty() ? null : Platform.of("webchat");
    }
}
