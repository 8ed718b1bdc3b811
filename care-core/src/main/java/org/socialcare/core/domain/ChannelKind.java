package org.socialcare.core.domain;

/** How a bank uses a {@link Channel}: its main brand, a dedicated care account, a business unit's stream or one agent's own account. */
public enum ChannelKind {
    BRAND,
    DEDICATED_CARE,
    BUSINESS_UNIT,
    INDIVIDUAL_AGENT
}
