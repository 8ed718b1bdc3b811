package org.socialcare.core.port.in;

import java.util.List;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.ApprovalException;

/** Four-eyes approval of held replies by supervisors. Implementations are thread-safe. */
public interface DecideApprovals {
    /** Replies held for four-eyes approval, oldest first. */
    List<ApprovalRequest> pendingApprovals();

    /**
     * A supervisor approves a held reply: it is queued in the outbox (and counts as the author's answer while
     * they still hold the active conversation). Audited APPROVAL_DECIDED.
     *
     * @throws ApprovalException if the reply is not awaiting approval, {@code supervisor} is not a supervisor,
     *     or wrote the reply (four eyes)
     */
    Reply approve(ReplyId replyId, AgentId supervisor);

    /**
     * A supervisor rejects a held reply; it is never queued. Audited APPROVAL_DECIDED with the reason.
     *
     * @throws ApprovalException if the reply is not awaiting approval or {@code supervisor} is not a supervisor
     */
    ApprovalRequest rejectReply(ReplyId replyId, AgentId supervisor, String reason);
}
