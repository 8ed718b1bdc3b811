package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.DeskFixture.ANNA;
import static org.socialcare.core.DeskFixture.BEN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;

/** The outbox never publishes a reply twice by its own doing, never marks the wrong entry sent, and never stalls. */
class OutboxDispatchSafetyTest {
    private static final String SAME_DM = "Hi, please send us the number we can call you on.";

    /** An outbox whose recording of a SENT status fails once (the database went away right after the publish). */
    private static final class FlakyOutbox implements Outbox {
        final AtomicBoolean failNextSent = new AtomicBoolean();
        private final Outbox delegate = new InMemoryOutbox();

        @Override
        public void update(Reply reply) {
            if (reply.isSent() && failNextSent.getAndSet(false)) {
                throw new IllegalStateException("connection reset while recording " + reply.id());
            }
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
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            if (reply.isSent() && failNextSent.getAndSet(false)) {
                throw new IllegalStateException("connection reset while recording " + reply.id());
            }
            return delegate.updateClaimed(claim, reply, leaseUntil);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            return delegate.claim(now, limit, lease);
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

    private final FlakyOutbox outbox = new FlakyOutbox();
    private final DeskFixture f = new DeskFixture(b -> b.storage(withOutbox(outbox))
            .settings(DeskSettings.ofDefaults()
                    .withMaxAttempts(3)
                    .withRetry(Duration.ofSeconds(10), Duration.ofMinutes(5))));
    private final CareDesk desk = f.desk;

    // ---------------------------------------------------------------- review #3: attempt recorded first

    @Test
    void theAttemptIsRecordedBeforeThePlatformIsCalled() {
        ConversationId id = answered(ANNA, "1", "Sorry Anna ^AB");
        List<Reply> seenDuringPublish = new ArrayList<>();
        DeskFixture g = new DeskFixture(
                b -> b.storage(desk.storage()).publisher(DeskFixture.TWITTER_CARE, new ChannelPublisher() {
                    @Override
                    public Platform platform() {
                        return Platform.TWITTER;
                    }

                    @Override
                    public Optional<String> publish(Channel channel, Reply reply) {
                        seenDuringPublish.add(
                                desk.storage().outbox().find(reply.id()).orElseThrow());
                        return Optional.of("7001");
                    }
                }));
        g.clock.set(f.clock.instant());
        assertThat(g.desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(seenDuringPublish).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.status()).isInstanceOfSatisfying(DeliveryStatus.Queued.class, q -> {
                assertThat(q.nextAttemptAt())
                        .isAfterOrEqualTo(f.clock.instant().plus(DeskSettings.DEFAULT_DISPATCH_LEASE));
                assertThat(q.lastError()).hasValueSatisfying(e -> assertThat(e).contains("attempt 1 started"));
            });
        });
        assertThat(desk.replies(id).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aPublishWhoseRecordingFailedIsRetriedAsPossiblyPublishedAndItsDuplicateCountsAsSent() {
        ConversationId id = answered(ANNA, "1", "Sorry Anna ^AB");
        outbox.failNextSent.set(true);
        desk.dispatchOutbox();
        assertThat(f.publisher.published).hasSize(1);
        Reply pending = desk.replies(id).get(0);
        assertThat(pending.isQueued()).isTrue();
        assertThat(pending.attempts()).isEqualTo(1); // a retry knows a publish may have happened

        f.advance(Duration.ofMinutes(10));
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.DUPLICATE, "Status is a duplicate", "187"));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).isSent()).isTrue();
        assertThat(f.publisher.published).hasSize(1);
    }

    @Test
    void duplicateOnAFirstAttemptFailsAskingTheAgentToRephrase() {
        ConversationId id = answered(ANNA, "1", "We know: card payments are failing ^AB");
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.DUPLICATE, "Status is a duplicate", "187"));
        DispatchResult d = desk.dispatchOutbox();
        assertThat(d.sent()).isZero();
        assertThat(d.failed()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).status())
                .isInstanceOfSatisfying(
                        DeliveryStatus.Failed.class,
                        s -> assertThat(s.reason()).contains("identical text").contains("rephrase"));
        assertThat(desk.history(id))
                .extracting(e -> e.action())
                .contains(AuditAction.REPLY_FAILED)
                .doesNotContain(AuditAction.REPLY_SENT);
    }

    @Test
    void duplicateAfterAnAttemptThatMayHaveGotThroughCountsAsSent() {
        ConversationId id = answered(ANNA, "1", "Sorry Anna ^AB");
        f.publisher.failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "read timed out", "timeout"));
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.DUPLICATE, "Status is a duplicate", "187"));
        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        f.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).status())
                .isInstanceOfSatisfying(
                        DeliveryStatus.Sent.class, s -> assertThat(s.attempts()).isEqualTo(2));
    }

    @Test
    void anEntryTakenOverWhileEarlierEntriesOfTheBatchWerePublishedIsLeftToItsNewOwner() {
        Reply toAnna = privateAnswer(ANNA, "1");
        Reply toBen = privateAnswer(BEN, "2");
        List<Reply> published = new ArrayList<>();
        DeskFixture g = new DeskFixture(
                b -> b.storage(desk.storage()).publisher(DeskFixture.TWITTER_CARE, new ChannelPublisher() {
                    @Override
                    public Platform platform() {
                        return Platform.TWITTER;
                    }

                    @Override
                    public Optional<String> publish(Channel channel, Reply reply) {
                        published.add(reply);
                        if (reply.id().equals(toAnna.id())) {
                            crashedWhilePublishing(
                                    toBen); // slow publish: the lease ran out and another desk started on Ben's entry
                        }
                        return Optional.of("70" + published.size());
                    }
                }));
        g.clock.set(f.clock.instant());
        DispatchResult d = g.desk.dispatchOutbox();
        assertThat(published).extracting(Reply::id).containsExactly(toAnna.id());
        assertThat(d.sent()).isEqualTo(1);
        assertThat(desk.storage().outbox().find(toBen.id()).orElseThrow().status())
                .isInstanceOfSatisfying(DeliveryStatus.Queued.class, q -> assertThat(q.attempts())
                        .isEqualTo(1));
    }

    // ---------------------------------------------------------------- review #1: echo reconciliation

    @Test
    void echoOfADmNobodyStartedPublishingMarksNoEntrySent() {
        Reply toAnna = privateAnswer(ANNA, "1");
        Reply toBen = privateAnswer(BEN, "2");
        // the same text reaches the account from elsewhere before the desk ever tried
        desk.ingest(Batch.of(List.of()).withOwnMessages(List.of(dmEcho("d-1"))));
        assertThat(desk.storage().outbox().find(toAnna.id()).orElseThrow().isQueued())
                .isTrue();
        assertThat(desk.storage().outbox().find(toBen.id()).orElseThrow().isQueued())
                .isTrue();

        assertThat(desk.dispatchOutbox().sent()).isEqualTo(2);
        assertThat(f.publisher.published)
                .extracting(r -> r.recipient().orElseThrow())
                .containsExactly(ANNA.platformUserId(), BEN.platformUserId());
    }

    @Test
    void echoReconcilesTheOneEntryWhosePublishStartedNotAnotherWithTheSameText() {
        Reply toAnna = privateAnswer(ANNA, "1");
        Reply toBen = privateAnswer(BEN, "2");
        crashedWhilePublishing(toBen); // the desk died after the platform accepted Ben's DM
        desk.ingest(Batch.of(List.of()).withOwnMessages(List.of(dmEcho("d-9"))));

        Reply ben = desk.storage().outbox().find(toBen.id()).orElseThrow();
        assertThat(ben.platformMessageId()).contains("d-9");
        assertThat(desk.storage().outbox().find(toAnna.id()).orElseThrow().isQueued())
                .isTrue();
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(f.publisher.published)
                .extracting(r -> r.recipient().orElseThrow())
                .containsExactly(ANNA.platformUserId());
    }

    @Test
    void echoMatchingSeveralEntriesInFlightIsAuditedAndNotGuessed() {
        Reply toAnna = privateAnswer(ANNA, "1");
        Reply toBen = privateAnswer(BEN, "2");
        crashedWhilePublishing(toAnna);
        crashedWhilePublishing(toBen);
        desk.ingest(Batch.of(List.of()).withOwnMessages(List.of(dmEcho("d-9"))));

        assertThat(desk.storage().outbox().find(toAnna.id()).orElseThrow().isQueued())
                .isTrue();
        assertThat(desk.storage().outbox().find(toBen.id()).orElseThrow().isQueued())
                .isTrue();
        assertThat(desk.storage().audit().recent(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ECHO_UNMATCHED);
            assertThat(e.detail())
                    .contains("2 replies")
                    .contains(toAnna.id().toString())
                    .contains(toBen.id().toString());
        });
        assertThat(desk.channel(DeskFixture.TWITTER_CARE).isActive()).isTrue();
    }

    // ---------------------------------------------------------------- review #5: poison entries

    @Test
    void anEntryForAChannelNoLongerConfiguredIsHeldThenFailedWithoutStallingTheOthers() {
        ConversationId id = answered(ANNA, "1", "Sorry Anna ^AB");
        Instant now = f.clock.instant();
        Reply orphan = Reply.queued(
                ReplyId.of("orphan"),
                id,
                ChannelId.of("retired-account"),
                ReplyKind.PUBLIC_REPLY,
                Optional.of("1"),
                Optional.empty(),
                "hello",
                Optional.empty(),
                now.minusSeconds(1));
        desk.storage().outbox().enqueue(orphan);

        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.held()).isEqualTo(1);
        assertThat(desk.storage().outbox().find(orphan.id()).orElseThrow().status())
                .isInstanceOfSatisfying(DeliveryStatus.Queued.class, q -> {
                    assertThat(q.attempts()).isEqualTo(1);
                    assertThat(q.nextAttemptAt()).isAfter(now);
                    assertThat(q.lastError()).hasValueSatisfying(e -> assertThat(e)
                            .contains("UnknownChannelException")
                            .contains("retired-account"));
                });
        for (int i = 0; i < 3; i++) {
            f.advance(Duration.ofMinutes(10));
            desk.dispatchOutbox();
        }
        assertThat(desk.storage().outbox().find(orphan.id()).orElseThrow().status())
                .isInstanceOfSatisfying(
                        DeliveryStatus.Failed.class, s -> assertThat(s.reason()).contains("gave up after 3 attempts"));
    }

    // ---------------------------------------------------------------- helpers

    private static CareStorage withOutbox(FlakyOutbox outbox) {
        CareStorage s = InMemoryStorage.create();
        return new CareStorage(
                s.conversations(), s.messages(), outbox, s.audit(), s.checkpoints(), s.deadLetters(), s.transactions());
    }

    private ConversationId answered(org.socialcare.core.domain.Party who, String tweetId, String text) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet(tweetId, who, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), text);
        return id;
    }

    private Reply privateAnswer(org.socialcare.core.domain.Party who, String dmId) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.dm(dmId, who, "my card was declined"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        return desk.sendPrivate(id, f.alice.id(), SAME_DM);
    }

    /** What a desk that died mid-publish leaves behind: the attempt recorded, the outcome not. */
    private void crashedWhilePublishing(Reply r) {
        Instant now = f.clock.instant();
        desk.storage()
                .outbox()
                .update(r.withStatus(new DeliveryStatus.Queued(
                        1,
                        now.plus(Duration.ofMinutes(2)),
                        Optional.of("publish attempt 1 started at " + now + "; outcome not recorded yet"))));
    }

    private OwnMessage dmEcho(String id) {
        return new OwnMessage(
                MessageKey.of(Platform.TWITTER, id),
                DeskFixture.TWITTER_CARE,
                SAME_DM,
                Visibility.PRIVATE,
                Optional.empty(),
                f.clock.instant(),
                Optional.of("care desk"));
    }
}
