package org.socialcare.core.domain.moderation;

/** Why a comment is hidden. */
public enum ModerationReason {
    /** Insults or slurs aimed at people, or threats. */
    ABUSE,
    /** Scam patterns, or spam with links to unknown domains. */
    SPAM,
    /** Card numbers, account details or other configured sensitive data, visible to everyone. */
    SENSITIVE_DATA
}
