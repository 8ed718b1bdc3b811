package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.support.ContractRunner.failedTests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryConversationStore;
import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ConversationStore;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.testkit.support.PlantedFault;

/**
 * The storage contracts fail on stores with planted faults, each the kind of bug a real back end has: no
 * optimistic lock, milliseconds instead of microseconds, a key without the platform, no leases, no rollback.
 * The faulty subclasses are static nested classes, so surefire does not run them directly.
 */
class StorageContractsCatchFaultsTest {

    @Test
    void conversationStoreWithoutOptimisticLockingFails() {
        assertThat(failedTests(LastWriteWins.class))
                .contains(
                        "staleVersionIsRejectedAndNothingIsWritten",
                        "ofConcurrentSavesOfOneVersionExactlyOneWins",
                        "updateOfAnUnknownConversationIsRejected");
    }

    @Test
    void conversationStoreKeepingOnlyMillisecondsFails() {
        assertThat(failedTests(MillisecondStore.class))
                .contains("everyFieldRoundTripsExactly", "randomConversationsRoundTrip");
    }

    @Test
    void messageStoreKeyedWithoutPlatformFails() {
        assertThat(failedTests(IdOnlyKeys.class)).containsExactly("sameIdOnDifferentPlatformsAreDifferentMessages");
    }

    @Test
    void outboxWithoutLeasesFails() {
        assertThat(failedTests(NoLeases.class))
                .contains(
                        "leasedEntryIsNotHandedOutAgainBeforeTheLeaseEnds",
                        "claimDueRespectsTheLimit",
                        "concurrentClaimsNeverHandOneEntryToTwoCallers");
    }

    @Test
    void outboxCountingOnlyTheQueueFails() {
        assertThat(failedTests(CountsOnlyTheQueue.class))
                .containsExactly("countsPendingHeldAndFailedEntriesPerChannel");
    }

    @Test
    void storageThatCannotUndoFailsTheRollbackContract() {
        assertThat(failedTests(InMemoryRollback.class))
                .contains(
                        "throwLeavesNothingOfAnIngest",
                        "throwKeepsTheConversationAtItsStoredVersion",
                        "throwKeepsThePreviousCheckpoint")
                .doesNotContain("committedWritesAreVisibleFromAnotherThread");
    }

    @Test
    void conversationStoreWithCountersThatNeverForgetFails() {
        assertThat(failedTests(CountersNeverForget.class))
                .containsExactlyInAnyOrder(
                        "countAssignedCountsOnlyTheAgentsActiveConversations", "hasUnassignedFollowsTheTeamsQueue");
    }

    /** Counts every conversation ever saved with an assignee or team, the way a counter only incremented would. */
    @PlantedFault
    static class CountersNeverForget extends ConversationStoreContract {
        @Override
        protected ConversationStore createStore() {
            ConcurrentHashMap<AgentId, java.util.Set<ConversationId>> held = new ConcurrentHashMap<>();
            ConcurrentHashMap<TeamId, Boolean> queued = new ConcurrentHashMap<>();
            return new Delegating(new InMemoryConversationStore()) {
                @Override
                public Conversation save(Conversation c) {
                    Conversation saved = super.save(c);
                    saved.assignee().ifPresent(a -> held.computeIfAbsent(a, k -> ConcurrentHashMap.newKeySet())
                            .add(saved.id()));
                    if (saved.assignee().isEmpty()) {
                        saved.team().ifPresent(t -> queued.put(t, true));
                    }
                    return saved;
                }

                @Override
                public int countAssigned(AgentId agent) {
                    return held.getOrDefault(agent, java.util.Set.of()).size();
                }

                @Override
                public boolean hasUnassigned(TeamId team) {
                    return queued.containsKey(team);
                }
            };
        }
    }

    /** Saves whatever it gets, bumping the stored version. */
    @PlantedFault
    static class LastWriteWins extends ConversationStoreContract {
        @Override
        protected ConversationStore createStore() {
            InMemoryConversationStore real = new InMemoryConversationStore();
            return new Delegating(real) {
                @Override
                public synchronized Conversation save(Conversation c) {
                    long stored = real.find(c.id()).map(Conversation::version).orElse(0L);
                    return real.save(c.withVersion(stored));
                }
            };
        }
    }

    /** Reads instants back at millisecond precision, like a DATETIME(3) column. */
    @PlantedFault
    static class MillisecondStore extends ConversationStoreContract {
        @Override
        protected ConversationStore createStore() {
            return new Delegating(new InMemoryConversationStore()) {
                @Override
                public Optional<Conversation> find(ConversationId id) {
                    return super.find(id).map(c -> c.copy()
                            .openedAt(c.openedAt().truncatedTo(ChronoUnit.MILLIS))
                            .responseDueAt(c.responseDueAt().map(i -> i.truncatedTo(ChronoUnit.MILLIS)))
                            .build());
                }
            };
        }
    }

