package org.socialcare.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.moderation.ModerationDecision;
import org.socialcare.core.domain.reply.ComplianceReview;
import org.socialcare.core.domain.reply.ReplyDraft;
import org.socialcare.core.domain.triage.TriageResult;
import org.socialcare.core.port.out.IdGenerator;

/**
 * Applies the desk's {@link MessagePolicies} to inbound messages (triage, moderation) and outgoing replies
 * (compliance). Pure decisions: it returns what to store and audit, the desk stores it in its transaction.
 * Not API. Thread-safe.
 */
public final class MessageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(MessageGuard.class);
    private static final String SYSTEM = DeskAudit.SYSTEM;

    private final MessagePolicies policies;
    private final IdGenerator ids;

    public MessageGuard(MessagePolicies policies, IdGenerator ids) {
        this.policies = policies;
        this.ids = ids;
    }

    public MessagePolicies policies() {
        return policies;
    }

    /** What ingest does with one customer message beyond threading: the triaged conversation, moderation actions, audit lines. */
    public record Inbound(Conversation conversation, TriageResult triage, List<Reply> outbox, List<AuditEntry> audit) {}

    /** Triages {@code m} into {@code c} and moderates it when it is a public comment. */
    public Inbound onInbound(Conversation c, InboundMessage m, Channel channel, Instant now) {
        TriageResult t = policies.classifier().classify(m);
        Conversation triaged = t.applyTo(c);
        List<AuditEntry> audit = new ArrayList<>();
        List<Reply> outbox = new ArrayList<>();
        audit.add(DeskAudit.entry(
                now, SYSTEM, AuditAction.TRIAGED, c.id(), c.channel(), "message " + m.key() + ": " + t.summary()));
        LOG.debug("triaged {} on {}: {}", m.key(), channel.id(), t);
        if (m.visibility() == Visibility.PUBLIC) {
            ModerationDecision d = policies.moderation().decide(m.text(), m.visibility(), t);
            if (d.hides()) {
                String why = d.reason().orElseThrow() + ": " + d.explanation();
                String suggestion = d.suggestPrivate()
                        ? "; suggest moving the customer to a private channel (template card-posted-publicly, then a private message)"
                        : "";
                if (policies.moderatedPlatforms().contains(channel.platform())) {
                    Reply hide = Reply.queued(
                            ReplyId.of(ids.newId()),
                            c.id(),
                            c.channel(),
                            ReplyKind.HIDE_COMMENT,
                            Optional.of(m.key().messageId()),
                            Optional.empty(),
                            "hide " + why,
                            Optional.empty(),
                            now);
                    outbox.add(hide);
                    audit.add(DeskAudit.entry(
                            now,
                            SYSTEM,
                            AuditAction.MODERATION_ACTION,
                            c.id(),
                            c.channel(),
                            "HIDE_COMMENT " + hide.id() + " queued for " + m.key() + ": " + why + suggestion));
                } else {
                    audit.add(DeskAudit.entry(
                            now,
                            SYSTEM,
                            AuditAction.MODERATION_ACTION,
                            c.id(),
                            c.channel(),
                            "not hidden, " + channel.platform() + " is not a moderated platform: " + m.key() + " " + why
                                    + suggestion));
                }
                LOG.info("moderation on {}: {} {}", channel.id(), m.key(), why);
            }
        }
        return new Inbound(triaged, t, outbox, audit);
    }

    /**
     * Reviews a reply the desk is about to queue.
     *
     * @throws org.socialcare.core.error.ComplianceViolationException naming the broken rule
     */
    public ComplianceReview review(Conversation c, Channel channel, ReplyKind kind, String text) {
        return policies.compliance()
                .review(new ReplyDraft(channel, kind, text, c.riskFlags()), policies.textLimits(channel.platform()));
    }
}
