package org.socialcare.core.domain.reply;

import java.time.Instant;
import java.util.List;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Reply;

/**
 * A reply held for four-eyes approval: the reply as it will be queued once approved (its author is the agent
 * who wrote it), why approval is needed, and when it was asked for. Immutable.
 */
public record ApprovalRequest(Reply reply, List<String> reasons, Instant requestedAt) {
    public ApprovalRequest {
        Checks.notNull(reply, "reply");
        reasons = List.copyOf(Checks.notNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an approval request needs at least one reason");
        }
        Checks.notNull(requestedAt, "requestedAt");
    }
}
