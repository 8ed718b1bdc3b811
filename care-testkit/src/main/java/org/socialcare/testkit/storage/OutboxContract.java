package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.testkit.TestData.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.testkit.TestData;

/**
 * Contract of an {@link Outbox}.
 *
 * <p>Checks: an enqueued entry is found with every field intact (public and private kinds, with and without
 * author, unicode text, microsecond instants); a second entry with the same id is rejected (any runtime
 * exception) and the first stays; {@code claimDue} hands out only QUEUED entries whose next attempt is due,
 * oldest due first, at most {@code limit}; a leased entry is not handed out again before its lease ends
 * unless {@code update} ends the lease; threads claiming at the same time never get the same entry and
 * together get every entry once; {@code update} to SENT or FAILED round-trips status, attempts, platform id
 * and reason and takes the entry out of the queue; {@code findByPlatformMessageId} matches only on the same
 * channel; {@code queued(channel)} and {@code findByConversation} are oldest first (by creation); {@code count(channel)}
 * tells the channel's QUEUED entries without an error (pending) from those with one (held) and counts FAILED ones,
 * never SENT ones or another channel's; {@code oldestQueued(channel)} is the first of {@code queued(channel)}; {@code failed}
 * pages the FAILED entries of every channel in enqueue order after a cursor, and a retried entry leaves it.
 *
 * <p>Fencing (issue 12): a claim's {@code updateClaimed} writes while the claim is current and can keep the lease
 * (the entry is not claimed again before the new lease ends); once the lease ran out and the entry was claimed
 * again, or once anyone wrote it with {@code update}, the old claim's {@code updateClaimed} returns false and
 * changes nothing; the new claim still writes.
 *
 * <p>The subclass provides {@link #createOutbox()}: a fresh, empty outbox, called before each test. Calls are
 * made outside any transaction: each must then commit on its own.
 */
public abstract class OutboxContract {
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** The outbox under test, fresh for each test. */
    protected Outbox outbox;

    /** A fresh, empty outbox. */
    protected abstract Outbox createOutbox();

    @BeforeEach
    void createOutboxUnderTest() {
        outbox = createOutbox();
    }

    @Test
    void enqueuedEntriesAreFoundWithEveryField() {
        Reply publicReply = TestData.publicReply(0);
        Reply privateMessage =
                TestData.privateMessage(TestData.FACEBOOK_PAGE, TestData.conversationId(), at(1).plusNanos(5_000));
        Reply retried = TestData.publicReply(2)
                .withStatus(
                        new DeliveryStatus.Queued(3, at(9).plusNanos(123_000), Optional.of("TRANSIENT: 503 \u00e9")));

        outbox.enqueue(publicReply);
        outbox.enqueue(privateMessage);
        outbox.enqueue(retried);

        assertThat(outbox.find(publicReply.id())).contains(publicReply);
        assertThat(outbox.find(privateMessage.id())).contains(privateMessage);
        assertThat(outbox.find(retried.id())).contains(retried);
        assertThat(outbox.find(ReplyId.of("no-such-reply"))).isEmpty();
    }

    @Test
    void everyReplyKindRoundTrips() {
        ConversationId conversation = TestData.conversationId();
        List<Reply> replies = new ArrayList<>();
        int minute = 0;
        for (ReplyKind kind : ReplyKind.values()) {
            Reply r = Reply.queued(
                    TestData.replyId(),
                    conversation,
                    TestData.FACEBOOK_PAGE.id(),
                    kind,
                    kind == ReplyKind.PRIVATE_MESSAGE ? Optional.empty() : Optional.of("12345_678" + minute),
                    kind == ReplyKind.PRIVATE_MESSAGE ? Optional.of("psid-" + minute) : Optional.empty(),
                    kind.carriesText() ? "text for " + kind : "",
                    Optional.empty(),
                    at(minute++));
            replies.add(r);
            outbox.enqueue(r);
        }

        for (Reply r : replies) {
            assertThat(outbox.find(r.id())).contains(r);
        }
        assertThat(outbox.findByConversation(conversation)).containsExactlyElementsOf(replies);
    }

