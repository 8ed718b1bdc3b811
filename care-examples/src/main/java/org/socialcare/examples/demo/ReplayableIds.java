package org.socialcare.examples.demo;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.socialcare.core.port.out.IdGenerator;

/**
 * Ids for a replayable day: version-7 UUIDs (RFC 9562) whose 48-bit time is the desk's clock (the simulated one)
 * and whose remaining 74 bits are a counter, so they sort in the order they were made. Two runs of a seed make
 * the same ids; and since the stores break ties in queue order by id, a change that draws more or fewer ids
 * (an extra reply id, a dead letter) never reorders the conversations of the day, as ids from a seeded random
 * stream would.
 *
 * <p>Unique within one generator (2<sup>62</sup> ids); not across desks sharing a store (production keeps
 * {@link IdGenerator#uuids()}). Thread-safe; the ids follow the order of the calls.
 */
public final class ReplayableIds implements IdGenerator {
    private static final long VARIANT = 0x8000_0000_0000_0000L; // IETF variant bits 10
    private final Clock clock;
    private long count;

    /**
     * Ids stamped with {@code clock}'s time.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public ReplayableIds(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    @Override
    public synchronized String newId() {
        count++;
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | (count >>> 62 & 0xFFFL); // time, version 7, top of the counter
        long low = VARIANT | (count & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low).toString();
    }
}
