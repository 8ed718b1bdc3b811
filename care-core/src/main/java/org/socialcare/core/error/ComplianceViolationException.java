package org.socialcare.core.error;

import org.socialcare.core.domain.Checks;

/**
 * A reply was stopped before it left the desk because it breaks a compliance rule. {@link #rule()} says
 * which; the message says why in words an agent can act on, and never repeats sensitive data (it names the
 * kind and position only).
 */
public class ComplianceViolationException extends CareException {
    /** The rule a reply broke. */
    public enum Rule {
        /** A public reply contains a card number, IBAN, account number or other data configured as sensitive. */
        SENSITIVE_DATA_IN_PUBLIC,
        /** The reply contains a banned phrase (asking for a card number, PIN, password ...). */
        BANNED_PHRASE,
        /** The reply, with signature and disclosures, is longer than the platform accepts. */
        TOO_LONG
    }

    private final Rule rule;

    public ComplianceViolationException(Rule rule, String message) {
        super(Checks.notNull(rule, "rule") + ": " + message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
