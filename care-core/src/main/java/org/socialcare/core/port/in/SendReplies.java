package org.socialcare.core.port.in;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.ComplianceViolationException;

/**
 * Agents' replies. Every text passes the compliance checks before it is queued; a violation is audited
 * COMPLIANCE_BLOCKED and thrown as {@link ComplianceViolationException}. A reply that needs four-eyes approval
 * is returned but held (see {@link DecideApprovals}); others are queued in the outbox in the transaction that
 * records the answer. Implementations are thread-safe.
 */
public interface SendReplies {
    /**
     * The assigned agent answers in public under the customer's latest public message; the reply is queued in
     * the outbox in the same transaction.
     *
     * @throws org.socialcare.core.error.NotAssignedException if the agent does not hold the conversation
     * @throws CareException if the conversation has no public customer message to answer
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED);
     *     a reply that needs approval is returned but held, see {@link DecideApprovals#pendingApprovals()}
     */
    Reply reply(ConversationId id, AgentId agent, String text);

    /**
     * The assigned agent answers the customer's latest public comment privately, after the compliance checks:
     * Facebook's private reply (one Messenger message per comment, allowed before the customer ever wrote on
     * Messenger). Queued in the outbox as a {@link ReplyKind#PRIVATE_REPLY_TO_COMMENT} targeting that comment.
     *
     * @throws org.socialcare.core.error.NotAssignedException if the agent does not hold the conversation
     * @throws CareException if the conversation has no public customer message to answer, or its channel's
     *     publisher cannot reply privately to a public message ({@code ChannelPublisher.supports}; Twitter has no
     *     private reply to a tweet: use {@link #sendPrivate})
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    Reply privateReplyToComment(ConversationId id, AgentId agent, String text);

    /**
     * The assigned agent sends the customer a private message (DM, Messenger), after the compliance checks.
     *
     * @throws ComplianceViolationException if the text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    Reply sendPrivate(ConversationId id, AgentId agent, String text);

    /**
     * Moves the conversation to a private channel: a public reply invites the customer ("DM us your number and
     * we'll call you"), and, when {@code privateOpening} is given, a private message opens the private leg.
     * Both are queued in one transaction; the customer's private answer joins this conversation. Both texts
     * pass the compliance checks before anything is queued.
     *
     * @throws ComplianceViolationException if either text breaks a compliance rule (audited COMPLIANCE_BLOCKED)
     */
    List<Reply> moveToPrivate(ConversationId id, AgentId agent, String publicInvite, Optional<String> privateOpening);

    /**
     * The assigned agent answers with template {@code templateKey} of the desk's reply composer, filled for the
     * conversation's customer and language and signed with the agent's initials, as a PUBLIC_REPLY
     * ({@link #reply}) or PRIVATE_MESSAGE ({@link #sendPrivate}), with the same compliance checks.
     *
     * @param values values for the template's custom placeholders
     * @throws IllegalArgumentException for an unknown template, a missing placeholder value or another kind
     */
    Reply replyWithTemplate(
            ConversationId id, AgentId agent, String templateKey, ReplyKind kind, Map<String, String> values);
}