    @Test
    void duplicateIdIsRejectedAndTheFirstEntryStays() {
        Reply first = TestData.publicReply(0);
        outbox.enqueue(first);
        Reply sameId = new Reply(
                first.id(),
                TestData.conversationId(),
                first.channel(),
                ReplyKind.PUBLIC_REPLY,
                first.target(),
                Optional.empty(),
                "another text",
                Optional.empty(),
                at(5),
                first.status());

        assertThatThrownBy(() -> outbox.enqueue(sameId)).isInstanceOf(RuntimeException.class);

        assertThat(outbox.find(first.id())).contains(first);
        assertThat(outbox.findByConversation(sameId.conversation())).isEmpty();
    }

    @Test
    void claimDueHandsOutOnlyDueQueuedEntriesOldestDueFirst() {
        Instant now = at(60);
        Reply dueLate = TestData.publicReply(50);
        Reply dueEarly = TestData.publicReply(10);
        Reply dueExactlyNow = TestData.publicReply(60);
        Reply notYet = TestData.publicReply(60)
                .withStatus(new DeliveryStatus.Queued(1, now.plusNanos(1_000), Optional.of("backoff")));
        Reply sent = TestData.publicReply(5).withStatus(new DeliveryStatus.Sent(Optional.of("p1"), at(6), 1));
        Reply failed = TestData.publicReply(5)
                .withStatus(new DeliveryStatus.Failed("PERMISSION (platform code 200)", at(6), 1));
        Reply retryDue =
                TestData.publicReply(1).withStatus(new DeliveryStatus.Queued(2, at(30), Optional.of("TRANSIENT")));
        for (Reply r : List.of(dueLate, notYet, sent, dueExactlyNow, failed, dueEarly, retryDue)) {
            outbox.enqueue(r);
        }

        List<Reply> claimed = outbox.claimDue(now, 10, LEASE);

        assertThat(claimed.stream().map(Reply::id))
                .containsExactly(dueEarly.id(), retryDue.id(), dueLate.id(), dueExactlyNow.id());
        assertThat(claimed).contains(retryDue);
    }

    @Test
    void claimDueRespectsTheLimit() {
        Reply a = TestData.publicReply(1);
        Reply b = TestData.publicReply(2);
        Reply c = TestData.publicReply(3);
        for (Reply r : List.of(c, a, b)) {
            outbox.enqueue(r);
        }

        assertThat(outbox.claimDue(at(10), 2, LEASE).stream().map(Reply::id)).containsExactly(a.id(), b.id());
        assertThat(outbox.claimDue(at(10), 2, LEASE).stream().map(Reply::id)).containsExactly(c.id());
        assertThat(outbox.claimDue(at(10), 2, LEASE)).isEmpty();
    }

    @Test
    void leasedEntryIsNotHandedOutAgainBeforeTheLeaseEnds() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        Instant now = at(1);

        assertThat(outbox.claimDue(now, 10, LEASE)).hasSize(1);

        assertThat(outbox.claimDue(now, 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(now.plus(LEASE).minusSeconds(1), 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(now.plus(LEASE).plusSeconds(1), 10, LEASE).stream()
                        .map(Reply::id))
                .containsExactly(r.id());
        assertThat(outbox.find(r.id()))
                .as("a lease changes no field of the entry")
                .contains(r);
    }

    @Test
    void updateEndsTheLease() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        Instant now = at(1);
        Reply claimed = outbox.claimDue(now, 10, LEASE).get(0);

        Reply retry = claimed.withStatus(new DeliveryStatus.Queued(1, now, Optional.of("TRANSIENT: timeout")));
        outbox.update(retry);

        assertThat(outbox.claimDue(now, 10, LEASE)).containsExactly(retry);
    }

    @Test
    void aCurrentClaimWritesAndCanKeepItsLeaseOverThePublishCall() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        Instant now = at(1);
        OutboxClaim claim = outbox.claim(now, 10, LEASE).get(0);
        Instant attemptLease = now.plus(LEASE).plusSeconds(60);
        Reply started = r.withStatus(new DeliveryStatus.Queued(1, attemptLease, Optional.of("attempt 1 started")));

