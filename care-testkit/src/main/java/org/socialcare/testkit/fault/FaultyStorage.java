package org.socialcare.testkit.fault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.CheckpointStore;
import org.socialcare.core.port.out.MessageStore;

/**
 * A {@link CareStorage} whose message store or checkpoint store fails once, at a chosen write, as if the desk's
 * process died or its connection dropped there: {@link #failInsert(int)} makes the n-th message insert from now
 * throw {@link Crash} (before anything of it is written), {@link #failCheckpointSave()} the next checkpoint save.
 * Everything else goes to the wrapped storage. Thread-safe.
 */
public final class FaultyStorage {
    /** The injected failure: a dead process or a lost connection. */
    public static final class Crash extends RuntimeException {
        Crash(String where) {
            super("injected crash " + where);
        }
    }

    private final CareStorage inner;
    private final AtomicInteger insertsUntilCrash = new AtomicInteger(-1);
    private final AtomicInteger checkpointCrash = new AtomicInteger(0);

    public FaultyStorage(CareStorage inner) {
        this.inner = inner;
    }

    /** The n-th message insert from now (1 = the next) throws {@link Crash}. */
    public void failInsert(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        insertsUntilCrash.set(n);
    }

    /** The next checkpoint save throws {@link Crash}. */
    public void failCheckpointSave() {
        checkpointCrash.set(1);
    }

    /** The storage with the faults wired in. */
    public CareStorage storage() {
        MessageStore messages = new MessageStore() {
            @Override
            public boolean insertIfAbsent(StoredMessage message) {
                if (insertsUntilCrash.get() > 0 && insertsUntilCrash.decrementAndGet() == 0) {
                    throw new Crash("before storing message " + message.key().messageId());
                }
                return inner.messages().insertIfAbsent(message);
            }

            @Override
            public Optional<StoredMessage> find(MessageKey key) {
                return inner.messages().find(key);
            }

            @Override
            public java.util.Set<MessageKey> existing(java.util.Collection<MessageKey> keys) {
                return inner.messages().existing(keys);
            }

            @Override
            public List<StoredMessage> listByConversation(ConversationId conversation) {
                return inner.messages().listByConversation(conversation);
            }
        };
        CheckpointStore checkpoints = new CheckpointStore() {
            @Override
            public Optional<Checkpoint> load(String sourceId) {
                return inner.checkpoints().load(sourceId);
            }

            @Override
            public void save(Checkpoint checkpoint) {
                if (checkpointCrash.compareAndSet(1, 0)) {
                    throw new Crash("after storing the batch, before its checkpoint " + checkpoint.position());
                }
                inner.checkpoints().save(checkpoint);
            }
        };
        return new CareStorage(
                inner.conversations(),
                messages,
                inner.outbox(),
                inner.audit(),
                checkpoints,
                inner.deadLetters(),
                inner.escalationFirings(),
                inner.channelStates(),
                inner.approvals(),
                inner.notices(),
                inner.transactions());
    }
}
