package org.socialcare.core.domain.escalation;

import java.time.Duration;
import java.time.Instant;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.sla.SlaClocks;

/**
 * What a rule's condition looks at: the conversation, the moment of evaluation, its SLA clocks and the
 * customer's contact history. Immutable; {@link ContactHistory} is asked only by repeat-contact conditions.
 */
public record EscalationContext(Conversation conversation, Instant now, SlaClocks sla, ContactHistory contacts) {

    /** How often the conversation's customer contacted the bank; the desk answers from its conversation store. */
    @FunctionalInterface
    public interface ContactHistory {
        /** Conversations of this conversation's customer (itself included) opened at or after {@code since}. */
        int conversationsSince(Conversation conversation, Instant since);

        /** For contexts that have no history: the conversation itself only. */
        static ContactHistory none() {
            return (c, since) -> c.openedAt().isBefore(since) ? 0 : 1;
        }
    }

    public EscalationContext {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(now, "now");
        Checks.notNull(sla, "sla");
        Checks.notNull(contacts, "contacts");
    }

    /** Conversations of the customer opened within {@code window} before now. */
    public int contactsWithin(Duration window) {
        return contacts.conversationsSince(conversation, now.minus(window));
    }
}
