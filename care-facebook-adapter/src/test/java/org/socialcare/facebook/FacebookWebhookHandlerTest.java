package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socialcare.facebook.TestPages.*;

import com.restfb.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.MutableClock;

class FacebookWebhookHandlerTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final MessengerWindow window = new MessengerWindow(Duration.ofHours(24), clock);
    private final FacebookWebhookHandler handler = new FacebookWebhookHandler(List.of(config()), window, clock);

    private static final long T = NOW.getEpochSecond() - 600;

    @Test
    void answersTheSubscriptionChallengeWithTheRightVerifyToken() {
        WebhookResult result = handler.handle(WebhookRequest.get(
                "/webhooks/facebook",
                Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY_TOKEN, "hub.challenge", "1158201444")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("1158201444");
        assertThat(result.batches()).isEmpty();
    }

    @Test
    void rejectsTheChallengeWithAWrongVerifyTokenOrMode() {
        WebhookRejectedException wrongToken = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> handler.handle(WebhookRequest.get(
                        "/", Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1"))));
        WebhookRejectedException wrongMode = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> handler.handle(WebhookRequest.get(
                        "/",
                        Map.of("hub.mode", "unsubscribe", "hub.verify_token", VERIFY_TOKEN, "hub.challenge", "1"))));
        WebhookRejectedException missing = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> handler.handle(WebhookRequest.get("/", Map.of("hub.mode", "subscribe", "hub.challenge", "1"))));

        assertThat(wrongToken.httpStatus()).isEqualTo(403);
        assertThat(wrongToken.getMessage()).doesNotContain(VERIFY_TOKEN).doesNotContain("guess");
        assertThat(wrongMode.httpStatus()).isEqualTo(400);
        assertThat(missing.httpStatus()).isEqualTo(400);
        assertThat(missing.getMessage()).contains("hub.verify_token");
    }

    @Test
    void acceptsAValidSignatureAndRejectsInvalidOrMissingOnes() {
        String body = pageWebhook(changesEntry(
                        PAGE_ID,
                        T,
                        commentAdded("11_21", PAGE_ID + "_11", PAGE_ID + "_11", "700", "Ann", "Where is my card?", T)))
                .toString();

        WebhookResult ok = handler.handle(signedPost(body));
        WebhookRejectedException missing = catchThrowableOfType(
                WebhookRejectedException.class, () -> handler.handle(post(body, Optional.empty())));
        WebhookRejectedException wrong = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> handler.handle(
                        post(body, Optional.of(FacebookWebhookHandler.signature("another-secret", body.getBytes())))));
        WebhookRejectedException sha1 = catchThrowableOfType(
                WebhookRejectedException.class,
                () -> handler.handle(post(body, Optional.of("sha1=0123456789abcdef0123456789abcdef01234567"))));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(messages(ok)).extracting(InboundMessage::text).containsExactly("Where is my card?");
        assertThat(missing.httpStatus()).isEqualTo(401);
        assertThat(missing.getMessage()).contains("missing");
        assertThat(wrong.httpStatus()).isEqualTo(401);
        assertThat(wrong.getMessage()).contains("does not match").doesNotContain(APP_SECRET);
        assertThat(sha1.httpStatus()).isEqualTo(401);
    }

    @Test
    void mapsABatchOfSeveralEntriesWithCommentsRepliesMessengerEchoesAndReceipts() {
        String body = pageWebhook(
                        changesEntry(
                                PAGE_ID,
                                T,
                                commentAdded(
                                        "11_21",
                                        PAGE_ID + "_11",
                                        PAGE_ID + "_11",
                                        "700",
                                        "Ann Customer",
                                        "Still no card after 3 weeks",
                                        T),
                                commentAdded("11_22", PAGE_ID + "_11", "11_21", "701", "Bob", "Same here!", T + 60),
                                commentAdded(
                                        "11_23",
                                        PAGE_ID + "_11",
                                        "11_21",
                                        PAGE_ID,
                                        PAGE_NAME,
                                        "Sorry Ann, we'll DM you ^AB",
                                        T + 120)),
                        messagingEntry(
                                PAGE_ID,
                                T * 1000,
                                messengerText("9001", PAGE_ID, "m_in_1", "Hi, it's Ann", (T + 180) * 1000),
                                messengerEcho(
                                        "9001",
                                        PAGE_ID,
                                        "m_out_1",
                                        "Hi Ann, how can we help?",
                                        (T + 240) * 1000,
                                        APP_ID),
                                new JsonObject()
                                        .add("sender", new JsonObject().add("id", "9001"))
                                        .add("recipient", new JsonObject().add("id", PAGE_ID))
                                        .add(
                                                "delivery",
                                                new JsonObject()
                                                        .add("mids", new com.restfb.json.JsonArray().add("m_out_1"))
                                                        .add("watermark", 1))),
                        changesEntry(
                                PAGE_ID,
                                T,
                                feedChange("reaction", "add", "x"),
                                feedChange("comment", "edited", "11_21"),
                                new JsonObject()
                                        .add("field", "ratings")
                                        .add("value", new JsonObject().add("item", "rating"))))
                .toString();

        WebhookResult result = handler.handle(signedPost(body));

        assertThat(result.batches()).hasSize(1);
        Batch batch = result.batches().get(0);
        assertThat(batch.messages()).extracting(m -> m.key().messageId()).containsExactly("11_21", "11_22", "m_in_1");
        InboundMessage top = batch.messages().get(0);
        assertThat(top.author().platformUserId()).isEqualTo("700");
        assertThat(top.author().displayName()).contains("Ann Customer");
        assertThat(top.inReplyTo()).contains(PAGE_ID + "_11");
        assertThat(top.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(top.createdAt().getEpochSecond()).isEqualTo(T);
        assertThat(batch.messages().get(1).inReplyTo()).contains("11_21");
        InboundMessage dm = batch.messages().get(2);
        assertThat(dm.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(dm.author().platformUserId()).isEqualTo("9001");
        assertThat(batch.ownMessages()).extracting(o -> o.key().messageId()).containsExactly("11_23", "m_out_1");
        assertThat(batch.ownMessages().get(1).sourceApp()).contains(APP_ID);
        assertThat(batch.rejected()).isEmpty();
        assertThat(window.state(PAGE_ID, "9001")).isEqualTo(MessengerWindow.State.OPEN);
        assertThat(handler.skippedCounts())
                .containsEntry("unknown event kind", 1L)
                .containsEntry("delivery receipt (no message)", 1L)
                .containsKey("reaction (carries no message)");
    }

    @Test
    void toleratesUnknownFieldsEverywhere() {
        JsonObject change = commentAdded("11_31", PAGE_ID + "_11", PAGE_ID + "_11", "702", "Cy", "hello", T);
        change.get("value").asObject().add("brand_new_field", new JsonObject().add("x", 1));
        JsonObject entry = changesEntry(PAGE_ID, T, change).add("some_future_flag", true);
        String body = pageWebhook(entry).add("api_version", "v99.0").toString();

        assertThat(messages(handler.handle(signedPost(body))))
                .extracting(m -> m.key().messageId())
                .containsExactly("11_31");
    }

    @Test
    void keepsAnEntryForAnUnconfiguredPageAsARejectedPayload() {
        String body = pageWebhook(
                        changesEntry("999999", T, commentAdded("1_2", "999999_1", "999999_1", "7", "X", "hi", T)))
                .toString();

        Batch batch = handler.handle(signedPost(body)).batches().get(0);

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("no channel is configured for page 999999");
            assertThat(r.rawPayload()).contains("1_2");
        });
    }

    @Test
    void malformedJsonIsATypedErrorThatTheDeskKeepsAsADeadLetter() {
        CareStorage storage = InMemoryStorage.create();
        CareDesk desk = desk(storage);
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID + "\",\"changes\":[";

        MalformedPayloadException e =
                catchThrowableOfType(MalformedPayloadException.class, () -> handler.handle(signedPost(body)));
        WebhookResult answer = desk.webhook(handler, signedPost(body));

        assertThat(e.field()).isEqualTo("body");
        assertThat(e.getMessage()).contains("not valid JSON");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(storage.deadLetters().recent(10)).singleElement().satisfies(d -> {
            assertThat(d.rawPayload()).isEqualTo(body);
            assertThat(d.reason()).contains("body");
        });
    }

    @Test
    void wrongShapeNamesTheField() {
        MalformedPayloadException noEntry = catchThrowableOfType(
                MalformedPayloadException.class, () -> handler.handle(signedPost("{\"object\":\"page\"}")));
        MalformedPayloadException entryNotArray = catchThrowableOfType(
                MalformedPayloadException.class,
                () -> handler.handle(signedPost("{\"object\":\"page\",\"entry\":{}}")));
        MalformedPayloadException changeWithoutField = catchThrowableOfType(
                MalformedPayloadException.class,
                () -> handler.handle(signedPost("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID
                        + "\",\"changes\":[{\"value\":{}}]}]}")));

        assertThat(noEntry.field()).isEqualTo("entry");
        assertThat(entryNotArray.field()).isEqualTo("$.entry");
        assertThat(changeWithoutField.field()).isEqualTo("entry[0].changes[0].field");
    }

    @Test
    void duplicateDeliveryOfTheSameWebhookIsStoredOnce() {
        CareStorage storage = InMemoryStorage.create();
        CareDesk desk = desk(storage);
        String body = pageWebhook(
                        changesEntry(
                                PAGE_ID,
                                T,
                                commentAdded(
                                        "11_41", PAGE_ID + "_11", PAGE_ID + "_11", "703", "Dee", "My app crashes", T)),
                        messagingEntry(
                                PAGE_ID,
                                T * 1000,
                                messengerText("9002", PAGE_ID, "m_in_9", "and my card is blocked", T * 1000)))
                .toString();

        desk.webhook(handler, signedPost(body));
        desk.webhook(handler, signedPost(body));

        assertThat(storage.messages().find(MessageKey.of(Platform.FACEBOOK, "11_41")))
                .isPresent();
        assertThat(storage.messages().find(MessageKey.of(Platform.FACEBOOK, "m_in_9")))
                .isPresent();
        assertThat(storage.audit().recent(100))
                .filteredOn(a -> a.action() == AuditAction.MESSAGE_RECEIVED)
                .hasSize(2);
        assertThat(storage.conversations().findLatestOfCustomer(CHANNEL_ID, "703"))
                .isPresent();
    }

    @Test
    void rejectedSignatureIsAuditedByTheDesk() {
        CareStorage storage = InMemoryStorage.create();
        CareDesk desk = desk(storage);
        String body = pageWebhook(changesEntry(
                        PAGE_ID, T, commentAdded("11_51", PAGE_ID + "_11", PAGE_ID + "_11", "704", "Eve", "hi", T)))
                .toString();

        WebhookResult answer = desk.webhook(handler, post(body, Optional.of("sha256=" + "0".repeat(64))));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(storage.audit().recent(10))
                .anySatisfy(a -> assertThat(a.action()).isEqualTo(AuditAction.WEBHOOK_REJECTED));
        assertThat(storage.messages().find(MessageKey.of(Platform.FACEBOOK, "11_51")))
                .isEmpty();
    }

    @Test
    void postsAndCommentsByThePageAreOwnMessagesAndNeverCustomerMessages() {
        String body = pageWebhook(changesEntry(
                        PAGE_ID,
                        T,
                        commentAdded(
                                "11_61",
                                PAGE_ID + "_11",
                                PAGE_ID + "_11",
                                PAGE_ID,
                                PAGE_NAME,
                                "We're sorry to hear that",
                                T)))
                .toString();

        Batch batch = handler.handle(signedPost(body)).batches().get(0);

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.key().messageId()).isEqualTo("11_61");
            assertThat(o.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(o.inReplyTo()).contains(PAGE_ID + "_11");
        });
    }

    @Test
    void aVisitorsPhotoPostIsACustomerMessageWithItsLink() {
        JsonObject value = new JsonObject()
                .add("item", "photo")
                .add("verb", "add")
                .add("post_id", PAGE_ID + "_88")
                .add("from", new JsonObject().add("id", "706").add("name", "Gus"))
                .add("message", "This is the error screen")
                .add("link", "https://scontent.example/error.jpg")
                .add("created_time", T)
                .add("published", 1);
        String body = pageWebhook(changesEntry(
                        PAGE_ID, T, new JsonObject().add("field", "feed").add("value", value)))
                .toString();

        List<InboundMessage> messages = messages(handler.handle(signedPost(body)));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(PAGE_ID + "_88");
            assertThat(m.text()).isEqualTo("This is the error screen\n[photo] https://scontent.example/error.jpg");
            assertThat(m.inReplyTo()).isEmpty();
        });
    }

    private CareDesk desk(CareStorage storage) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of(TEAM.value(), "Care"))
                .channel(channel())
                .receiveOnly(TestPages.CHANNEL_ID)
                .build();
    }

    private static List<InboundMessage> messages(WebhookResult r) {
        return r.batches().stream().flatMap(b -> b.messages().stream()).toList();
    }
}
