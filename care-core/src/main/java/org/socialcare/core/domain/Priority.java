package org.socialcare.core.domain;

/** How urgent a conversation is; queues serve higher priorities first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The next higher priority, or URGENT. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
