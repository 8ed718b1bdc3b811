package org.socialcare.core.error;

/**
 * A four-eyes decision cannot be taken: the reply is not awaiting approval (unknown, or another supervisor
 * decided first), the decider is not a supervisor, or the supervisor wrote the reply themselves.
 */
public class ApprovalException extends CareException {
    public ApprovalException(String message) {
        super(message);
    }
}
