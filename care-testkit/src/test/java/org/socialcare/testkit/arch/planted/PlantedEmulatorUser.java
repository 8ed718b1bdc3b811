package org.socialcare.testkit.arch.planted;

import org.socialcare.testkit.arch.planted.emulator.PlantedEmulator;

/** Planted violation: adapter code outside the emulator package that uses it. */
public final class PlantedEmulatorUser {
    private PlantedEmulatorUser() {}

    static Class<?> emulator() {
        return PlantedEmulator.class;
    }
}
