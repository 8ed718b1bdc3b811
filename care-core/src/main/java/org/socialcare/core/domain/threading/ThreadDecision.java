package org.socialcare.core.domain.threading;

import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;

/**
 * Where a customer's message goes: into an existing conversation (joined or reopened) or a new one, with the
 * reason the audit trail shows. Immutable.
 *
 * @param kind what happens
 * @param conversation the existing conversation for JOINED and REOPENED; empty for NEW (the caller starts it)
 * @param reason why, for the MESSAGE_RECEIVED audit line ("reply to 17", "new conversation", ...)
 */
public record ThreadDecision(Kind kind, Optional<Conversation> conversation, String reason) {

    /** What happens to the message. */
    public enum Kind {
        /** A new conversation starts with the message. */
        NEW,
        /** The message joins an active conversation. */
        JOINED,
        /** The message reopens a RESOLVED conversation within the reopen window. */
        REOPENED
    }

    /**
     * @throws IllegalArgumentException when a NEW decision names a conversation, or a JOINED or REOPENED one does not
     */
    public ThreadDecision {
        Checks.notNull(kind, "kind");
        Checks.notNull(conversation, "conversation");
        Checks.notBlank(reason, "reason");
        if ((kind == Kind.NEW) == conversation.isPresent()) {
            throw new IllegalArgumentException("a " + kind + " thread decision "
                    + (kind == Kind.NEW ? "must not name" : "must name") + " a conversation");
        }
    }

    static ThreadDecision startNew() {
        return new ThreadDecision(Kind.NEW, Optional.empty(), "new conversation");
    }

    static ThreadDecision into(Kind kind, Conversation c, String reason) {
        return new ThreadDecision(kind, Optional.of(c), reason);
    }
}
