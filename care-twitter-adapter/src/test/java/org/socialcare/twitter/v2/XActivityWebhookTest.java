package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.twitter.TweetDeletion;
import org.socialcare.twitter.TwitterWebhookHandler;

/** X Activity API bodies through the one webhook handler that also reads Account Activity bodies. */
class XActivityWebhookTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final List<TweetDeletion> deletions = new CopyOnWriteArrayList<>();
    private final TwitterWebhookHandler handler = TwitterWebhookHandler.builder()
            .consumerSecret(emulator.consumerSecret())
            .account(emulator.account().id(), XTestSupport.CHANNEL)
            .deletionListener(deletions::add)
            .build();
    private final XApiEmulator.User jane = emulator.user("1900000000000000501", "jane_doe", "Jane Doe", 48_000, true);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private WebhookResult post(String body) {
        return handler.handle(WebhookRequest.post(
                "/webhooks/x", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, emulator.webhookSignature(body)), body));
    }

    private static List<InboundMessage> messages(WebhookResult r) {
        return r.batches().stream().flatMap(b -> b.messages().stream()).toList();
    }

    private static List<OwnMessage> own(WebhookResult r) {
        return r.batches().stream().flatMap(b -> b.ownMessages().stream()).toList();
    }

    @Test
    void aMentionKeepsItsBigIdAuthorInfluenceAndParent() {
        String parent = emulator.mention(jane, "first");
        String reply = emulator.replyTo(jane, parent, "x".repeat(290) + " LONG END");

        InboundMessage m = messages(post(emulator.activityMention(reply))).get(0);

        assertThat(m.key().messageId()).isEqualTo(reply);
        assertThat(m.inReplyTo()).contains(parent);
        assertThat(m.text()).endsWith("LONG END");
        assertThat(m.author().followerCount()).isEqualTo(48_000);
        assertThat(m.author().verified()).isTrue();
        assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(m.channel()).isEqualTo(XTestSupport.CHANNEL);
    }

    @Test
    void aReceivedDmIsPrivateAndASentDmAnEcho() {
        String in = emulator.directMessageFrom(jane, "please call me", java.time.Instant.parse("2026-03-02T09:00:00Z"));
        String out = emulator.directMessageTo(jane, "calling you now");

        WebhookResult received = post(emulator.activityDirectMessage(in));
        WebhookResult sent = post(emulator.activityDirectMessage(out));

        assertThat(messages(received)).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(in);
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().handle()).isEqualTo("jane_doe");
            assertThat(m.author().followerCount()).isEqualTo(48_000);
            assertThat(m.createdAt()).isEqualTo(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        });
        assertThat(messages(sent)).isEmpty();
        assertThat(own(sent)).singleElement().satisfies(o -> assertThat(o.key().messageId())
                .isEqualTo(out));
    }

    @Test
    void theBanksOwnPostIsAnEchoAndADeletionReachesTheListener() {
        String mine = emulator.ownPost("we are back online");

        WebhookResult created = post(emulator.activityOwnPost(mine));
        WebhookResult deleted = post(emulator.activityDelete(mine));

        assertThat(messages(created)).isEmpty();
        assertThat(own(created))
                .singleElement()
                .satisfies(o -> assertThat(o.key().messageId()).isEqualTo(mine));
        assertThat(deleted.batches()).isEmpty();
        assertThat(deletions).singleElement().satisfies(d -> {
            assertThat(d.statusId()).isEqualTo(Long.parseLong(mine));
            assertThat(d.channel()).isEqualTo(XTestSupport.CHANNEL);
        });
    }

    @Test
    void eventsThatAreNotMessagesAreAcceptedEmpty() {
        String like = "{\"data\":{\"event_uuid\":\"1\",\"filter\":{\"user_id\":\""
                + emulator.account().id()
                + "\"},\"event_type\":\"like.create\",\"payload\":{\"id\":\"abc\",\"liked_tweet_id\":\"2\"}}}";

        WebhookResult r = post(like);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.batches()).isEmpty();
    }

    @Test
    void anEventForAnAccountWithoutChannelIsMalformedNamingTheFilter() {
        String body = emulator.activityMention(emulator.mention(jane, "hi"))
                .replace("\"user_id\":\"" + emulator.account().id() + "\"", "\"user_id\":\"42\"");

        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class, () -> post(body));

        assertThat(e.field()).isEqualTo("$.data.filter.user_id");
        assertThat(e.getMessage()).contains("42");
    }

    @Test
    void anUnreadablePostIsARejectedPayloadNotALoss() {
        String body = emulator.activityMention(emulator.mention(jane, "hi"))
                .replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"yesterday\"");

        WebhookResult r = post(body);

        assertThat(r.batches()).singleElement().satisfies(b -> {
            assertThat(b.messages()).isEmpty();
            assertThat(b.rejected()).singleElement().satisfies(x -> assertThat(x.reason())
                    .contains("created_at"));
        });
    }

    @Test
    void aMentionEventWithoutItsPostIsARejectedPayloadNotSilence() {
        String body = "{\"data\":{\"event_uuid\":\"7\",\"filter\":{\"user_id\":\""
                + emulator.account().id()
                + "\"},\"event_type\":\"post.mention.create\",\"payload\":{\"id\":\"1900000000000000042\"}}}";

        WebhookResult r = post(body);

        assertThat(r.batches())
                .singleElement()
                .satisfies(b -> assertThat(b.rejected()).singleElement().satisfies(x -> {
                    assertThat(x.reason()).contains("post.mention.create without the post's author_id and text");
                    assertThat(x.rawPayload()).contains("1900000000000000042");
                }));
    }

    @Test
    void anAccountActivityBodyStillWorksOnTheSameHandler() {
        String aaa = "{\"for_user_id\":\"" + emulator.account().id() + "\",\"tweet_create_events\":[{"
                + "\"created_at\":\"Mon Mar 02 09:00:00 +0000 2026\",\"id\":1900000000000009999,"
                + "\"id_str\":\"1900000000000009999\",\"text\":\"@bankcare card declined\","
                + "\"user\":{\"id\":1900000000000000501,\"id_str\":\"1900000000000000501\","
                + "\"screen_name\":\"jane_doe\",\"name\":\"Jane Doe\",\"followers_count\":48000,\"verified\":false}}]}";

        List<InboundMessage> ms = messages(post(aaa));

        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo("1900000000000009999");
            assertThat(m.author().followerCount()).isEqualTo(48_000);
        });
    }

    @Test
    void aHalfMillionDigitNumberIsRefusedQuickly() {
        String digits = "9".repeat(500_000);
        String body = "{\"data\":{\"event_type\":\"post.mention.create\",\"filter\":{\"user_id\":" + digits
                + "},\"payload\":{}}}";

        long start = System.nanoTime();
        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class, () -> XJson.parse(body));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("Number value length");
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(catchThrowableOfType(MalformedPayloadException.class, () -> XActivityParser.parse(body)))
                .as("over a limit is malformed whatever the shape")
                .isNotNull();
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String body = "[".repeat(XJson.MAX_NESTING + 1) + "]".repeat(XJson.MAX_NESTING + 1);

        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class, () -> XJson.parse(body));

        assertThat(e.getMessage()).contains("nesting depth");
    }

    @Test
    void aSignedBodyWithAHalfMillionDigitNumberFailsFastThroughTheHandler() {
        String body = "{\"data\":{\"event_type\":\"post.mention.create\",\"filter\":{\"user_id\":" + "9".repeat(500_000)
                + "},\"payload\":{}}}";

        long start = System.nanoTime();
        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class, () -> post(body));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("$");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }
}