    /** Unique by message id alone. */
    @PlantedFault
    static class IdOnlyKeys extends MessageStoreContract {
        @Override
        protected MessageStore createStore() {
            InMemoryMessageStore real = new InMemoryMessageStore();
            ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
            return new MessageStore() {
                @Override
                public boolean insertIfAbsent(StoredMessage message) {
                    return ids.putIfAbsent(message.key().messageId(), true) == null && real.insertIfAbsent(message);
                }

                @Override
                public Optional<StoredMessage> find(MessageKey key) {
                    return real.find(key);
                }

                @Override
                public List<StoredMessage> listByConversation(ConversationId conversation) {
                    return real.listByConversation(conversation);
                }
            };
        }
    }

    /** Hands out every due entry on every call, ignoring leases and limit. */
    @PlantedFault
    static class NoLeases extends OutboxContract {
        @Override
        protected Outbox createOutbox() {
            InMemoryOutbox real = new InMemoryOutbox();
            return new Outbox() {
                @Override
                public void enqueue(Reply reply) {
                    real.enqueue(reply);
                }

                @Override
                public Counts count(ChannelId channel) {
                    return real.count(channel);
                }

                @Override
                public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
                    List<OutboxClaim> due = real.claim(now, Integer.MAX_VALUE, Duration.ZERO);
                    return due;
                }

                @Override
                public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
                    return real.updateClaimed(claim, reply, leaseUntil);
                }

                @Override
                public void update(Reply reply) {
                    real.update(reply);
                }

                @Override
                public Optional<Reply> find(ReplyId id) {
                    return real.find(id);
                }

                @Override
                public List<Reply> findByConversation(ConversationId conversation) {
                    return real.findByConversation(conversation);
                }

                @Override
                public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
                    return real.findByPlatformMessageId(channel, platformMessageId);
                }

                @Override
                public List<Reply> queued(ChannelId channel) {
                    return real.queued(channel);
                }
            };
        }
    }

    /** Counts every QUEUED entry as pending and forgets the failed ones (a count that ignores the error column). */
    @PlantedFault
    static class CountsOnlyTheQueue extends OutboxContract {
        @Override
        protected Outbox createOutbox() {
            return new DelegatingOutbox(new InMemoryOutbox()) {
                @Override
                public Counts count(ChannelId channel) {
                    return new Counts(queued(channel).size(), 0, 0);
                }
            };
        }
    }

    /** An outbox handing every call to {@code real}; planted faults override what they break. */
    static class DelegatingOutbox implements Outbox {
        private final Outbox real;

        DelegatingOutbox(Outbox real) {
            this.real = real;
        }

        @Override
        public void enqueue(Reply reply) {
            real.enqueue(reply);
        }

        @Override
        public Counts count(ChannelId channel) {
            return real.count(channel);
        }

        @Override
        public Optional<Reply> oldestQueued(ChannelId channel) {
            return real.oldestQueued(channel);
        }

        @Override
        public List<Reply> failed(Optional<ReplyId> after, int limit) {
            return real.failed(after, limit);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            return real.claim(now, limit, lease);
        }

        @Override
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            return real.updateClaimed(claim, reply, leaseUntil);
        }

        @Override
        public void update(Reply reply) {
            real.update(reply);
        }

        @Override
        public Optional<Reply> find(ReplyId id) {
            return real.find(id);
        }

        @Override
        public List<Reply> findByConversation(ConversationId conversation) {
            return real.findByConversation(conversation);
        }

        @Override
        public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
            return real.findByPlatformMessageId(channel, platformMessageId);
        }

        @Override
        public List<Reply> queued(ChannelId channel) {
            return real.queued(channel);
        }
    }

    /** The in-memory storage cannot undo, so it must fail the rollback contract. */
    @PlantedFault
    static class InMemoryRollback extends RollbackContract {
        @Override
        protected CareStorage createStorage() {
            return InMemoryStorage.create();
        }
    }

    /** Forwards everything to a real store; faults override single methods. */
    private static class Delegating implements ConversationStore {
        private final ConversationStore real;

        Delegating(ConversationStore real) {
            this.real = real;
        }

        @Override
        public Conversation save(Conversation conversation) {
            return real.save(conversation);
        }

        @Override
        public Optional<Conversation> find(ConversationId id) {
            return real.find(id);
        }

        @Override
        public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId) {
            return real.findLatestOfCustomer(channel, customerPlatformUserId);
        }

        @Override
        public List<Conversation> unassignedQueue(TeamId team, int limit) {
            return real.unassignedQueue(team, limit);
        }

        @Override
        public List<Conversation> assignedTo(AgentId agent) {
            return real.assignedTo(agent);
        }

        @Override
        public List<Conversation> dueBy(Instant instant, int limit) {
            return real.dueBy(instant, limit);
        }

        @Override
        public List<Conversation> openedBetween(Instant from, Instant to) {
            return real.openedBetween(from, to);
        }
    }
}
