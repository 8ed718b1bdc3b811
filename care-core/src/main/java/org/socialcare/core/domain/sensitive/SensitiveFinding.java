package org.socialcare.core.domain.sensitive;

import org.socialcare.core.domain.Checks;

/**
 * One piece of sensitive data found in a text: its kind, its position ({@code start} inclusive, {@code end}
 * exclusive, in UTF-16 chars of the text searched) and a masked form that shows at most the last four digits
 * ({@code **** **** **** 1234}). The raw value is deliberately not kept: {@link #toString()} and every
 * accessor are safe to log. Immutable.
 */
public record SensitiveFinding(SensitiveDataKind kind, int start, int end, String masked) {

    public SensitiveFinding {
        Checks.notNull(kind, "kind");
        Checks.notNegative(start, "start");
        if (end <= start) {
            throw new IllegalArgumentException("end must be > start (" + start + ") but was " + end);
        }
        Checks.notBlank(masked, "masked");
    }

    /** Length of the found text in chars. */
    public int length() {
        return end - start;
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
