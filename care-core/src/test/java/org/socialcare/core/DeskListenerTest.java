package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.DeskFixture.ANNA;
import static org.socialcare.core.DeskFixture.BEN;
import static org.socialcare.core.DeskFixture.CARE;
import static org.socialcare.core.DeskFixture.TWITTER_CARE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelSource;

class DeskListenerTest {
    private final List<DeskEvent> events = new CopyOnWriteArrayList<>();
    private final List<DeskEvent> second = new CopyOnWriteArrayList<>();
    private final DeskFixture f = new DeskFixture(b -> b.listener(e -> {
                throw new IllegalStateException("a broken listener");
            })
            .listener(events::add)
            .listener(second::add)
            .escalation(EscalationPolicy.parse("rule forgotten when unanswered 2h then notify")));
    private final CareDesk desk = f.desk;

    @Test
    void reportsAConversationsDayWithItsTimings() {
        Instant opened = f.clock.instant();
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "my card was charged twice, terrible"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        f.advance(Duration.ofMinutes(4));
        desk.reply(id, f.alice.id(), "So sorry, Anna. Looking now ^AB");
        f.advance(Duration.ofSeconds(90));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        f.advance(Duration.ofMinutes(10));
        desk.resolve(id, f.alice.id());

        Category category = desk.conversation(id).orElseThrow().category();
        assertThat(events)
                .containsExactly(
                        new DeskEvent.MessageIngested(opened, TWITTER_CARE, category, id),
                        new DeskEvent.FirstResponse(
                                opened.plusSeconds(240), TWITTER_CARE, Optional.of(CARE), id, Duration.ofMinutes(4)),
                        new DeskEvent.ReplyPublished(
                                opened.plusSeconds(330),
                                TWITTER_CARE,
                                ReplyKind.PUBLIC_REPLY,
                                desk.replies(id).get(0).id(),
                                Duration.ofSeconds(90)),
                        new DeskEvent.ConversationResolved(
                                opened.plusSeconds(930), TWITTER_CARE, Optional.of(CARE), id, Duration.ofSeconds(930)));
    }

    @Test
    void aThrowingListenerNeitherBreaksTheDeskNorKeepsTheEventFromTheOthers() {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "hello"))))
                .touched()
                .get(0);

        assertThat(desk.conversation(id)).isPresent();
        assertThat(events).hasSize(1).first().isInstanceOf(DeskEvent.MessageIngested.class);
        assertThat(second).isEqualTo(events);
    }

    @Test
    void onlyTheFirstAgentReplyIsAFirstResponse() {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "hello"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), "Hi Anna ^AB");
        desk.sendPrivate(id, f.alice.id(), "Could you send us your details? ^AB");

        assertThat(events).filteredOn(DeskEvent.FirstResponse.class::isInstance).hasSize(1);
    }

    @Test
    void reportsHeldAndFailedRepliesOncePerReason() {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "hello"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), "Hi Anna ^AB");
        desk.pauseChannel(TWITTER_CARE, "suspected hijack", "supervisor-1");
        desk.dispatchOutbox();
        desk.dispatchOutbox(); // held again for the same reason: not reported again
        desk.resumeChannel(TWITTER_CARE, "supervisor-1");
        f.publisher.failures.add(PlatformException.of(PlatformException.Kind.PERMISSION, "not allowed", "403"));
        desk.dispatchOutbox();

        assertThat(events)
                .filteredOn(e -> !(e instanceof DeskEvent.MessageIngested) && !(e instanceof DeskEvent.FirstResponse))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ChannelPaused", "ReplyHeld", "ReplyFailed");
        assertThat(events)
                .filteredOn(DeskEvent.ChannelPaused.class::isInstance)
                .containsExactly(new DeskEvent.ChannelPaused(f.clock.instant(), TWITTER_CARE, "supervisor-1"));
    }

    @Test
    void reportsDeadLettersByReasonKind() {
        InboundMessage foreign = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "7"), ChannelId.of("nowhere"), BEN)
                .text("hi")
                .createdAt(f.clock.instant())
                .build();
        desk.ingest(Batch.of(List.of(foreign))
                .withRejected(List.of(new RejectedPayload("twitter:askbank:mentions", "{bad", "not JSON"))));

        assertThat(events)
                .containsExactly(
                        new DeskEvent.DeadLettered(
                                f.clock.instant(),
                                "twitter:askbank:mentions",
                                DeskEvent.DeadLetterReason.REJECTED_PAYLOAD),
                        new DeskEvent.DeadLettered(
                                f.clock.instant(), "twitter:nowhere", DeskEvent.DeadLetterReason.UNKNOWN_CHANNEL));
    }

    @Test
    void reportsAPollWithTheAgeOfItsOldestMessage() {
        InboundMessage old = f.tweet("1", ANNA, "hello");
        f.advance(Duration.ofSeconds(20));
        InboundMessage newer = f.tweet("2", BEN, "hi there");
        f.advance(Duration.ofSeconds(45));
        desk.poll(source(Batch.of(List.of(newer, old))));
        desk.poll(source(Batch.empty()));

        assertThat(events)
                .filteredOn(DeskEvent.PollCompleted.class::isInstance)
                .containsExactly(
                        new DeskEvent.PollCompleted(
                                f.clock.instant(), "twitter:care:mentions", TWITTER_CARE, 2, Duration.ofSeconds(65)),
                        new DeskEvent.PollCompleted(
                                f.clock.instant(), "twitter:care:mentions", TWITTER_CARE, 0, Duration.ZERO));
    }

    @Test
    void reportsAnEscalationRuleFiringWithItsRule() {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "hello"))))
                .touched()
                .get(0);
        f.advance(Duration.ofHours(3));
        desk.sweep();

        assertThat(events)
                .filteredOn(DeskEvent.EscalationFired.class::isInstance)
                .containsExactly(new DeskEvent.EscalationFired(f.clock.instant(), TWITTER_CARE, "forgotten", id));
    }

    private static ChannelSource source(Batch batch) {
        return new ChannelSource() {
            @Override
            public String sourceId() {
                return "twitter:care:mentions";
            }

            @Override
            public ChannelId channel() {
                return TWITTER_CARE;
            }

            @Override
            public Batch poll(Optional<Checkpoint> since) {
                return batch;
            }
        };
    }
}