        assertThat(outbox.updateClaimed(claim, started, Optional.of(attemptLease)))
                .isTrue();

        assertThat(outbox.find(r.id())).contains(started);
        assertThat(outbox.claim(now.plus(LEASE).plusSeconds(30), 10, LEASE))
                .as("the attempt's lease still holds after the claim's lease would have run out")
                .isEmpty();
        Reply sent = started.withStatus(new DeliveryStatus.Sent(Optional.of("1790000000000000077"), at(2), 1));
        assertThat(outbox.updateClaimed(claim.with(started), sent, Optional.empty()))
                .isTrue();
        assertThat(outbox.find(r.id())).contains(sent);
    }

    @Test
    void aClaimTakenOverAfterItsLeaseRanOutWritesNothing() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        OutboxClaim first = outbox.claim(at(1), 10, LEASE).get(0);
        OutboxClaim second =
                outbox.claim(at(1).plus(LEASE).plusSeconds(1), 10, LEASE).get(0);
        assertThat(second.reply().id()).isEqualTo(r.id());

        Reply lateAttempt = r.withStatus(new DeliveryStatus.Queued(1, at(500), Optional.of("attempt 1 started")));
        assertThat(outbox.updateClaimed(first, lateAttempt, Optional.of(at(500))))
                .as("the first desk's claim was taken over")
                .isFalse();
        assertThat(outbox.updateClaimed(
                        first, r.withStatus(new DeliveryStatus.Sent(Optional.of("1"), at(2), 1)), Optional.empty()))
                .isFalse();
        assertThat(outbox.find(r.id())).contains(r);

        Reply sent = r.withStatus(new DeliveryStatus.Sent(Optional.of("1790000000000000078"), at(40), 1));
        assertThat(outbox.updateClaimed(second, sent, Optional.empty())).isTrue();
        assertThat(outbox.find(r.id())).contains(sent);
    }

    @Test
    void anUnfencedUpdateInvalidatesEveryOutstandingClaim() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        OutboxClaim claim = outbox.claim(at(1), 10, LEASE).get(0);
        Reply echoed = r.withStatus(new DeliveryStatus.Sent(Optional.of("1790000000000000079"), at(2), 1));
        outbox.update(echoed);

        Reply held = r.withStatus(new DeliveryStatus.Queued(1, at(60), Optional.of("TRANSIENT: timeout")));
        assertThat(outbox.updateClaimed(claim, held, Optional.empty())).isFalse();
        assertThat(outbox.find(r.id())).contains(echoed);
    }

    @Test
    void updateToSentRoundTripsAndLeavesTheQueue() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        Reply claimed = outbox.claimDue(at(1), 10, LEASE).get(0);
        Reply sent = claimed.withStatus(
                new DeliveryStatus.Sent(Optional.of("1790000000000000042"), at(1).plusNanos(77_000), 2));

        outbox.update(sent);

        assertThat(outbox.find(r.id())).contains(sent);
        assertThat(outbox.find(r.id()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(outbox.find(r.id()).orElseThrow().platformMessageId()).contains("1790000000000000042");
        assertThat(outbox.claimDue(at(1000), 10, LEASE)).isEmpty();
        assertThat(outbox.queued(r.channel())).isEmpty();
    }

    @Test
    void sentWithoutPlatformIdRoundTrips() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        Reply duplicate = r.withStatus(new DeliveryStatus.Sent(Optional.empty(), at(2), 1));

        outbox.update(duplicate);

        assertThat(outbox.find(r.id())).contains(duplicate);
    }

    @Test
    void updateToFailedRoundTripsTheReason() {
        Reply r = TestData.privateMessage(TestData.FACEBOOK_PAGE, TestData.conversationId(), at(0));
        outbox.enqueue(r);
        Reply failed = r.withStatus(new DeliveryStatus.Failed(
                "OUTSIDE_WINDOW (platform code 10): 24 h window closed \u00e9", at(3).plusNanos(3_000), 5));

        outbox.update(failed);

        assertThat(outbox.find(r.id())).contains(failed);
        assertThat(outbox.find(r.id()).orElseThrow().status())
                .isInstanceOfSatisfying(DeliveryStatus.Failed.class, f -> {
                    assertThat(f.reason()).isEqualTo("OUTSIDE_WINDOW (platform code 10): 24 h window closed \u00e9");
                    assertThat(f.attempts()).isEqualTo(5);
                });
        assertThat(outbox.claimDue(at(1000), 10, LEASE)).isEmpty();
    }

    @Test
    void concurrentClaimsNeverHandOneEntryToTwoCallers() {
        int entries = 40;
        for (int i = 0; i < entries; i++) {
            outbox.enqueue(TestData.publicReply(i));
        }
        Instant now = at(1000);

        List<Concurrently.Outcome<List<ReplyId>>> outcomes = Concurrently.run(8, t -> () -> {
            List<ReplyId> mine = new ArrayList<>();
            for (int round = 0; round < 100; round++) {
                List<Reply> claimed = outbox.claimDue(now, 3, Duration.ofMinutes(5));
                if (claimed.isEmpty()) {
                    break;
                }
                claimed.forEach(r -> mine.add(r.id()));
            }
            return mine;
        });

        List<ReplyId> all = new ArrayList<>();
        for (Concurrently.Outcome<List<ReplyId>> o : outcomes) {
            assertThat(o.error()).as("error of a claiming thread").isNull();
            all.addAll(o.value());
        }
        assertThat(all).as("entries handed out").doesNotHaveDuplicates();
        assertThat(all).as("entries handed out").hasSize(entries);
    }

    @Test
    void findByPlatformMessageIdMatchesOnlyOnTheSameChannel() {
        Reply r = TestData.publicReply(0);
        outbox.enqueue(r);
        outbox.update(r.withStatus(new DeliveryStatus.Sent(Optional.of("post-77"), at(1), 1)));
        Reply other = TestData.publicReply(1);
        outbox.enqueue(other);

        assertThat(outbox.findByPlatformMessageId(r.channel(), "post-77").map(Reply::id))
                .contains(r.id());
        assertThat(outbox.findByPlatformMessageId(TestData.FACEBOOK_PAGE.id(), "post-77"))
                .isEmpty();
        assertThat(outbox.findByPlatformMessageId(r.channel(), "post-78")).isEmpty();
    }

    @Test
    void queuedListsTheChannelsQueuedEntriesOldestFirst() {
        Reply second = TestData.publicReply(20);
        Reply first = TestData.publicReply(10);
        Reply held = TestData.publicReply(15)
                .withStatus(new DeliveryStatus.Queued(0, at(15), Optional.of("channel paused")));
        Reply sent = TestData.publicReply(5);
        Reply otherChannel = TestData.privateMessage(TestData.FACEBOOK_PAGE, TestData.conversationId(), at(1));
        for (Reply r : List.of(second, sent, otherChannel, first, held)) {
            outbox.enqueue(r);
        }
        outbox.update(sent.withStatus(new DeliveryStatus.Sent(Optional.of("x"), at(6), 1)));

        assertThat(outbox.queued(TestData.TWITTER_CARE.id()).stream().map(Reply::id))
                .containsExactly(first.id(), held.id(), second.id());
        assertThat(outbox.queued(TestData.FACEBOOK_PAGE.id())).containsExactly(otherChannel);
        assertThat(outbox.queued(ChannelId.of("nothing-here"))).isEmpty();
        assertThat(outbox.oldestQueued(TestData.TWITTER_CARE.id()).map(Reply::id))
                .as("the oldest queued, for the outbox lag (the sent one is older)")
                .contains(first.id());
        assertThat(outbox.oldestQueued(TestData.FACEBOOK_PAGE.id())).contains(otherChannel);
        assertThat(outbox.oldestQueued(ChannelId.of("nothing-here"))).isEmpty();
    }

    @Test
    void findByConversationIsOldestFirst() {
        ConversationId conversation = TestData.conversationId();
        Reply late = TestData.publicReply(conversation, at(30));
        Reply early = TestData.publicReply(conversation, at(10));
        Reply middle = TestData.privateMessage(TestData.TWITTER_CARE, conversation, at(20));
        Reply elsewhere = TestData.publicReply(15);
        for (Reply r : List.of(late, elsewhere, early, middle)) {
            outbox.enqueue(r);
        }

        assertThat(outbox.findByConversation(conversation)).containsExactly(early, middle, late);
        assertThat(outbox.findByConversation(TestData.conversationId())).isEmpty();
    }

    @Test
    void failedEntriesOfEveryChannelArePagedInEnqueueOrderAndLeaveWhenRetried() {
        List<Reply> failed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Reply r = i % 2 == 0
                    ? TestData.publicReply(40 - i)
                    : TestData.privateMessage(TestData.FACEBOOK_PAGE, TestData.conversationId(), at(40 - i));
            outbox.enqueue(r);
            outbox.enqueue(TestData.publicReply(50 + i)); // QUEUED: never listed
            Reply gaveUp = r.withStatus(new DeliveryStatus.Failed("PERMISSION: app lacks write " + i, at(60), 3));
            outbox.update(gaveUp);
            failed.add(gaveUp);
        }

        List<Reply> first = outbox.failed(Optional.empty(), 2);
        List<Reply> second = outbox.failed(Optional.of(first.get(1).id()), 2);
        List<Reply> third = outbox.failed(Optional.of(second.get(1).id()), 2);

        assertThat(first).containsExactly(failed.get(0), failed.get(1));
        assertThat(second).containsExactly(failed.get(2), failed.get(3));
        assertThat(third).containsExactly(failed.get(4));
        assertThat(outbox.failed(Optional.of(failed.get(4).id()), 2)).isEmpty();

        outbox.update(failed.get(1).withStatus(new DeliveryStatus.Queued(0, at(61), Optional.of("retried"))));
        assertThat(outbox.failed(Optional.empty(), 10))
                .extracting(Reply::id)
                .containsExactly(
                        failed.get(0).id(),
                        failed.get(2).id(),
                        failed.get(3).id(),
                        failed.get(4).id());
    }

    @Test
    void readsNeverReturnNull() {
        assertThat(outbox.find(ReplyId.of("x"))).isEmpty();
        assertThat(outbox.findByConversation(ConversationId.of("x"))).isEmpty();
        assertThat(outbox.findByPlatformMessageId(ChannelId.of("x"), "x")).isEmpty();
        assertThat(outbox.queued(ChannelId.of("x"))).isEmpty();
        assertThat(outbox.claimDue(at(0), 5, LEASE)).isEmpty();
        assertThat(outbox.failed(Optional.empty(), 5)).isEmpty();
    }

    @Test
    void countsPendingHeldAndFailedEntriesPerChannel() {
        ChannelId twitter = TestData.TWITTER_CARE.id();
        Reply waiting = TestData.publicReply(0);
        Reply held = TestData.publicReply(1);
        Reply failed = TestData.publicReply(2);
        Reply sent = TestData.publicReply(3);
        Reply elsewhere = TestData.privateMessage(TestData.FACEBOOK_PAGE, TestData.conversationId(), at(4));
        List.of(waiting, held, failed, sent, elsewhere).forEach(outbox::enqueue);
        outbox.update(held.withStatus(new DeliveryStatus.Queued(1, at(9), Optional.of("RATE_LIMITED until 09:09"))));
        outbox.update(failed.withStatus(new DeliveryStatus.Failed("PERMISSION", at(5), 1)));
        outbox.update(sent.withStatus(new DeliveryStatus.Sent(Optional.of("555"), at(5), 1)));

        assertThat(outbox.count(twitter)).isEqualTo(new Outbox.Counts(1, 1, 1));
        assertThat(outbox.count(TestData.FACEBOOK_PAGE.id())).isEqualTo(new Outbox.Counts(1, 0, 0));
        assertThat(outbox.count(ChannelId.of("nowhere"))).isEqualTo(new Outbox.Counts(0, 0, 0));

        outbox.update(held.withStatus(new DeliveryStatus.Failed("gave up", at(10), 2)));
        assertThat(outbox.count(twitter)).isEqualTo(new Outbox.Counts(1, 0, 2));
    }
}
