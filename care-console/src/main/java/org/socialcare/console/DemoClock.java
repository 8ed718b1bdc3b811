package org.socialcare.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The desk's clock in the console: simulated time that runs {@code speed} times faster than real time from a
 * start instant, and that the feed moves forward to the next opening when a simulated day ends. Never goes back.
 * Thread-safe.
 */
public final class DemoClock extends Clock {
    private final double speed;
    private volatile Instant base;
    private volatile long baseNanos;

    public DemoClock(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive but was " + speed);
        }
        this.speed = speed;
        this.base = start;
        this.baseNanos = System.nanoTime();
    }

    /** Simulated seconds per real second. */
    public double speed() {
        return speed;
    }

    /** Moves the clock to {@code at} if that is later than now; the clock runs on from there. */
    public synchronized void jumpTo(Instant at) {
        if (at.isAfter(instant())) {
            base = at;
            baseNanos = System.nanoTime();
        }
    }

    @Override
    public synchronized Instant instant() {
        long elapsed = System.nanoTime() - baseNanos;
        return base.plusNanos((long) (elapsed * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
