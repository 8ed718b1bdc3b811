package org.socialcare.core.domain.sensitive;

import org.socialcare.core.domain.Checks;

/**
 * The Luhn (mod 10) check used by payment card numbers. It catches every single-digit error and most swaps of
 * adjacent digits. Stateless and thread-safe.
 */
public final class Luhn {
    private Luhn() {}

    /**
     * True if {@code digits} (only '0'-'9', at least two) passes the Luhn check.
     *
     * @throws IllegalArgumentException if {@code digits} holds anything but ASCII digits
     */
    public static boolean isValid(CharSequence digits) {
        Checks.notNull(digits, "digits");
        if (digits.length() < 2) {
            return false;
        }
        return sum(digits, false) % 10 == 0;
    }

    /**
     * The check digit that makes {@code payload + digit} pass the Luhn check.
     *
     * @throws IllegalArgumentException if {@code payload} is empty or holds anything but ASCII digits
     */
    public static char checkDigit(CharSequence payload) {
        Checks.notNull(payload, "payload");
        if (payload.length() == 0) {
            throw new IllegalArgumentException("payload must not be empty");
        }
        int s = sum(payload, true);
        return (char) ('0' + (10 - s % 10) % 10);
    }

    private static int sum(CharSequence digits, boolean doubleLast) {
        int sum = 0;
        boolean dbl = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("digits must hold only 0-9 but had '" + c + "' at " + i);
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum;
    }
}
