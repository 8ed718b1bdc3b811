package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.socialcare.testkit.TestData.at;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.TestData;

/**
 * Rollback contract of a transactional {@link CareStorage} (JDBC and the like; the in-memory storage cannot
 * undo and does not extend it): when the work given to {@code inTransaction} throws, nothing it wrote to the
 * conversation store, message store, outbox, audit log or checkpoint store remains, including writes made
 * in a nested call and updates of rows that existed before; the exception comes out unchanged; the same
 * writes without a throw commit and are visible from another thread.
 *
 * <p>The subclass provides {@link #createStorage()}: a fresh, empty storage whose stores all take part in its
 * transaction manager, called before each test.
 */
public abstract class RollbackContract {
    /** The storage under test, fresh for each test. */
    protected CareStorage storage;

    /** A fresh, empty transactional storage. */
    protected abstract CareStorage createStorage();

    @BeforeEach
    void createStorageUnderTest() {
        storage = createStorage();
    }

    @Test
    void committedWritesAreVisibleFromAnotherThread() {
        Conversation conversation = TestData.conversation();
        StoredMessage message = TestData.stored(conversation.id(), at(0));
        Reply reply = TestData.publicReply(conversation.id(), at(1));
        Checkpoint checkpoint = new Checkpoint("twitter:care:mentions", "42");

        storage.transactions().run(() -> writeAll(conversation, message, reply, checkpoint));

        List<Concurrently.Outcome<Boolean>> seen = Concurrently.run(1, i -> () -> {
            assertThat(storage.conversations().find(conversation.id())).isPresent();
            assertThat(storage.messages().find(message.key())).contains(message);
            assertThat(storage.outbox().find(reply.id())).contains(reply);
            assertThat(storage.checkpoints().load(checkpoint.sourceId())).contains(checkpoint);
            assertThat(storage.audit().forConversation(conversation.id())).hasSize(1);
            return true;
        });
        assertThat(seen.get(0).error())
                .as("reading committed writes from another thread")
                .isNull();
    }

    @Test
    void throwLeavesNothingOfAnIngest() {
        Conversation conversation = TestData.conversation();
        StoredMessage message = TestData.stored(conversation.id(), at(0));
        Reply reply = TestData.publicReply(conversation.id(), at(1));
        Checkpoint checkpoint = new Checkpoint("twitter:care:mentions", "42");

        Throwable thrown = failingTransaction(() -> writeAll(conversation, message, reply, checkpoint));

        assertThat(thrown).isSameAs(FAILURE);
        assertThat(storage.conversations().find(conversation.id())).isEmpty();
        assertThat(storage.messages().find(message.key())).isEmpty();
        assertThat(storage.messages().listByConversation(conversation.id())).isEmpty();
        assertThat(storage.outbox().find(reply.id())).isEmpty();
        assertThat(storage.outbox().queued(reply.channel())).isEmpty();
        assertThat(storage.checkpoints().load(checkpoint.sourceId())).isEmpty();
        assertThat(storage.audit().forConversation(conversation.id())).isEmpty();
    }

    @Test
    void rolledBackMessageCanBeInsertedAgain() {
        StoredMessage message = TestData.stored(TestData.conversationId(), at(0));
        failingTransaction(() -> storage.messages().insertIfAbsent(message));

        assertThat(storage.messages().insertIfAbsent(message)).isTrue();
    }

    @Test
    void throwKeepsTheConversationAtItsStoredVersion() {
        Conversation v1 = storage.conversations().save(TestData.conversation());

        failingTransaction(() -> storage.conversations().save(v1.withPriority(Priority.URGENT)));

        assertThat(storage.conversations().find(v1.id())).contains(v1);
        assertThat(storage.conversations().save(v1.withPriority(Priority.HIGH)).version())
                .as("save at the old version after rollback")
                .isEqualTo(2);
    }

    @Test
    void throwKeepsTheOutboxEntryQueued() {
        Reply reply = TestData.publicReply(0);
        storage.outbox().enqueue(reply);

        failingTransaction(
                () -> storage.outbox().update(reply.withStatus(new DeliveryStatus.Sent(Optional.of("p1"), at(1), 1))));

        assertThat(storage.outbox().find(reply.id())).contains(reply);
        assertThat(storage.outbox().queued(reply.channel())).containsExactly(reply);
    }

    @Test
    void throwKeepsThePreviousCheckpoint() {
        Checkpoint before = new Checkpoint("facebook:page:feed", "100");
        storage.checkpoints().save(before);

        failingTransaction(() -> storage.checkpoints().save(new Checkpoint("facebook:page:feed", "200")));

        assertThat(storage.checkpoints().load("facebook:page:feed")).contains(before);
    }

    @Test
    void nestedWritesRollBackWithTheOuterTransaction() {
        Conversation conversation = TestData.conversation();
        StoredMessage message = TestData.stored(conversation.id(), at(0));

        failingTransaction(() -> {
            storage.transactions().run(() -> storage.conversations().save(conversation));
            storage.transactions().run(() -> storage.messages().insertIfAbsent(message));
        });

        assertThat(storage.conversations().find(conversation.id())).isEmpty();
        assertThat(storage.messages().find(message.key())).isEmpty();
    }

    private static final RuntimeException FAILURE = new IllegalStateException("work failed on purpose");

    /** Runs {@code work} in a transaction, then throws; returns what came out. */
    protected final Throwable failingTransaction(Runnable work) {
        return catchThrowable(() -> storage.transactions().run(() -> {
            work.run();
            throw FAILURE;
        }));
    }

    private void writeAll(Conversation conversation, StoredMessage message, Reply reply, Checkpoint checkpoint) {
        storage.conversations().save(conversation);
        storage.messages().insertIfAbsent(message);
        storage.audit().append(TestData.audit(conversation.id(), AuditAction.CONVERSATION_OPENED, at(0)));
        storage.outbox().enqueue(reply);
        storage.checkpoints().save(checkpoint);
    }
}
