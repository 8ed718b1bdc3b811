package org.socialcare.core.internal.runtime;

import org.socialcare.core.domain.sensitive.SensitiveDataDetector;

/**
 * A copy of a failure that is safe to log: its message is the original's class name and message of it and of each cause, with card numbers,
 * IBANs, account numbers, phone numbers and e-mail addresses masked by {@link SensitiveDataDetector#mask}, and the
 * original stack traces. Log this instead of the original so a platform error that echoes a customer's text does
 * not put it in the logs. Not API. Immutable once built.
 */
public final class MaskedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final SensitiveDataDetector DETECTOR = SensitiveDataDetector.ofDefaults();
    private static final int MAX_DEPTH = 16;

    private final String originalClass;

    private MaskedFailure(Throwable original, int depth) {
        super(
                summary(original),
                original.getCause() == null || depth >= MAX_DEPTH
                        ? null
                        : new MaskedFailure(original.getCause(), depth + 1),
                false,
                true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** The failure with its messages (and its causes') masked and its stack traces kept. */
    public static MaskedFailure of(Throwable original) {
        return original instanceof MaskedFailure m ? m : new MaskedFailure(original, 0);
    }

    /** {@code text} with sensitive data masked; {@code null} stays null. */
    public static String mask(String text) {
        return text == null ? null : DETECTOR.mask(text);
    }

    /** The class name and masked message of the failure, for one-line summaries. */
    public static String describe(Throwable original) {
        return original instanceof MaskedFailure m ? m.getMessage() : summary(original);
    }

    private static String summary(Throwable t) {
        String message = mask(t.getMessage());
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** The class of the original failure. */
    public String originalClass() {
        return originalClass;
    }
}
