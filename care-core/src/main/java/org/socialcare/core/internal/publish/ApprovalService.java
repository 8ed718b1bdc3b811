package org.socialcare.core.internal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.ApprovalException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.out.ApprovalGateway;

/**
 * Four-eyes decisions on held replies: a supervisor other than the author approves (the reply is queued in the
 * outbox) or rejects (it never is), each audited APPROVAL_DECIDED. The request is taken from the
 * {@link ApprovalGateway} in the deciding transaction and put back when the decision fails. Not API.
 * Thread-safe.
 */
public final class ApprovalService {
    private final DeskContext ctx;

    public ApprovalService(DeskContext ctx) {
        this.ctx = ctx;
    }

    private ApprovalGateway approvals() {
        return ctx.policies().approvals();
    }

    /** Replies held for approval, oldest first. */
    public List<ApprovalRequest> pending() {
        return approvals().pending();
    }

    /** Approves and queues a held reply. */
    public Reply approve(ReplyId replyId, AgentId supervisor) {
        ApprovalRequest request = decidable(replyId, supervisor);
        Reply held = request.reply();
        AgentId author = held.author().orElseThrow();
        if (author.equals(supervisor)) {
            throw new ApprovalException("four eyes: " + supervisor + " wrote reply " + replyId
                    + " and cannot approve it; ask another supervisor");
        }
        // take the request in the transaction that queues the reply: with a transactional gateway (JDBC) a failure
        // puts it back by rollback; the in-memory gateway cannot roll back, so it is resubmitted below
        AtomicReference<ApprovalRequest> taken = new AtomicReference<>();
        try {
            return ctx.tx().inTransaction(() -> {
                taken.set(take(replyId));
                Instant now = ctx.clock().instant();
                Conversation c = ctx.load(held.conversation());
                Reply r = Reply.queued(
                        held.id(),
                        held.conversation(),
                        held.channel(),
                        held.kind(),
                        held.target(),
                        held.recipient(),
                        held.text(),
                        held.author(),
                        now);
                if (c.isAssignedTo(author) && c.state().isActive()) {
                    if (c.firstResponseAt().isEmpty()) {
                        ctx.events()
                                .emit(new DeskEvent.FirstResponse(
                                        now, c.channel(), c.team(), c.id(), Duration.between(c.openedAt(), now)));
                    }
                    c = ctx.storage().conversations().save(c.agentReplied(author, r.visibility(), now));
                }
                ctx.storage().outbox().enqueue(r);
                ctx.audit()
                        .conversation(
                                now,
                                DeskAudit.supervisor(supervisor),
                                AuditAction.APPROVAL_DECIDED,
                                c,
                                "approved " + r.kind() + " " + r.id() + " by " + author);
                ctx.audit()
                        .conversation(
                                now,
                                DeskAudit.agent(author),
                                AuditAction.REPLY_QUEUED,
                                c,
                                r.kind() + " " + r.id() + " approved by " + supervisor);
                return r;
            });
        } catch (RuntimeException e) {
            keepPending(replyId, taken.get());
            throw e;
        }
    }

    /** Rejects a held reply with the reason. */
    public ApprovalRequest reject(ReplyId replyId, AgentId supervisor, String reason) {
        Checks.notBlank(reason, "reason");
        decidable(replyId, supervisor);
        AtomicReference<ApprovalRequest> taken = new AtomicReference<>();
        try {
            return ctx.tx().inTransaction(() -> {
                ApprovalRequest t = take(replyId);
                taken.set(t);
                Reply r = t.reply();
                ctx.audit()
                        .conversation(
                                ctx.clock().instant(),
                                DeskAudit.supervisor(supervisor),
                                AuditAction.APPROVAL_DECIDED,
                                r.conversation(),
                                r.channel(),
                                "rejected " + r.kind() + " " + r.id() + " by "
                                        + r.author().map(AgentId::toString).orElse("desk") + ": " + reason);
                return t;
            });
        } catch (RuntimeException e) {
            keepPending(replyId, taken.get());
            throw e;
        }
    }

    private ApprovalRequest take(ReplyId replyId) {
        return approvals()
                .take(replyId)
                .orElseThrow(
                        () -> new ApprovalException("reply " + replyId + " was decided by someone else meanwhile"));
    }

    /** After a failed decision: a request that was taken and not restored by a rollback is pending again. */
    private void keepPending(ReplyId replyId, ApprovalRequest taken) {
        if (taken != null && approvals().find(replyId).isEmpty()) {
            approvals().submit(taken);
        }
    }

    private ApprovalRequest decidable(ReplyId replyId, AgentId supervisor) {
        Checks.notNull(replyId, "reply id");
        Agent s = ctx.directory().requireAgent(supervisor);
        if (!s.supervisor()) {
            throw new ApprovalException(supervisor + " is not a supervisor and cannot decide on reply " + replyId);
        }
        return approvals()
                .find(replyId)
                .orElseThrow(() -> new ApprovalException("reply " + replyId + " is not awaiting approval"));
    }
}
