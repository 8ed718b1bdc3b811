package org.socialcare.core.domain;

/** Risks triage found in a conversation; each may drive escalation. */
public enum RiskFlag {
    FRAUD,
    ACCOUNT_SECURITY,
    LEGAL_THREAT,
    REGULATOR,
    MEDIA,
    CLOSE_ACCOUNT,
    VULNERABLE_CUSTOMER,
    /** Sensitive data (card number, IBAN, account) was seen in a public message. */
    SENSITIVE_DATA_PUBLIC
}
