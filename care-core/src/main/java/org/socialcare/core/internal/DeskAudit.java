package org.socialcare.core.internal;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.port.out.AuditLog;

/**
 * The one place that builds the desk's audit entries and actor strings ({@code system}, {@code agent:x},
 * {@code supervisor:x}) and appends them to the {@link AuditLog}. Appends run in the caller's transaction.
 * Not API. Thread-safe (stateless over a thread-safe log).
 */
public final class DeskAudit {
    /** The actor of everything the desk does on its own. */
    public static final String SYSTEM = "system";

    private final AuditLog log;

    public DeskAudit(AuditLog log) {
        this.log = log;
    }

    /** The actor string of an agent. */
    public static String agent(AgentId id) {
        return "agent:" + id;
    }

    /** The actor string of a supervisor deciding on an approval. */
    public static String supervisor(AgentId id) {
        return "supervisor:" + id;
    }

    /** An entry about a conversation on a channel (both may be null for desk-wide entries). */
    public static AuditEntry entry(
            Instant at,
            String actor,
            AuditAction action,
            ConversationId conversation,
            ChannelId channel,
            String detail) {
        return AuditEntry.of(at, actor, action, conversation, channel, detail);
    }

    /** Appends an entry built elsewhere (by a pure decision such as the message guard's). */
    public void append(AuditEntry entry) {
        log.append(entry);
    }

    /** Audits an action on a conversation. */
    public void conversation(Instant at, String actor, AuditAction action, Conversation c, String detail) {
        conversation(at, actor, action, c.id(), c.channel(), detail);
    }

    /** Audits an action on a conversation known by id and channel. */
    public void conversation(
            Instant at, String actor, AuditAction action, ConversationId c, ChannelId channel, String detail) {
        log.append(entry(at, actor, action, c, channel, detail));
    }

    /** Audits an action on a channel, outside any conversation. */
    public void channel(Instant at, String actor, AuditAction action, ChannelId channel, String detail) {
        log.append(new AuditEntry(at, actor, action, Optional.empty(), Optional.of(channel), detail));
    }

    /** Audits a desk-wide event (no conversation, no channel). */
    public void desk(Instant at, String actor, AuditAction action, String detail) {
        log.append(new AuditEntry(at, actor, action, Optional.empty(), Optional.empty(), detail));
    }
}
