package org.socialcare.adapter.support;

import org.socialcare.core.domain.sensitive.SensitiveDataDetector;

/**
 * Makes a value read from a platform payload safe to put in a log line: control characters (line breaks, tabs,
 * escapes) become {@code '?'} so a payload cannot forge log lines, at most {@link #MAX_CHARS} characters are kept
 * (a 500,000-character field costs one short line, not half a megabyte), and card numbers, IBANs and the other
 * default kinds of sensitive data are masked. Use it for every payload-derived value an adapter logs: an unknown
 * event kind, an object type, a skipped item's description. Stateless and thread-safe.
 */
public final class LogText {
    /** Characters of the value kept in the log line; longer values end in "...(N chars)". */
    public static final int MAX_CHARS = 80;

    private static final SensitiveDataDetector DETECTOR = SensitiveDataDetector.ofDefaults();

    private LogText() {}

    /**
     * The value as it may appear in a log line.
     *
     * @param value text from a payload; {@code null} is shown as {@code "null"}
     * @return at most {@link #MAX_CHARS} characters of the masked value plus a length note, without control
     *     characters
     */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        // cap before masking (masking is linear, but need not read what is cut) and after (masks may lengthen)
        String head = value.length() > 4 * MAX_CHARS ? value.substring(0, 4 * MAX_CHARS) : value;
        String masked = DETECTOR.mask(head);
        StringBuilder out = new StringBuilder(Math.min(masked.length(), MAX_CHARS) + 24);
        for (int i = 0; i < masked.length() && i < MAX_CHARS; i++) {
            char c = masked.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (value.length() > MAX_CHARS) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
