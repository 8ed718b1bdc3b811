package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.TestData.at;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.testkit.TestData;

/**
 * Contract of a {@link MessageStore}.
 *
 * <p>Checks: {@code insertIfAbsent} stores a message once per (platform, message id): a second insert
 * returns false and changes nothing, the same id on two platforms is two messages, and of several threads
 * inserting one key exactly one gets {@code true}; {@code listByConversation} lists a conversation's
 * messages oldest first and only them; every field (both directions, both visibilities, reply-to, unicode,
 * quotes and new lines in text, instants at microsecond precision) round-trips exactly.
 *
 * <p>The subclass provides {@link #createStore()}: a fresh, empty store, called before each test. Calls are
 * made outside any transaction: each must then commit on its own.
 */
public abstract class MessageStoreContract {
    /** The store under test, fresh for each test. */
    protected MessageStore store;

    /** A fresh, empty store. */
    protected abstract MessageStore createStore();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void existingNamesExactlyTheStoredKeysAmongThoseAsked() {
        ConversationId conversation = TestData.conversationId();
        StoredMessage twitter = withKey(TestData.stored(conversation, at(0)), MessageKey.of(Platform.TWITTER, "7001"));
        StoredMessage facebook =
                withKey(TestData.stored(conversation, at(1)), MessageKey.of(Platform.FACEBOOK, "7002"));
        store.insertIfAbsent(twitter);
        store.insertIfAbsent(facebook);

        assertThat(store.existing(List.of(
                        MessageKey.of(Platform.TWITTER, "7001"),
                        MessageKey.of(Platform.FACEBOOK, "7001"), // same id, other platform: not stored
                        MessageKey.of(Platform.FACEBOOK, "7002"),
                        MessageKey.of(Platform.TWITTER, "7003"))))
                .containsExactlyInAnyOrder(twitter.key(), facebook.key());
        assertThat(store.existing(List.of())).isEmpty();
    }

    @Test
    void firstInsertStoresTheMessage() {
        StoredMessage message = TestData.stored(TestData.conversationId(), at(0));

        assertThat(store.insertIfAbsent(message)).isTrue();

        assertThat(store.find(message.key())).contains(message);
    }

    @Test
    void secondInsertOfTheSameKeyReturnsFalseAndChangesNothing() {
        StoredMessage message = TestData.stored(TestData.conversationId(), at(0));
        store.insertIfAbsent(message);
        StoredMessage sameKeyOtherContent = new StoredMessage(
                message.key(),
                TestData.conversationId(),
                message.channel(),
                Direction.INBOUND,
                "someone-else",
                "other",
                "other text",
                Visibility.PRIVATE,
                Optional.empty(),
                at(5));

        assertThat(store.insertIfAbsent(sameKeyOtherContent)).isFalse();

        assertThat(store.find(message.key())).contains(message);
        assertThat(store.listByConversation(sameKeyOtherContent.conversation())).isEmpty();
        assertThat(store.listByConversation(message.conversation())).containsExactly(message);
    }

    @Test
    void sameIdOnDifferentPlatformsAreDifferentMessages() {
        ConversationId conversation = TestData.conversationId();
        StoredMessage onTwitter =
                withKey(TestData.stored(conversation, at(0)), MessageKey.of(Platform.TWITTER, "12345"));
        StoredMessage onFacebook =
                withKey(TestData.stored(conversation, at(1)), MessageKey.of(Platform.FACEBOOK, "12345"));
        StoredMessage onCustom =
                withKey(TestData.stored(conversation, at(2)), MessageKey.of(Platform.of("webchat"), "12345"));

        assertThat(store.insertIfAbsent(onTwitter)).isTrue();
        assertThat(store.insertIfAbsent(onFacebook)).isTrue();
        assertThat(store.insertIfAbsent(onCustom)).isTrue();

        assertThat(store.find(MessageKey.of(Platform.TWITTER, "12345"))).contains(onTwitter);
        assertThat(store.find(MessageKey.of(Platform.FACEBOOK, "12345"))).contains(onFacebook);
        assertThat(store.find(MessageKey.of(Platform.of("webchat"), "12345"))).contains(onCustom);
        assertThat(store.listByConversation(conversation)).containsExactly(onTwitter, onFacebook, onCustom);
    }

    @Test
    void ofConcurrentInsertsOfOneKeyExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            StoredMessage message = TestData.stored(TestData.conversationId(), at(round));
            List<Concurrently.Outcome<Boolean>> outcomes =
                    Concurrently.run(8, i -> () -> store.insertIfAbsent(message));

