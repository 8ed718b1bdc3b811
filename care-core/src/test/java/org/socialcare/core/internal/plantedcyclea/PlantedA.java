package org.socialcare.core.internal.plantedcyclea;

import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.internal.plantedcycleb.PlantedB;

/** Test-only: a service that calls back into the facade, names a platform and forms a cycle with {@link PlantedB}. */
public final class PlantedA {
    public Platform platform(CareDesk desk) {
        return desk.channels().isEmpty() ? Platform.TWITTER : new PlantedB().platform();
    }
}
