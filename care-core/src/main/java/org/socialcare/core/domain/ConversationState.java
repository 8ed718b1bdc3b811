package org.socialcare.core.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a {@link Conversation}:
 * NEW -> OPEN -> (PENDING_CUSTOMER <-> OPEN) -> RESOLVED -> CLOSED, with ESCALATED reachable from any
 * working state, and RESOLVED -> OPEN when the customer writes again inside the reopen window.
 */
public enum ConversationState {
    /** Arrived, nobody has taken it yet. */
    NEW,
    /** An agent works on it. */
    OPEN,
    /** The bank answered and waits for the customer; SLA clocks pause. */
    PENDING_CUSTOMER,
    /** Raised to a supervisor or specialist team. */
    ESCALATED,
    /** Solved; reopens if the customer writes again within the reopen window. */
    RESOLVED,
    /** Final. */
    CLOSED;

    /** The states this one may move to. */
    public Set<ConversationState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, ESCALATED, RESOLVED);
            case OPEN -> EnumSet.of(PENDING_CUSTOMER, ESCALATED, RESOLVED);
            case PENDING_CUSTOMER -> EnumSet.of(OPEN, ESCALATED, RESOLVED);
            case ESCALATED -> EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(ConversationState.class);
        };
    }

    public boolean canMoveTo(ConversationState target) {
        return next().contains(target);
    }

    /** True while the bank still has work on it (not RESOLVED, not CLOSED). */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
