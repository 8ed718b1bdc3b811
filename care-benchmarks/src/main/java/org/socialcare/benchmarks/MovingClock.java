package org.socialcare.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the benchmark moves forward: every conversation gets its own instant, so queue order is decided by
 * time (as on a real desk) rather than by comparing ids, and SLA clocks run. Thread-safe.
 */
final class MovingClock extends Clock {
    private final AtomicLong micros;

    MovingClock(Instant start) {
        this.micros = new AtomicLong(start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000);
    }

    /** Moves the clock forward by {@code step}. */
    void advance(Duration step) {
        micros.addAndGet(step.toNanos() / 1_000);
    }

    @Override
    public Instant instant() {
        long m = micros.get();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1_000);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmark clock stays in UTC");
    }
}
