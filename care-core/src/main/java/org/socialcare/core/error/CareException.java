package org.socialcare.core.error;

/**
 * Base of every error the library throws on purpose. Messages say what was wrong and what was expected,
 * and never contain secrets or unmasked customer data.
 */
public class CareException extends RuntimeException {
    public CareException(String message) {
        super(message);
    }

    public CareException(String message, Throwable cause) {
        super(message, cause);
    }
}
