package org.socialcare.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.testkit.NoNulls;

/**
 * Contract of a {@link ChannelSource}: what every polling adapter (Twitter mentions or DMs, a Facebook page
 * feed or Messenger inbox, a custom platform) must do, checked against the adapter's local HTTP emulator.
 *
 * <p>Checks: the first poll returns the seeded messages on {@link ChannelSource#channel()} with unique keys
 * and a checkpoint under {@link ChannelSource#sourceId()}; text, author id and time survive the platform
 * round trip; polling from the returned checkpoint loses nothing and (unless {@link #mayRepeatAtCheckpoint()})
 * repeats nothing; a message posted after the checkpoint arrives on the next poll; a backlog larger than one
 * page is paged with {@code hasMore} until every message is delivered; an empty channel gives an empty batch;
 * no batch carries a {@code null} anywhere; an item of a page the adapter cannot read comes back as a dead letter
 * ({@code Batch.rejected}) while the messages around it are delivered, never dropped silently.
 *
 * <p>The subclass provides, per test (JUnit makes a new instance per test):
 * <ul>
 *   <li>{@link #sourceOver(List)}: start or reset the emulator holding exactly these customer messages,
 *       oldest first, and return a source reading it through the real SDK client over 127.0.0.1;</li>
 *   <li>{@link #postLater(SeedMessage)}: make that emulator show one more, newer customer message;</li>
 *   <li>optionally {@link #backlogSize()} (must exceed one page of the source),
 *       {@link #mayRepeatAtCheckpoint()}, {@link #expectedVisibility()}, {@link #postOwnMessage(SeedMessage)}
 *       (the bank's own posts must come back in {@code ownMessages}, never as customer messages) and
 *       {@link #postUnreadableItem()} (an item the adapter cannot read must become a dead letter).</li>
 * </ul>
 * Stop the emulator in the subclass's own {@code @AfterEach}. Complete subclasses to copy from:
 * {@code Twitter4jMentionsSourceContractTest} and {@code XMentionsSourceContractTest} (care-twitter-adapter, over
 * the care-emulators {@code TwitterApiEmulator} and {@code XApiEmulator}), {@code RestFbChannelSourceContractTest}
 * (care-facebook-adapter, over {@code GraphApiEmulator}), {@code WebChatChannelSourceContractTest} (care-examples).
 */
public abstract class ChannelSourceContract {
    /** Upper bound of polls for one drain; a source that never stops saying {@code hasMore} fails. */
    private static final int MAX_POLLS = 200;

    /**
     * Starts (or resets) the platform emulator so it holds exactly {@code messages} (oldest first; may be empty)
     * as customer messages the source under test reads, and returns that source. Called once per test.
     */
    protected abstract ChannelSource sourceOver(List<SeedMessage> messages);

    /** Adds one customer message, newer than every earlier one, to the emulator behind the last source. */
    protected abstract void postLater(SeedMessage message);

    /**
     * How many messages make a backlog that needs several pages; must exceed the page size the source asks
     * for (configure a small page size in the emulator or the source to keep this fast). Default 450
     * (more than two pages of 200).
     */
    protected int backlogSize() {
        return 450;
    }

    /**
     * True when polling from a checkpoint may return the last messages again (a platform whose {@code since}
     * is inclusive); the desk dedupes them. Default false: nothing seen is returned again.
     */
    protected boolean mayRepeatAtCheckpoint() {
        return false;
    }

    /**
     * The visibility every message of this source has (PRIVATE for a DM or Messenger source, PUBLIC for
     * mentions or a page feed), or empty when the source mixes both. Default: empty (not checked).
     */
    protected Optional<Visibility> expectedVisibility() {
        return Optional.empty();
    }

    /**
     * Adds a post of the bank's own account (newer than every earlier message) to the emulator behind the last
     * source and returns true; returns false (the default) when this source never sees the bank's own posts,
     * which skips {@code ownPostsComeBackAsOwnMessagesNotAsCustomerMessages}.
     */
    protected boolean postOwnMessage(SeedMessage message) {
        return false;
    }

    /**
     * Adds one item the adapter cannot read (a mention without its author, a message without its sender or id),
     * newer than every earlier message, to the emulator behind the last source and returns true; returns false (the
     * default) when the platform's pages cannot carry such an item, which skips
     * {@code anUnreadableItemIsDeadLetteredNotDropped}. Every adapter that parses items one by one should give one: a
     * source that skips what it cannot read loses customer messages without a trace.
     */
    protected boolean postUnreadableItem() {
        return false;
    }

