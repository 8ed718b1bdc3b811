package org.socialcare.core.error;

import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ConversationId;

/** An agent tried to claim a conversation another agent already holds. */
public class AlreadyClaimedException extends CareException {
    public AlreadyClaimedException(ConversationId id, AgentId claimant, AgentId holder) {
        super("agent '" + claimant + "' cannot claim conversation " + id + ": agent '" + holder
                + "' holds it; a supervisor may reassign it");
    }
}
