package org.socialcare.core.error;

import java.util.Optional;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ConversationId;

/** An agent acted on a conversation that is not assigned to them (claim it first). */
public class NotAssignedException extends CareException {
    public NotAssignedException(ConversationId id, AgentId agent, Optional<AgentId> assignee) {
        super("agent '" + agent + "' cannot act on conversation " + id + ": it is "
                + assignee.map(a -> "assigned to '" + a + "'").orElse("not claimed by anyone") + "; claim it first");
    }
}
