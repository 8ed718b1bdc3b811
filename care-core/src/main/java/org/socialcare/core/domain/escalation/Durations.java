package org.socialcare.core.domain.escalation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short durations of rules files: {@code 45s}, {@code 30m}, {@code 4h}, {@code 7d}, or ISO-8601 ({@code PT1H30M}). */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private Durations() {}

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write 45s, 30m, 4h, 7d or ISO-8601 such as PT1H30M");
        }
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toString();
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
