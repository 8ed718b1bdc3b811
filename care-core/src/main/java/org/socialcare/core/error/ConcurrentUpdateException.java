package org.socialcare.core.error;

import org.socialcare.core.domain.ConversationId;

/**
 * An optimistic-lock failure: the conversation changed since it was read (another agent, another node).
 * Nothing was written; reload and retry.
 */
public class ConcurrentUpdateException extends CareException {
    public ConcurrentUpdateException(ConversationId id, long expectedVersion) {
        super("conversation " + id + " was changed by someone else (expected version " + expectedVersion
                + "); reload it and try again");
    }
}
