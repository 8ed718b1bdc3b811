package org.socialcare.core.error;

import org.socialcare.core.domain.ConversationId;

/** No conversation has this id. */
public class UnknownConversationException extends CareException {
    public UnknownConversationException(ConversationId id) {
        super("no conversation with id '" + id + "'");
    }
}
