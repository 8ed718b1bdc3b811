package org.socialcare.examples.demo.platforms;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.examples.demo.CareDayRun;

/**
 * The test days of this package, each played once per JVM and shared by the test classes that inspect it: one
 * seed and size, emulated on either X API and delivered directly. Thread-safe (played under a lock).
 */
final class EmulatedDays {
    static final int MESSAGES = 300;
    static final long SEED = 5;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final Map<XApiVersion, CareDayRun.Outcome> EMULATED = new EnumMap<>(XApiVersion.class);
    private static CareDayRun.Outcome direct;

    private EmulatedDays() {}

    /** The day through the emulators with the Twitter accounts on {@code api}. */
    static synchronized CareDayRun.Outcome emulated(XApiVersion api) {
        return EMULATED.computeIfAbsent(
                api,
                a -> CareDayRun.run(
                        InMemoryStorage.create(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        CareDayRun.Platforms.EMULATED,
                        a,
                        MESSAGES,
                        SEED,
                        0,
                        QUIET));
    }

    /** The same day delivered straight into the desk. */
    static synchronized CareDayRun.Outcome direct() {
        if (direct == null) {
            direct = CareDayRun.run(InMemoryStorage.create(), CareDayRun.Platforms.DIRECT, MESSAGES, SEED, 0, QUIET);
        }
        return direct;
    }
}
