package org.socialcare.core.error;

import java.util.Set;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;

/** A conversation was asked to move to a state its current state does not allow. */
public class IllegalTransitionException extends CareException {
    private final ConversationState from;
    private final ConversationState to;

    public IllegalTransitionException(ConversationId id, ConversationState from, ConversationState to, String action) {
        super("cannot " + action + " conversation " + id + ": it is " + from + ", and " + from + " may only move to "
                + describe(from.next()) + ", not " + to);
        this.from = from;
        this.to = to;
    }

    private static String describe(Set<ConversationState> next) {
        return next.isEmpty() ? "nothing (final state)" : next.toString();
    }

    public ConversationState from() {
        return from;
    }

    public ConversationState to() {
        return to;
    }
}
