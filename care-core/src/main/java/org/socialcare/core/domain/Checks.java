package org.socialcare.core.domain;

/** Precondition helpers whose messages name the parameter and echo the bad value. Not API. */
public final class Checks {
    private Checks() {}

    public static <T> T notNull(T value, String name) {
        if (value == null) { // not requireNonNull(value, supplier): that allocates the supplier on every call
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
        }
        return value;
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 but was " + value);
        }
        return value;
    }

    public static java.time.Duration positive(java.time.Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
        }
        return value;
    }
}
