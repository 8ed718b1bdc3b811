package org.socialcare.core.domain;

/** INBOUND: from the customer. OUTBOUND: from the bank. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