            assertThat(outcomes).as("outcomes of round %d", round).allSatisfy(o -> assertThat(o.error())
                    .isNull());
            assertThat(outcomes.stream().filter(o -> o.value()))
                    .as("inserts that returned true in round %d", round)
                    .hasSize(1);
            assertThat(store.listByConversation(message.conversation())).containsExactly(message);
        }
    }

    @Test
    void concurrentInsertsOfDifferentKeysAllLand() {
        ConversationId conversation = TestData.conversationId();
        List<StoredMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            messages.add(TestData.stored(conversation, at(i)));
        }

        List<Concurrently.Outcome<Boolean>> outcomes =
                Concurrently.run(messages.size(), i -> () -> store.insertIfAbsent(messages.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isTrue());
        assertThat(store.listByConversation(conversation)).containsExactlyElementsOf(messages);
    }

    @Test
    void listByConversationIsOldestFirstAndOnlyThatConversation() {
        ConversationId conversation = TestData.conversationId();
        StoredMessage third = TestData.stored(conversation, at(30));
        StoredMessage first = TestData.stored(conversation, at(10));
        StoredMessage second = TestData.stored(conversation, at(10).plusNanos(1_000));
        StoredMessage elsewhere = TestData.stored(TestData.conversationId(), at(20));
        for (StoredMessage m : List.of(third, elsewhere, first, second)) {
            store.insertIfAbsent(m);
        }

        assertThat(store.listByConversation(conversation)).containsExactly(first, second, third);
        assertThat(store.listByConversation(TestData.conversationId())).isEmpty();
    }

    @Test
    void everyFieldRoundTripsExactly() {
        ConversationId conversation = TestData.conversationId();
        StoredMessage inbound = TestData.stored(TestData.fullInbound(TestData.FACEBOOK_PAGE), conversation);
        StoredMessage outbound = new StoredMessage(
                MessageKey.of(Platform.TWITTER, "1790000000000000001"),
                conversation,
                TestData.TWITTER_CARE.id(),
                Direction.OUTBOUND,
                TestData.TWITTER_CARE.platformAccountId(),
                "",
                "@cust Sorry! DM us \uD83D\uDC4D \u00e9 'x' \"y\" \\z\n^AA",
                Visibility.PUBLIC,
                Optional.of("1790000000000000000"),
                TestData.T0.plusSeconds(61).plusNanos(999_999_000));
        store.insertIfAbsent(inbound);
        store.insertIfAbsent(outbound);

        assertThat(store.find(inbound.key())).contains(inbound);
        assertThat(store.find(outbound.key())).contains(outbound);
        assertThat(store.listByConversation(conversation)).containsExactly(inbound, outbound);
    }

    @Test
    void randomMessagesRoundTrip() {
        Random random = new Random(42);
        ConversationId conversation = TestData.conversationId();
        for (int i = 0; i < 40; i++) {
            StoredMessage m = new StoredMessage(
                    MessageKey.of(
                            random.nextBoolean() ? Platform.TWITTER : Platform.FACEBOOK,
                            TestData.next() + "_" + random.nextInt(1_000_000)),
                    conversation,
                    TestData.TWITTER_CARE.id(),
                    random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                    String.valueOf(TestData.next()),
                    ConversationStoreContract.randomText(random, 15),
                    ConversationStoreContract.randomText(random, 280),
                    random.nextBoolean() ? Visibility.PUBLIC : Visibility.PRIVATE,
                    random.nextBoolean()
                            ? Optional.of(String.valueOf(random.nextLong() & Long.MAX_VALUE))
                            : Optional.empty(),
                    at(i).plusNanos(random.nextInt(1_000_000) * 1_000L));
            assertThat(store.insertIfAbsent(m)).isTrue();
            assertThat(store.find(m.key())).as("message %d", i).contains(m);
        }
    }

    @Test
    void readsNeverReturnNull() {
        assertThat(store.find(MessageKey.of(Platform.TWITTER, "missing"))).isEmpty();
        assertThat(store.listByConversation(ConversationId.of("missing"))).isEmpty();
    }

    private static StoredMessage withKey(StoredMessage m, MessageKey key) {
        return new StoredMessage(
                key,
                m.conversation(),
                m.channel(),
                m.direction(),
                m.authorId(),
                m.authorHandle(),
                m.text(),
                m.visibility(),
                m.inReplyTo(),
                m.createdAt());
    }
}
