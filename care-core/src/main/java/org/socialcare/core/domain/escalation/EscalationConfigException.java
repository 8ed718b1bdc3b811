package org.socialcare.core.domain.escalation;

import org.socialcare.core.error.CareException;

/** A rules file could not be read: the message names the line, the offending text and what was expected. */
public class EscalationConfigException extends CareException {
    private final int line;

    public EscalationConfigException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the rules file. */
    public int line() {
        return line;
    }
}
