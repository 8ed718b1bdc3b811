package org.socialcare.core.port.out;

import org.socialcare.core.domain.Checks;
import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryEscalationFiringStore;
import org.socialcare.core.memory.InMemoryNoticeOutbox;

/**
 * Every storage port a desk needs, from one back end, with the transaction manager that spans them: give a
 * desk this one value ({@code CareDesk.builder().storage(..)}) and conversations, messages, outbox, audit,
 * checkpoints, dead letters, escalation firings, channel states (the kill switch), held approvals and undelivered
 * escalation notices all live
 * there. The in-memory default is {@code org.socialcare.core.memory.InMemoryStorage#create()}; the JDBC module
 * makes a complete one from a {@code DataSource}. Immutable.
 */
public record CareStorage(
        ConversationStore conversations,
        MessageStore messages,
        Outbox outbox,
        AuditLog audit,
        CheckpointStore checkpoints,
        DeadLetterStore deadLetters,
        EscalationFiringStore escalationFirings,
        ChannelStateStore channelStates,
        ApprovalGateway approvals,
        NoticeOutbox notices,
        TransactionManager transactions) {

    public CareStorage {
        Checks.notNull(conversations, "conversations");
        Checks.notNull(messages, "messages");
        Checks.notNull(outbox, "outbox");
        Checks.notNull(audit, "audit");
        Checks.notNull(checkpoints, "checkpoints");
        Checks.notNull(deadLetters, "deadLetters");
        Checks.notNull(escalationFirings, "escalationFirings");
        Checks.notNull(channelStates, "channelStates");
        Checks.notNull(approvals, "approvals");
        Checks.notNull(notices, "notices");
        Checks.notNull(transactions, "transactions");
    }

    /** This storage with {@code outbox} in place of its own (for wrappers that decorate one port). */
    public CareStorage withOutbox(Outbox outbox) {
        return new CareStorage(
                conversations,
                messages,
                outbox,
                audit,
                checkpoints,
                deadLetters,
                escalationFirings,
                channelStates,
                approvals,
                notices,
                transactions);
    }

    /**
     * The ten ports of the previous release, with a fresh in-memory notice outbox: undelivered escalation notices stay
     * local to one desk and are lost on restart (the desk warns at build time when the other stores are persistent).
     *
     * @deprecated give all eleven ports (the JDBC module's {@code JdbcCareStorage.storage()} does)
     */
    @Deprecated
    public CareStorage(
            ConversationStore conversations,
            MessageStore messages,
            Outbox outbox,
            AuditLog audit,
            CheckpointStore checkpoints,
            DeadLetterStore deadLetters,
            EscalationFiringStore escalationFirings,
            ChannelStateStore channelStates,
            ApprovalGateway approvals,
            TransactionManager transactions) {
        this(
                conversations,
                messages,
                outbox,
                audit,
                checkpoints,
                deadLetters,
                escalationFirings,
                channelStates,
                approvals,
                new InMemoryNoticeOutbox(),
                transactions);
    }

    /**
     * The seven stores of earlier releases, with fresh in-memory escalation firings, channel states and approvals:
     * those stay local to one desk and are lost on restart (the desk warns at build time when the other stores are
     * persistent).
     *
     * @deprecated give all ten ports (the JDBC module's {@code JdbcCareStorage.storage()} does)
     */
    @Deprecated
    public CareStorage(
            ConversationStore conversations,
            MessageStore messages,
            Outbox outbox,
            AuditLog audit,
            CheckpointStore checkpoints,
            DeadLetterStore deadLetters,
            TransactionManager transactions) {
        this(
                conversations,
                messages,
                outbox,
                audit,
                checkpoints,
                deadLetters,
                new InMemoryEscalationFiringStore(),
                new InMemoryChannelStateStore(),
                new InMemoryApprovalGateway(),
                new InMemoryNoticeOutbox(),
                transactions);
    }
}
