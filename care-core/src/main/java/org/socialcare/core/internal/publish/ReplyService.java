package org.socialcare.core.internal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.domain.reply.ComplianceReview;
import org.socialcare.core.domain.reply.TemplateContext;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.ComplianceViolationException;
import org.socialcare.core.error.NotAssignedException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.MessageGuard;
import org.socialcare.core.internal.ProtectedStorage;
import org.socialcare.core.internal.ops.EscalationReviewer;

/**
 * An agent's replies: public answers, private replies to comments, private messages, the move to a private
 * channel and template answers. Every text passes the compliance checks first (a violation is audited
 * COMPLIANCE_BLOCKED and rethrown); a reply that needs four-eyes approval is held in the approval gateway,
 * others are queued in the outbox in the transaction that records the agent's answer. Not API. Thread-safe.
 */
public final class ReplyService {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);

    private final DeskContext ctx;
    private final MessageGuard guard;
    private final EscalationReviewer escalations;

    public ReplyService(DeskContext ctx, MessageGuard guard, EscalationReviewer escalations) {
        this.ctx = ctx;
        this.guard = guard;
        this.escalations = escalations;
    }

    /** A public answer under the customer's latest public message. */
    public Reply reply(ConversationId id, AgentId agent, String text) {
        ctx.directory().requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> ctx.tx().inTransaction(() -> {
            Conversation c = ctx.load(id);
            String target = lastCustomerMessage(c, Visibility.PUBLIC)
                    .orElseThrow(() -> new CareException("conversation " + id
                            + " has no public customer message to answer; send a private message instead"));
            return enqueueReply(c, agent, ReplyKind.PUBLIC_REPLY, Optional.of(target), Optional.empty(), text);
        }));
    }

    /** A private answer to the customer's latest public comment, where the channel's publisher can do it. */
    public Reply privateReplyToComment(ConversationId id, AgentId agent, String text) {
        ctx.directory().requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> ctx.tx().inTransaction(() -> {
            Conversation c = ctx.load(id);
            Channel channel = ctx.channels().get(c.channel());
            if (!ctx.publishers().supports(channel, ReplyKind.PRIVATE_REPLY_TO_COMMENT)) {
                throw new CareException(
                        "conversation " + id + " is on " + channel.platform() + " channel '" + channel.id()
                                + "', which has no private reply to a public message; send a private message (sendPrivate) instead");
            }
            String target = lastCustomerMessage(c, Visibility.PUBLIC)
                    .orElseThrow(() -> new CareException("conversation " + id
                            + " has no public customer comment to answer privately; send a private message instead"));
            return enqueueReply(
                    c,
                    agent,
                    ReplyKind.PRIVATE_REPLY_TO_COMMENT,
                    Optional.of(target),
                    Optional.of(c.customer().platformUserId()),
                    text);
        }));
    }

    /** A private message to the customer. */
    public Reply sendPrivate(ConversationId id, AgentId agent, String text) {
        ctx.directory().requireAgent(agent);
        Checks.notBlank(text, "text");
        return complianceAudited(id, agent, () -> ctx.tx().inTransaction(() -> {
            Conversation c = ctx.load(id);
            return enqueueReply(
                    c,
                    agent,
                    ReplyKind.PRIVATE_MESSAGE,
                    Optional.empty(),
                    Optional.of(c.customer().platformUserId()),
                    text);
        }));
    }

    /** A public invitation and, optionally, a private opening, both checked before either is queued. */
    public List<Reply> moveToPrivate(
            ConversationId id, AgentId agent, String publicInvite, Optional<String> privateOpening) {
        ctx.directory().requireAgent(agent);
        Checks.notBlank(publicInvite, "publicInvite");
        Checks.notNull(privateOpening, "privateOpening");
        complianceAudited(id, agent, () -> {
            Conversation c = ctx.load(id);
            if (!c.isAssignedTo(agent)) {
                throw new NotAssignedException(id, agent, c.assignee());
            }
            Channel channel = ctx.channels().get(c.channel());
            guard.review(c, channel, ReplyKind.PUBLIC_REPLY, publicInvite);
            privateOpening.ifPresent(text -> guard.review(c, channel, ReplyKind.PRIVATE_MESSAGE, text));
            return c;
        });
        return ctx.tx().inTransaction(() -> {
            List<Reply> out = new ArrayList<>();
            out.add(reply(id, agent, publicInvite));
            privateOpening.ifPresent(text -> out.add(sendPrivate(id, agent, text)));
            Conversation c = ctx.load(id);
            ctx.audit()
                    .conversation(
                            ctx.clock().instant(),
                            DeskAudit.agent(agent),
                            AuditAction.MOVED_TO_PRIVATE,
                            c,
                            "invited the customer to a private channel");
            return List.copyOf(out);
        });
    }

    /** A template of the composer, filled and signed, sent as a public reply or a private message. */
    public Reply replyWithTemplate(
            ConversationId id, AgentId agent, String templateKey, ReplyKind kind, Map<String, String> values) {
        Agent author = ctx.directory().requireAgent(agent);
        Checks.notNull(kind, "kind");
        if (kind != ReplyKind.PUBLIC_REPLY && kind != ReplyKind.PRIVATE_MESSAGE) {
            throw new IllegalArgumentException(
                    "templates are sent as PUBLIC_REPLY or PRIVATE_MESSAGE but kind was " + kind);
        }
        Conversation c = ctx.load(id);
        String text = ctx.policies()
                .composer()
                .compose(templateKey, new TemplateContext(c.customer(), author, c.language(), values), kind);
        return kind == ReplyKind.PUBLIC_REPLY ? reply(id, agent, text) : sendPrivate(id, agent, text);
    }

    private Reply enqueueReply(
            Conversation c,
            AgentId agent,
            ReplyKind kind,
            Optional<String> target,
            Optional<String> recipient,
            String text) {
        if (ctx.channels().isRetired(c.channel())) {
            throw new CareException("conversation " + c.id() + " is on channel '" + c.channel()
                    + "', which an operator retired: answer the customer on another channel");
        }
        if (ctx.publishers().isReceiveOnly(c.channel())) {
            throw new CareException("conversation " + c.id() + " is on channel '" + c.channel()
                    + "', which is receive-only (no publisher): answer the customer on another channel");
        }
        Instant now = ctx.clock().instant();
        Conversation answered = c.agentReplied(agent, kind.visibility(), now);
        ComplianceReview review = guard.review(c, ctx.channels().get(c.channel()), kind, text);
        Reply r = Reply.queued(
                ReplyId.of(ctx.ids().newId()),
                c.id(),
                c.channel(),
                kind,
                target,
                recipient,
                review.text(),
                Optional.of(agent),
                now);
        List<String> approvalReasons = new ArrayList<>(review.approvalReasons());
        if (escalations.requiresApproval(c.id())) {
            approvalReasons.add("an escalation rule requires approval of replies in this conversation");
        }
        if (!approvalReasons.isEmpty()) {
            ctx.policies()
                    .approvals()
                    .submit(new ApprovalRequest(
                            ProtectedStorage.protect(r, ctx.policies().atRest()), approvalReasons, now));
            ctx.audit()
                    .conversation(
                            now,
                            DeskAudit.agent(agent),
                            AuditAction.APPROVAL_REQUESTED,
                            c,
                            kind + " " + r.id() + " held for approval: " + approvalReasons);
            return r;
        }
        Conversation replied = ctx.storage().conversations().save(answered);
        if (c.firstResponseAt().isEmpty()) {
            ctx.events()
                    .emit(new DeskEvent.FirstResponse(
                            now, c.channel(), c.team(), c.id(), Duration.between(c.openedAt(), now)));
        }
        ctx.storage().outbox().enqueue(r);
        ctx.audit().conversation(now, DeskAudit.agent(agent), AuditAction.REPLY_QUEUED, replied, kind + " " + r.id());
        return r;
    }

    private Optional<String> lastCustomerMessage(Conversation c, Visibility visibility) {
        List<StoredMessage> thread = ctx.storage().messages().listByConversation(c.id());
        for (int i = thread.size() - 1; i >= 0; i--) {
            StoredMessage s = thread.get(i);
            if (s.direction() == Direction.INBOUND && s.visibility() == visibility) {
                return Optional.of(s.key().messageId());
            }
        }
        return Optional.empty();
    }

    /** Runs {@code work}; a compliance violation is audited COMPLIANCE_BLOCKED in its own transaction, then rethrown. */
    private <T> T complianceAudited(ConversationId id, AgentId agent, Supplier<T> work) {
        try {
            return work.get();
        } catch (ComplianceViolationException e) {
            LOG.info("reply on conversation {} by {} blocked: {}", id, agent, e.getMessage());
            ctx.tx().run(() -> ctx.storage().conversations().find(id).ifPresent(c -> ctx.audit()
                    .conversation(
                            ctx.clock().instant(),
                            DeskAudit.agent(agent),
                            AuditAction.COMPLIANCE_BLOCKED,
                            c,
                            e.getMessage())));
            throw e;
        }
    }
}
