package org.socialcare.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.AtRestProtection;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;

/**
 * The desk's storage with {@link AtRestProtection} applied on every write: message bodies, outbox texts and
 * delivery errors, dead-letter payloads and reasons and audit details reach the storage ports
 * masked (held approvals are masked where they are submitted, with {@link #protect(Reply, AtRestProtection)}, so a
 * configured gateway keeps its own type). Reads pass through. The one place the desk masks before storing, so no service can forget it. Not
 * API. Thread-safe over thread-safe ports.
 */
public final class ProtectedStorage {
    private ProtectedStorage() {}

    /** {@code base} with every text-carrying port masking what it is given. */
    public static CareStorage wrap(CareStorage base, AtRestProtection p) {
        return new CareStorage(
                base.conversations(),
                messages(base.messages(), p),
                outbox(base.outbox(), p),
                audit(base.audit(), p),
                base.checkpoints(),
                deadLetters(base.deadLetters(), p),
                base.escalationFirings(),
                base.channelStates(),
                base.approvals(), // held replies are masked where they are submitted (ReplyService)
                base.notices(),
                base.transactions());
    }

    static StoredMessage protect(StoredMessage m, AtRestProtection p) {
        String text = p.protect(m.text());
        return text.equals(m.text())
                ? m
                : new StoredMessage(
                        m.key(),
                        m.conversation(),
                        m.channel(),
                        m.direction(),
                        m.authorId(),
                        m.authorHandle(),
                        text,
                        m.visibility(),
                        m.inReplyTo(),
                        m.createdAt());
    }

    public static Reply protect(Reply r, AtRestProtection p) {
        DeliveryStatus status = r.status();
        if (status instanceof DeliveryStatus.Queued q) {
            status = new DeliveryStatus.Queued(q.attempts(), q.nextAttemptAt(), p.protect(q.lastError()));
        } else if (status instanceof DeliveryStatus.Failed f) {
            status = new DeliveryStatus.Failed(p.protect(f.reason()), f.failedAt(), f.attempts());
        }
        return new Reply(
                r.id(),
                r.conversation(),
                r.channel(),
                r.kind(),
                r.target(),
                r.recipient(),
                p.protect(r.text()),
                r.author(),
                r.createdAt(),
                status);
    }

    private static MessageStore messages(MessageStore base, AtRestProtection p) {
        return new MessageStore() {
            @Override
            public boolean insertIfAbsent(StoredMessage message) {
                return base.insertIfAbsent(protect(message, p));
            }

            @Override
            public Optional<StoredMessage> find(MessageKey key) {
                return base.find(key);
            }

            @Override
            public java.util.Set<MessageKey> existing(java.util.Collection<MessageKey> keys) {
                return base.existing(keys);
            }

            @Override
            public List<StoredMessage> listByConversation(ConversationId conversation) {
                return base.listByConversation(conversation);
            }
        };
    }

    private static Outbox outbox(Outbox base, AtRestProtection p) {
        return new Outbox() {
            @Override
            public void enqueue(Reply reply) {
                base.enqueue(protect(reply, p));
            }

            @Override
            public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
                return base.claim(now, limit, lease);
            }

            @Override
            public void update(Reply reply) {
                base.update(protect(reply, p));
            }

            @Override
            public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
                return base.updateClaimed(claim, protect(reply, p), leaseUntil);
            }

            @Override
            public Optional<Reply> find(ReplyId id) {
                return base.find(id);
            }

            @Override
            public List<Reply> findByConversation(ConversationId conversation) {
                return base.findByConversation(conversation);
            }

            @Override
            public Counts count(ChannelId channel) {
                return base.count(channel);
            }

            @Override
            public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
                return base.findByPlatformMessageId(channel, platformMessageId);
            }

            @Override
            public List<Reply> queued(ChannelId channel) {
                return base.queued(channel);
            }

            @Override
            public List<Reply> failed(Optional<org.socialcare.core.domain.ReplyId> after, int limit) {
                return base.failed(after, limit);
            }

            @Override
            public Optional<Reply> oldestQueued(ChannelId channel) {
                return base.oldestQueued(channel);
            }
        };
    }

    private static AuditLog audit(AuditLog base, AtRestProtection p) {
        return new AuditLog() {
            @Override
            public void append(AuditEntry e) {
                base.append(new AuditEntry(
                        e.at(), e.actor(), e.action(), e.conversation(), e.channel(), p.protect(e.detail())));
            }

            @Override
            public List<AuditEntry> forConversation(ConversationId conversation) {
                return base.forConversation(conversation);
            }

            @Override
            public List<AuditEntry> recent(int limit) {
                return base.recent(limit);
            }
        };
    }

    private static DeadLetterStore deadLetters(DeadLetterStore base, AtRestProtection p) {
        return new DeadLetterStore() {
            @Override
            public void put(DeadLetter d) {
                base.put(new DeadLetter(
                        d.id(), d.source(), p.protect(d.rawPayload()), p.protect(d.reason()), d.receivedAt()));
            }

            @Override
            public List<DeadLetter> recent(int limit) {
                return base.recent(limit);
            }

            @Override
            public List<DeadLetter> open(Optional<String> after, int limit) {
                return base.open(after, limit);
            }

            @Override
            public Optional<DeadLetter> findOpen(String id) {
                return base.findOpen(id);
            }

            @Override
            public boolean markReprocessed(String id, Instant at) {
                return base.markReprocessed(id, at);
            }
        };
    }
}