    @Test
    void firstPollReturnsMessagesOfTheChannelWithUniqueKeysAndACheckpoint() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 5));

        Batch first = source.poll(Optional.empty());

        assertThat(first.messages())
                .as("messages of the first poll over 5 seeded")
                .isNotEmpty();
        assertThat(first.messages()).allSatisfy(m -> assertThat(m.channel()).isEqualTo(source.channel()));
        assertThat(first.messages().stream().map(InboundMessage::key)).doesNotHaveDuplicates();
        assertThat(first.nextCheckpoint())
                .as("checkpoint after a non-empty poll")
                .isPresent();
        assertThat(first.nextCheckpoint().get().sourceId()).isEqualTo(source.sourceId());
    }

    @Test
    void messagesKeepTheirTextAuthorAndTime() {
        List<SeedMessage> seeded = SeedMessage.numbered(0, 5);
        ChannelSource source = sourceOver(seeded);

        Map<MessageKey, InboundMessage> delivered = drain(source, Optional.empty()).messages;

        for (SeedMessage seed : seeded) {
            InboundMessage message = findBy(seed, delivered.values());
            assertThat(message.text()).as("text of %s", seed.marker()).contains(seed.text());
            assertThat(message.author().platformUserId())
                    .as("author of %s", seed.marker())
                    .isEqualTo(seed.authorId());
            assertThat(message.createdAt()).as("time of %s", seed.marker()).isEqualTo(seed.createdAt());
        }
        assertThat(delivered.keySet().stream().map(MessageKey::platform).distinct())
                .as("platforms")
                .hasSize(1);
        expectedVisibility().ifPresent(v -> assertThat(delivered.values())
                .allSatisfy(m -> assertThat(m.visibility()).isEqualTo(v)));
    }

    @Test
    void ownPostsComeBackAsOwnMessagesNotAsCustomerMessages() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 2));
        SeedMessage own = SeedMessage.numbered(2);
        Assumptions.assumeTrue(postOwnMessage(own), "this source does not see the bank's own posts");

        List<Batch> batches = new ArrayList<>();
        Optional<Checkpoint> since = Optional.empty();
        for (int i = 0; i < MAX_POLLS; i++) {
            Batch batch = source.poll(since);
            batches.add(batch);
            if (batch.nextCheckpoint().isPresent()) {
                since = batch.nextCheckpoint();
            }
            if (!batch.hasMore()) {
                break;
            }
        }

        List<InboundMessage> customer =
                batches.stream().flatMap(b -> b.messages().stream()).toList();
        assertThat(customer).as("customer messages").noneSatisfy(m -> assertThat(m.text())
                .contains(own.marker()));
        assertThat(customer.stream().map(InboundMessage::key).distinct())
                .as("distinct customer messages")
                .hasSize(2);
        assertThat(batches.stream().flatMap(b -> b.ownMessages().stream()))
                .as("own messages")
                .anySatisfy(m -> {
                    assertThat(m.text()).contains(own.marker());
                    assertThat(m.channel()).isEqualTo(source.channel());
                });
    }

    @Test
    void pollingFromTheReturnedCheckpointLosesNothingAndRepeatsNothing() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 5));
        Drained before = drain(source, Optional.empty());
        assertThat(before.last).as("checkpoint after draining 5 messages").isPresent();

        Batch again = source.poll(before.last);

        assertThat(again.messages())
                .as("messages of a poll from the last checkpoint")
                .allSatisfy(m -> assertThat(before.messages).containsKey(m.key()));
        if (!mayRepeatAtCheckpoint()) {
            assertThat(again.messages())
                    .as("messages repeated from the last checkpoint")
                    .isEmpty();
        }
    }

    @Test
    void messagePostedAfterTheCheckpointArrivesOnTheNextPoll() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 3));
        Drained before = drain(source, Optional.empty());
        SeedMessage later = SeedMessage.numbered(3);

        postLater(later);
        Drained after = drain(source, before.last);

        InboundMessage arrived = findBy(later, after.messages.values());
        assertThat(arrived.channel()).isEqualTo(source.channel());
        if (!mayRepeatAtCheckpoint()) {
            assertThat(after.messages).as("messages after the checkpoint").hasSize(1);
        }
    }

    @Test
    void backlogIsPagedWithHasMoreUntilEveryMessageIsDelivered() {
        List<SeedMessage> seeded = SeedMessage.numbered(0, backlogSize());
        ChannelSource source = sourceOver(seeded);

        Drained drained = drain(source, Optional.empty());

        assertThat(drained.polls)
                .as("polls needed for a backlog of %d (backlogSize() must exceed one page)", seeded.size())
                .isGreaterThan(1);
        assertThat(drained.sawHasMore).as("some batch said hasMore").isTrue();
        for (SeedMessage seed : seeded) {
            findBy(seed, drained.messages.values());
        }
        if (!mayRepeatAtCheckpoint()) {
            assertThat(drained.duplicates)
                    .as("messages delivered twice while paging")
                    .isEmpty();
        }
    }

    @Test
    void emptyChannelGivesAnEmptyBatch() {
        ChannelSource source = sourceOver(List.of());

        Batch batch = source.poll(Optional.empty());

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.hasMore()).isFalse();
        NoNulls.assertNoNulls("batch", batch);
    }

    @Test
    void anUnreadableItemIsDeadLetteredNotDropped() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 2));
        Assumptions.assumeTrue(postUnreadableItem(), "the adapter gives no unreadable item");
        postLater(SeedMessage.numbered(3)); // sequence 2 is left to the unreadable item

        List<InboundMessage> delivered = new ArrayList<>();
        List<RejectedPayload> rejected = new ArrayList<>();
        Optional<Checkpoint> since = Optional.empty();
        for (int i = 0; i < MAX_POLLS; i++) {
            Batch batch = source.poll(since);
            delivered.addAll(batch.messages());
            rejected.addAll(batch.rejected());
            if (batch.nextCheckpoint().isPresent()) {
                since = batch.nextCheckpoint();
            }
            if (!batch.hasMore()) {
                break;
            }
        }

        assertThat(rejected)
                .as("dead letters (Batch.rejected) of the polls: the unreadable item, kept rather than dropped")
                .hasSize(1)
                .allSatisfy(r -> {
                    assertThat(r.source()).isNotBlank();
                    assertThat(r.reason()).isNotBlank();
                    assertThat(r.rawPayload()).as("the item's raw payload").isNotBlank();
                });
        for (SeedMessage seed : List.of(SeedMessage.numbered(0), SeedMessage.numbered(1), SeedMessage.numbered(3))) {
            findBy(seed, delivered); // the messages before and after it still arrive
        }
        if (!mayRepeatAtCheckpoint()) {
            assertThat(source.poll(since).rejected())
                    .as("dead letters of a poll from the checkpoint after the item (it must not come back forever)")
                    .isEmpty();
        }
    }

    @Test
    void batchesNeverCarryNulls() {
        ChannelSource source = sourceOver(SeedMessage.numbered(0, 5));
        Optional<Checkpoint> since = Optional.empty();
        for (int i = 0; i < 3; i++) {
            Batch batch = source.poll(since);
            NoNulls.assertNoNulls("batch of poll " + i, batch);
            if (batch.nextCheckpoint().isEmpty() || !batch.hasMore()) {
                break;
            }
            since = batch.nextCheckpoint();
        }
        assertThat(source.sourceId()).isNotBlank();
        assertThat(source.pollInterval()).isPositive();
    }

    /** Polls from {@code since} until the source reports no backlog; keeps the last checkpoint seen. */
    protected final Drained drain(ChannelSource source, Optional<Checkpoint> since) {
        Drained drained = new Drained();
        drained.last = since;
        for (int i = 0; i < MAX_POLLS; i++) {
            Batch batch = source.poll(drained.last);
            assertThat(batch).as("poll result").isNotNull();
            drained.polls++;
            for (InboundMessage m : batch.messages()) {
                if (drained.messages.put(m.key(), m) != null) {
                    drained.duplicates.add(m.key());
                }
            }
            if (batch.nextCheckpoint().isPresent()) {
                drained.last = batch.nextCheckpoint();
            }
            drained.sawHasMore |= batch.hasMore();
            if (!batch.hasMore()) {
                return drained;
            }
        }
        return fail("source still said hasMore after " + MAX_POLLS + " polls");
    }

    private static InboundMessage findBy(SeedMessage seed, java.util.Collection<InboundMessage> delivered) {
        List<InboundMessage> matches = new ArrayList<>();
        for (InboundMessage m : delivered) {
            if (m.text().contains(seed.marker())) {
                matches.add(m);
            }
        }
        assertThat(matches)
                .as("delivered messages with marker '%s' (lost or text mangled?)", seed.marker())
                .hasSize(1);
        return matches.get(0);
    }

    /** What a series of polls delivered. */
    protected static final class Drained {
        final Map<MessageKey, InboundMessage> messages = new LinkedHashMap<>();
        final Set<MessageKey> duplicates = new HashSet<>();
        Optional<Checkpoint> last = Optional.empty();
        int polls;
        boolean sawHasMore;

        /** Every distinct message delivered, in delivery order. */
        public List<InboundMessage> messages() {
            return List.copyOf(messages.values());
        }

        /** The last checkpoint returned (or the one the drain started from). */
        public Optional<Checkpoint> lastCheckpoint() {
            return last;
        }
    }
}
