package org.socialcare.testkit.arch.planted;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Uses java.util.logging to quieten an SDK's logger: a violation unless the rule names it as allowed. */
public final class PlantedJulConfigurer {
    private PlantedJulConfigurer() {}

    static void quieten() {
        Logger.getLogger("sdk.OAuth").setLevel(Level.INFO);
    }
}
