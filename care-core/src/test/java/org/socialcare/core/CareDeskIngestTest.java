package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.DeskFixture.ANNA;
import static org.socialcare.core.DeskFixture.BEN;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.in.IngestResult;

class CareDeskIngestTest {
    private final DeskFixture f = new DeskFixture();
    private final CareDesk desk = f.desk;

    @Test
    void firstMessageOpensAConversationInTheChannelsTeamQueue() {
        IngestResult r = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))));
        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.opened()).isEqualTo(1);
        Conversation c = desk.conversation(r.touched().get(0)).orElseThrow();
        assertThat(c.state()).isEqualTo(ConversationState.NEW);
        assertThat(c.team()).contains(DeskFixture.CARE);
        // the stored checkpoint is the at-risk instant (75% of the wall-clock target): the sweep's next look
        assertThat(c.responseDueAt())
                .contains(f.clock
                        .instant()
                        .plus(DeskSettings.DEFAULT_FIRST_RESPONSE_TARGET
                                .multipliedBy(3)
                                .dividedBy(4)));
        assertThat(desk.queue(DeskFixture.CARE, 10))
                .extracting(Conversation::id)
                .containsExactly(c.id());
        assertThat(desk.history(c.id()))
                .extracting(e -> e.action())
                .containsExactly(AuditAction.CONVERSATION_OPENED, AuditAction.MESSAGE_RECEIVED, AuditAction.TRIAGED);
    }

    @Test
    void replayedBatchIsStoredOnce() {
        Batch batch = Batch.of(List.of(f.tweet("1", ANNA, "hello"), f.tweet("2", BEN, "hi")));
        desk.ingest(batch);
        IngestResult again = desk.ingest(batch);
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(desk.queue(DeskFixture.CARE, 10)).hasSize(2);
    }

    @Test
    void duplicateInsideOneBatchIsStoredOnce() {
        InboundMessage m = f.tweet("1", ANNA, "hello");
        IngestResult r = desk.ingest(Batch.of(List.of(m, m)));
        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
    }

    @Test
    void customerReplyToTheBanksReplyJoinsItsThread() {
        ConversationId id = openAndAnswer("1");
        String bankTweet = desk.replies(id).get(0).platformMessageId().orElseThrow();
        f.advance(Duration.ofMinutes(5));
        IngestResult r = desk.ingest(Batch.of(List.of(f.replyTweet("3", ANNA, "thanks, DMing you", bankTweet))));
        assertThat(r.touched()).containsExactly(id);
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
        assertThat(desk.messages(id)).hasSize(3);
    }

    @Test
    void privateMessageFromCustomerWithRecentPublicConversationJoinsIt() {
        ConversationId id = openAndAnswer("1");
        f.advance(Duration.ofHours(2));
        IngestResult r = desk.ingest(Batch.of(List.of(f.dm("dm-1", ANNA, "my number is 07700 900123"))));
        assertThat(r.touched()).containsExactly(id);
        Conversation c = desk.conversation(id).orElseThrow();
        assertThat(c.hasPublicLeg()).isTrue();
        assertThat(c.hasPrivateLeg()).isTrue();
        assertThat(c.state()).isEqualTo(ConversationState.OPEN);
    }

    @Test
    void privateMessageLongAfterThePublicConversationStartsANewOne() {
        desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "hello"))));
        f.advance(DeskSettings.DEFAULT_PRIVATE_JOIN_WINDOW.plusMinutes(1));
        IngestResult r = desk.ingest(Batch.of(List.of(f.dm("dm-1", ANNA, "different matter"))));
        assertThat(r.opened()).isEqualTo(1);
    }

    @Test
    void secondTweetOfACustomerWithAnActiveConversationJoinsIt() {
        IngestResult first = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "card declined"))));
        f.advance(Duration.ofMinutes(3));
        IngestResult second = desk.ingest(Batch.of(List.of(f.tweet("2", ANNA, "still declined!!"))));
        assertThat(second.touched()).isEqualTo(first.touched());
        assertThat(desk.conversation(first.touched().get(0)).orElseThrow().customerMessageCount())
                .isEqualTo(2);
    }

    @Test
    void someoneElseReplyingInTheThreadGetsTheirOwnConversation() {
        ConversationId id = openAndAnswer("1");
        String bankTweet = desk.replies(id).get(0).platformMessageId().orElseThrow();
        IngestResult r = desk.ingest(Batch.of(List.of(f.replyTweet("3", BEN, "same here!", bankTweet))));
        assertThat(r.opened()).isEqualTo(1);
        assertThat(r.touched()).doesNotContain(id);
    }

    @Test
    void otherCustomersGetTheirOwnConversations() {
        IngestResult r = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "a"), f.tweet("2", BEN, "b"))));
        assertThat(r.opened()).isEqualTo(2);
    }

    @Test
    void reopensResolvedConversationWhenCustomerWritesAgainWithinTheWindow() {
        ConversationId id = openAndAnswer("1");
        desk.resolve(id, f.alice.id());
        f.advance(Duration.ofDays(2));
        IngestResult r = desk.ingest(Batch.of(List.of(f.tweet("5", ANNA, "it happened again"))));
        assertThat(r.reopened()).isEqualTo(1);
        assertThat(r.touched()).containsExactly(id);
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
    }

    @Test
    void startsANewConversationWhenCustomerWritesAfterTheReopenWindow() {
        ConversationId id = openAndAnswer("1");
        desk.resolve(id, f.alice.id());
        f.advance(DeskSettings.DEFAULT_REOPEN_WINDOW.plusHours(1));
        IngestResult r = desk.ingest(Batch.of(List.of(f.tweet("5", ANNA, "new problem"))));
        assertThat(r.opened()).isEqualTo(1);
        assertThat(r.touched()).doesNotContain(id);
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.RESOLVED);
    }

    @Test
    void closedConversationIsNeverReopened() {
        ConversationId id = openAndAnswer("1");
        desk.resolve(id, f.alice.id());
        desk.close(id);
        IngestResult r = desk.ingest(Batch.of(List.of(f.tweet("5", ANNA, "hello again"))));
        assertThat(r.opened()).isEqualTo(1);
    }

    @Test
    void checkpointAdvancesWithTheStoredBatch() {
        Checkpoint cp = new Checkpoint("twitter:AskBank:mentions", "1");
        desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "a"))).withCheckpoint(cp));
        assertThat(desk.storage().checkpoints().load(cp.sourceId())).contains(cp);
    }

    @Test
    void messageForAChannelTheDeskLacksIsDeadLetteredAndTheCheckpointStillAdvances() {
        Checkpoint cp = new Checkpoint("twitter:AskBank:mentions", "2");
        InboundMessage foreign = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "9"), ChannelId.of("nope"), ANNA)
                .text("x")
                .createdAt(f.clock.instant())
                .build();
        IngestResult r = desk.ingest(Batch.of(List.of(foreign)).withCheckpoint(cp));
        assertThat(r.deadLettered()).isEqualTo(1);
        assertThat(desk.storage().deadLetters().recent(5))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("'nope'").contains("twitter-care"));
        assertThat(desk.storage().checkpoints().load(cp.sourceId())).contains(cp);
    }

    @Test
    void rejectedPayloadsBecomeDeadLettersWithTheRawBody() {
        IngestResult r = desk.ingest(Batch.empty()
                .withRejected(List.of(new RejectedPayload("twitter:poll", "{\"id\":", "id_str: missing"))));
        assertThat(r.deadLettered()).isEqualTo(1);
        assertThat(desk.storage().deadLetters().recent(10)).singleElement().satisfies(d -> {
            assertThat(d.rawPayload()).isEqualTo("{\"id\":");
            assertThat(d.reason()).contains("id_str");
        });
    }

    @Test
    void aHugeRejectedPayloadIsKeptCappedWithANoteOfItsSize() {
        String huge = "{\"n\":" + "7".repeat(500_000) + "}";
        desk.ingest(Batch.empty()
                .withRejected(List.of(new RejectedPayload("twitter:webhook", huge, "n: number too long".repeat(500)))));
        assertThat(desk.storage().deadLetters().recent(10)).singleElement().satisfies(d -> {
            assertThat(d.rawPayload()).startsWith("{\"n\":").endsWith("of 500006 characters kept]");
            assertThat(d.rawPayload().length()).isLessThan(70 * 1024);
            // the cut backs off the digit run, so no half card number is left for the masking to miss
            assertThat(d.rawPayload()).contains("{\"n\": [truncated: 5 of 500006");
            assertThat(d.reason().length()).isLessThan(2 * 1024 + 100);
        });
    }

    @Test
    void ownEchoIsNeverACustomerMessage() {
        ConversationId id = openAndAnswer("1");
        String bankTweet = desk.replies(id).get(0).platformMessageId().orElseThrow();
        OwnMessage echo = new OwnMessage(
                MessageKey.of(Platform.TWITTER, bankTweet),
                DeskFixture.TWITTER_CARE,
                "Sorry Anna",
                Visibility.PUBLIC,
                Optional.of("1"),
                f.clock.instant(),
                Optional.of("care desk"));
        IngestResult r = desk.ingest(Batch.of(List.of()).withOwnMessages(List.of(echo)));
        assertThat(r.echoes()).isEqualTo(1);
        assertThat(r.stored()).isZero();
        assertThat(desk.messages(id)).hasSize(2);
        assertThat(desk.history(id)).extracting(e -> e.action()).contains(AuditAction.ECHO_MATCHED);
    }

    @Test
    void unmatchedOwnPostIsAudited() {
        OwnMessage echo = new OwnMessage(
                MessageKey.of(Platform.TWITTER, "777"),
                DeskFixture.TWITTER_CARE,
                "Win a prize! bit.ly/x",
                Visibility.PUBLIC,
                Optional.empty(),
                f.clock.instant(),
                Optional.of("Unknown App"));
        desk.ingest(Batch.of(List.of()).withOwnMessages(List.of(echo)));
        assertThat(desk.storage().audit().recent(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ECHO_UNMATCHED);
            assertThat(e.detail()).contains("Unknown App");
        });
    }

    /** Opens a conversation with Anna's tweet, lets Alice answer it in public and publishes the answer. */
    private ConversationId openAndAnswer(String tweetId) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet(tweetId, ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), "Sorry Anna, we're on it ^AB");
        desk.dispatchOutbox();
        return id;
    }
}
