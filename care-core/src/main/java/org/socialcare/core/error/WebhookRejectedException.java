package org.socialcare.core.error;

/** A webhook call that failed verification (missing or wrong signature, bad verify token). Audited by the desk. */
public class WebhookRejectedException extends CareException {
    private final int httpStatus;

    public WebhookRejectedException(String reason, int httpStatus) {
        super("webhook rejected: " + reason);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status to answer the platform with (401, 403 or 400). */
    public int httpStatus() {
        return httpStatus;
    }
}
