package org.socialcare.core.port.out;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;

/**
 * Four-eyes approval of replies: where a compliance rule or the channel demands it, the desk does not queue a
 * reply but submits it here, and queues it only when a supervisor approves it through
 * {@code CareDesk.approve}. The gateway holds the pending requests and tells the people who approve (a
 * supervisor queue, the bank's workflow tool).
 *
 * <p>Promises: a submitted request stays pending until {@link #take} removes it; {@link #take} hands a
 * request to at most one caller (two supervisors deciding at once: one wins, the other gets empty). Never
 * returns null. Thread-safe. The in-memory default is {@code org.socialcare.core.memory.InMemoryApprovalGateway}.
 */
public interface ApprovalGateway {
    /** Holds {@code request} until decided and tells the approvers. Its reply id must be new. */
    void submit(ApprovalRequest request);

    /** The pending request for this reply, if any. */
    Optional<ApprovalRequest> find(ReplyId reply);

    /** Every pending request, oldest first. */
    List<ApprovalRequest> pending();

    /** Removes and returns the pending request for a decision; empty if it is not (or no longer) pending. */
    Optional<ApprovalRequest> take(ReplyId reply);
}
