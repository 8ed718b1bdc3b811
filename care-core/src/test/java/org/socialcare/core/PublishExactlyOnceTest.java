package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.core.port.out.PublishedLookup;

/** Issue 12: a storage blip is not an attempt, and an ambiguous publish is looked up before it is sent again. */
class PublishExactlyOnceTest {

    /** An outbox whose recording of an attempt fails {@code blips} times (the database went away for a moment). */
    private static final class BlippingOutbox implements Outbox {
        final AtomicInteger blips = new AtomicInteger();
        private final Outbox delegate = new InMemoryOutbox();

        @Override
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            if (leaseUntil.isPresent() && blips.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("connection reset while recording the attempt of " + reply.id());
            }
            return delegate.updateClaimed(claim, reply, leaseUntil);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            return delegate.claim(now, limit, lease);
        }

        @Override
        public void update(Reply reply) {
            delegate.update(reply);
        }

        @Override
        public Counts count(ChannelId channel) {
            return delegate.count(channel);
        }

        @Override
        public void enqueue(Reply reply) {
            delegate.enqueue(reply);
        }

        @Override
        public Optional<Reply> find(ReplyId id) {
            return delegate.find(id);
        }

        @Override
        public List<Reply> findByConversation(ConversationId conversation) {
            return delegate.findByConversation(conversation);
        }

        @Override
        public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
            return delegate.findByPlatformMessageId(channel, platformMessageId);
        }

        @Override
        public List<Reply> queued(ChannelId channel) {
            return delegate.queued(channel);
        }
    }

    /**
     * Accepts the first publish but loses the answer (UNKNOWN, as a read timeout after sending would), then answers
     * lookups from what it really published, as a platform listing the account's own replies would.
     */
    private static final class LosingAnswerPublisher implements ChannelPublisher {
        final List<Reply> published = new ArrayList<>();
        final boolean canLookUp;
        int lookups;

        LosingAnswerPublisher(boolean canLookUp) {
            this.canLookUp = canLookUp;
        }

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public synchronized Optional<String> publish(Channel channel, Reply reply) {
            published.add(reply);
            if (published.size() == 1) {
                throw PlatformException.of(PlatformException.Kind.UNKNOWN, "read timed out after sending", null);
            }
            return Optional.of("80" + published.size());
        }

        @Override
        public synchronized PublishedLookup findPublished(Channel channel, Reply reply) {
            lookups++;
            if (!canLookUp) {
                return PublishedLookup.cannotTell();
            }
            return published.stream().anyMatch(p -> p.id().equals(reply.id()))
                    ? PublishedLookup.found("801")
                    : PublishedLookup.notFound();
        }
    }

    @Test
    void storageBlipsWhileRecordingAnAttemptAreNotAttempts() {
        BlippingOutbox outbox = new BlippingOutbox();
        DeskFixture f = new DeskFixture(b ->
                b.storage(withOutbox(outbox)).settings(DeskSettings.ofDefaults().withMaxAttempts(3)));
        ConversationId id = answered(f);
        outbox.blips.set(5);

        for (int i = 0; i < 5; i++) {
            f.desk.dispatchOutbox();
            f.advance(DeskSettings.DEFAULT_DISPATCH_LEASE.plusSeconds(1));
        }
        Reply stillQueued = f.desk.replies(id).get(0);
        assertThat(stillQueued.isQueued())
                .as("five blips with three attempts allowed")
                .isTrue();
        assertThat(stillQueued.attempts()).isZero();
        assertThat(f.publisher.published).isEmpty();

        assertThat(f.desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(f.publisher.published).hasSize(1);
        assertThat(f.desk.replies(id).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void anAmbiguousPublishIsLookedUpAndMarkedSentInsteadOfSentAgain() {
        LosingAnswerPublisher platform = new LosingAnswerPublisher(true);
        DeskFixture f = new DeskFixture(b -> b.publisher(DeskFixture.TWITTER_CARE, platform));
        ConversationId id = answered(f);

        f.desk.dispatchOutbox();
        Reply held = f.desk.replies(id).get(0);
        assertThat(held.isQueued()).isTrue();
        f.advance(Duration.ofHours(1));
        f.desk.dispatchOutbox();

        assertThat(platform.published).as("publish calls").hasSize(1);
        assertThat(platform.lookups).isEqualTo(1);
        assertThat(f.desk.replies(id).get(0).status())
                .isInstanceOfSatisfying(DeliveryStatus.Sent.class, s -> assertThat(s.platformMessageId())
                        .contains("801"));
    }

    @Test
    void aPublisherThatCannotLookUpIsAskedAndTheReplySentAgain() {
        LosingAnswerPublisher platform = new LosingAnswerPublisher(false);
        DeskFixture f = new DeskFixture(b -> b.publisher(DeskFixture.TWITTER_CARE, platform));
        ConversationId id = answered(f);

        f.desk.dispatchOutbox();
        f.advance(Duration.ofHours(1));
        f.desk.dispatchOutbox();

        assertThat(platform.lookups).isEqualTo(1);
        assertThat(platform.published)
                .as("at least once when the platform cannot tell")
                .hasSize(2);
        assertThat(f.desk.replies(id).get(0).isSent()).isTrue();
    }

    private static ConversationId answered(DeskFixture f) {
        ConversationId id = f.desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        f.desk.claim(id, f.alice.id());
        f.desk.reply(id, f.alice.id(), "Sorry Anna ^AB");
        return id;
    }

    private static CareStorage withOutbox(Outbox outbox) {
        CareStorage s = InMemoryStorage.create();
        return new CareStorage(
                s.conversations(), s.messages(), outbox, s.audit(), s.checkpoints(), s.deadLetters(), s.transactions());
    }
}
