package org.socialcare.testkit.arch.planted;

import ch.qos.logback.classic.Level;

/** Planted violation: an adapter class that talks to a logging backend instead of slf4j-api. */
public final class PlantedLogbackUser {
    private PlantedLogbackUser() {}

    static Level level() {
        return Level.DEBUG;
    }
}
