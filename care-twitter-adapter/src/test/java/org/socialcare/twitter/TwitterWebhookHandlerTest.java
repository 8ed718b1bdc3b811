package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

class TwitterWebhookHandlerTest {
    private static final String SECRET = "emulator-consumer-secret";

    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final List<TweetDeletion> deletions = new ArrayList<>();
    private final TwitterWebhookHandler handler = TwitterWebhookHandler.builder()
            .consumerSecret(config.consumerSecret())
            .account(config.accountId(), config.channel())
            .deletionListener(deletions::add)
            .build();
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 77, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private WebhookRequest signed(String body) {
        return WebhookRequest.post(
                "/twitter", Map.of("X-Twitter-Webhooks-Signature", emulator.webhookSignature(body)), body);
    }

    private static List<InboundMessage> messages(WebhookResult r) {
        return r.batches().stream().flatMap(b -> b.messages().stream()).toList();
    }

    @Test
    void answersTheCrcChallengeWithTheHmacOfTheToken() throws Exception {
        WebhookResult r = handler.handle(WebhookRequest.get("/twitter", Map.of("crc_token", "abc123")));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal("abc123".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"response_token\":\"" + expected + "\"}");
        assertThat(r.batches()).isEmpty();
    }

    @Test
    void getWithoutCrcTokenIsRejected() {
        assertThatThrownBy(() -> handler.handle(WebhookRequest.get("/twitter", Map.of())))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(400));
    }

    @Test
    void validSignatureIsAccepted() {
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        assertThat(messages(handler.handle(signed(body)))).hasSize(1);
    }

    @Test
    void invalidSignatureIsRejected() {
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        String wrong = "sha256=" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> handler.handle(
                        WebhookRequest.post("/twitter", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, wrong), body)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(401))
                .hasMessageContaining("does not match");
    }

    @Test
    void missingSignatureIsRejected() {
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        assertThatThrownBy(() -> handler.handle(WebhookRequest.post("/twitter", Map.of(), body)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(401))
                .hasMessageContaining("missing");
    }

    @Test
    void signatureWithAnotherAlgorithmIsRejected() throws Exception {
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sha1 = "sha1=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> handler.handle(
                        WebhookRequest.post("/twitter", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, sha1), body)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(401))
                .hasMessageContaining("algorithm 'sha1'");
    }

    @Test
    void rejectedSignatureIsAuditedByTheDesk() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        WebhookResult r = desk.webhook(
                handler,
                WebhookRequest.post("/twitter", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, "sha256=AAAA"), body));
        assertThat(r.status()).isEqualTo(401);
        assertThat(desk.storage().audit().recent(10))
                .anySatisfy(a -> assertThat(a.action()).isEqualTo(AuditAction.WEBHOOK_REJECTED));
        assertThat(desk.queue(TwitterTestSupport.TEAM, 10)).isEmpty();
    }

    @Test
    void malformedJsonIsATypedErrorAndADeadLetter() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        String body = "{\"for_user_id\":\"1001\",\"tweet_create_events\":[{\"id\":1,";
        assertThatThrownBy(() -> handler.handle(signed(body)))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$"))
                .hasMessageContaining("offset");

        WebhookResult r = desk.webhook(handler, signed(body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(desk.storage().deadLetters().recent(10)).singleElement().satisfies(d -> assertThat(d.rawPayload())
                .isEqualTo(body));
    }

    @Test
    void aBadEventIsDeadLetteredWhileItsNeighboursAreStored() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        String good = emulator.tweetCreateEvents(emulator.mention(customer, "hello"));
        String body = good.replace(
                "\"tweet_create_events\":[",
                "\"tweet_create_events\":[{\"id\":5,\"text\":\"no user\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\"},");
        var result = desk.webhook(handler, signed(body));
        assertThat(result.status()).isEqualTo(200);
        assertThat(desk.queue(TwitterTestSupport.TEAM, 10)).hasSize(1);
        assertThat(desk.storage().deadLetters().recent(10)).singleElement().satisfies(d -> {
            assertThat(d.reason()).contains("tweet_create_events[0]");
            assertThat(d.rawPayload()).contains("no user");
        });
    }

    @Test
    void bodyForAnUnknownAccountIsMalformed() {
        String body = emulator.tweetCreateEvents(emulator.mention(customer, "hello"))
                .replace("\"for_user_id\":\"1001\"", "\"for_user_id\":\"999\"");
        assertThatThrownBy(() -> handler.handle(signed(body)))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$.for_user_id"))
                .hasMessageContaining("999");
    }

    @Test
    void ownTweetIsAnOwnMessageAndCustomerTweetACustomerMessage() {
        long c = emulator.mention(customer, "hello");
        long own = emulator.ownTweetMentioningItself("Service update");
        Batch b = handler.handle(signed(emulator.tweetCreateEvents(c, own)))
                .batches()
                .get(0);
        assertThat(b.messages()).extracting(m -> m.key().messageId()).containsExactly(Long.toString(c));
        assertThat(b.ownMessages()).extracting(m -> m.key().messageId()).containsExactly(Long.toString(own));
        assertThat(b.ownMessages().get(0).sourceApp()).contains("care emulator");
    }

    @Test
    void directMessagesInBothDirectionsWithUsersAndApps() {
        long in = emulator.directMessageFromCustomer(customer, "my number is in the DM");
        long out = emulator.directMessageFromAccount(501, "Thanks, calling you now", TwitterApiEmulator.APP_ID);
        Batch b = handler.handle(signed(emulator.directMessageEvents(in, out)))
                .batches()
                .get(0);

        assertThat(b.messages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(Long.toString(in));
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().handle()).isEqualTo("jane_doe");
            assertThat(m.author().followerCount()).isEqualTo(77);
        });
        assertThat(b.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.key().messageId()).isEqualTo(Long.toString(out));
            assertThat(o.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(o.sourceApp()).contains("care emulator");
        });
    }

    @Test
    void favoritesAreIgnoredAndDeletionsRecorded() {
        String body =
                """
                {"for_user_id":"1001",
                 "favorite_events":[{"id":"a1","created_at":"Mon Mar 26 16:33:26 +0000 2018","timestamp_ms":1522082006140,
                   "favorited_status":{"id":42,"text":"x","created_at":"Mon Mar 26 16:33:26 +0000 2018","user":{"id":1001,"screen_name":"bankcare"}},
                   "user":{"id":501,"screen_name":"jane_doe"}}],
                 "tweet_delete_events":[{"status":{"id":"1601","user_id":"501"},"timestamp_ms":"1522082006140"}]}
                """; // written for this test after the Account Activity documentation; not a recorded payload
        WebhookResult r = handler.handle(signed(body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.batches()).isEmpty();
        assertThat(deletions).singleElement().satisfies(d -> {
            assertThat(d.statusId()).isEqualTo(1601);
            assertThat(d.userId()).isEqualTo(501);
            assertThat(d.channel()).isEqualTo(ChannelId.of("twitter-care"));
            assertThat(d.deletedAt()).map(java.time.Instant::toEpochMilli).contains(1522082006140L);
        });
    }

    @Test
    void truncatedTweetYieldsTheExtendedFullText() {
        String full =
                "@bankcare I have been trying to reach you for three days about a payment that left my account twice, "
                        + "the app shows it as pending and the branch says to call you, but the line drops after 40 minutes every time. "
                        + "What now?";
        // written for this test after the documented extended_tweet shape; not a recorded payload
        String body = "{\"for_user_id\":\"1001\",\"tweet_create_events\":[{"
                + "\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":1050118621198921728,\"id_str\":\"1050118621198921728\","
                + "\"text\":\"@bankcare I have been trying to reach you for three days about a payment that left my account twice, the app sh\u2026 https://t.co/abc\","
                + "\"truncated\":true,\"source\":\"<a href=\\\"http://twitter.com/download/iphone\\\" rel=\\\"nofollow\\\">Twitter for iPhone</a>\","
                + "\"in_reply_to_status_id\":null,\"user\":{\"id\":501,\"id_str\":\"501\",\"name\":\"Jane Doe\",\"screen_name\":\"jane_doe\","
                + "\"followers_count\":77,\"verified\":false},"
                + "\"extended_tweet\":{\"full_text\":" + TwitterJson.quote(full)
                + ",\"display_text_range\":[0," + full.length() + "],"
                + "\"entities\":{\"hashtags\":[],\"urls\":[],\"user_mentions\":[{\"screen_name\":\"bankcare\",\"name\":\"Bank\",\"id\":1001,\"id_str\":\"1001\",\"indices\":[0,9]}],\"symbols\":[]}},"
                + "\"entities\":{\"hashtags\":[],\"urls\":[],\"user_mentions\":[],\"symbols\":[]},\"lang\":\"en\"}]}";
        InboundMessage m = messages(handler.handle(signed(body))).get(0);
        assertThat(m.text()).isEqualTo(full);
        assertThat(m.language()).contains("en");
        assertThat(m.createdAt()).isEqualTo(java.time.Instant.parse("2018-10-10T20:19:24Z"));
    }

    @Test
    void secretsDoNotAppearInToString() {
        assertThat(handler.toString()).doesNotContain(SECRET);
    }
}
