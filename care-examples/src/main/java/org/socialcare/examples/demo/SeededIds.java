package org.socialcare.examples.demo;

import java.util.Random;
import java.util.UUID;
import org.socialcare.core.port.out.IdGenerator;

/**
 * Ids for a replayable day: version-4 UUIDs drawn from a {@link Random} with a fixed seed, so the same seed and
 * the same sequence of desk calls give the same conversation and reply ids. The stores break ties in queue order
 * by id, so random UUIDs would let two runs of one seed work the same conversations in a different order.
 *
 * <p>Unique within one generator (2<sup>122</sup> values); never share a seed between desks that share a store.
 * Thread-safe (one lock); the sequence is reproducible only if the calls come in a reproducible order.
 */
public final class SeededIds implements IdGenerator {
    private final Random random;

    /** A generator whose sequence of ids depends only on {@code seed}. */
    public SeededIds(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized String newId() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
