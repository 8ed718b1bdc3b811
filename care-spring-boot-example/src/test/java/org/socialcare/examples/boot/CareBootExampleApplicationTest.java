package org.socialcare.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.TeamId;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application on a random port against the Twitter API emulator: a signed webhook arrives, the
 * conversation appears, an agent's reply is dispatched by the background work to the emulator, and Actuator's
 * health and Prometheus endpoints show the channel and the care meters with their tags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareBootExampleApplicationTest {
    static final TwitterApiEmulator TWITTER =
            TwitterApiEmulator.builder().account(900100, "AskBank").start();

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("TWITTER_CONSUMER_KEY", TWITTER::consumerKey);
        registry.add("TWITTER_CONSUMER_SECRET", TWITTER::consumerSecret);
        registry.add("TWITTER_ACCESS_TOKEN", TWITTER::accessToken);
        registry.add("TWITTER_ACCESS_TOKEN_SECRET", TWITTER::accessTokenSecret);
        registry.add("care.twitter.rest-base-url", TWITTER::restBaseUrl);
        registry.add("care.background.outbox-interval", () -> "200ms");
        registry.add("care.metrics.refresh", () -> "0s");
    }

    @AfterAll
    static void stopEmulator() {
        TWITTER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CareDesk desk;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(String path, String body, String signature) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("content-type", "application/json")
                        .header(TwitterApiEmulator.SIGNATURE_HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedWebhookBecomesAConversationWhoseReplyIsPublishedAndMeasured() throws Exception {
        HttpResponse<String> crc = get("/care/webhooks/twitter?crc_token=challenge-1");
        assertThat(crc.statusCode()).isEqualTo(200);
        assertThat(crc.body()).contains("response_token").contains("sha256=");

        TwitterApiEmulator.User anna = TWITTER.user(7001, "anna_k", "Anna K", 120, false);
        long tweet = TWITTER.mention(anna, "@AskBank my card is blocked since this morning");
        String body = TWITTER.tweetCreateEvents(tweet);

        assertThat(postSigned("/care/webhooks/twitter", body, "sha256=bm90LXRoZS1zaWduYXR1cmU=")
                        .statusCode())
                .isEqualTo(401);
        assertThat(postSigned("/care/webhooks/twitter", body, TWITTER.webhookSignature(body))
                        .statusCode())
                .isEqualTo(200);

        List<Conversation> queue = desk.queue(TeamId.of("care"), 10);
        assertThat(queue).hasSize(1);
        Conversation conversation = queue.get(0);
        desk.claim(conversation.id(), org.socialcare.core.domain.AgentId.of("alice"));
        desk.reply(conversation.id(), org.socialcare.core.domain.AgentId.of("alice"), "Sorry Anna, DM us please ^AB");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        // the emulator receives the tweet before the dispatcher records the outcome: wait for both
        while (!(desk.replies(conversation.id()).get(0).status() instanceof DeliveryStatus.Sent)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(TWITTER.postedStatuses()).hasSize(1);
        assertThat(TWITTER.postedStatuses().get(0).get("text").toString()).contains("DM us please");
        assertThat(desk.replies(conversation.id()).get(0).status()).isInstanceOf(DeliveryStatus.Sent.class);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"care\"")
                .contains("\"twitter-care\"")
                .contains("\"UP\"");

        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("care_conversations_opened{channel=\"twitter-care\"} 1.0")
                .contains("care_conversations_responded{channel=\"twitter-care\"} 1.0")
                .contains("care_queue_depth_conversations{team=\"care\"} 1.0")
                .contains("care_channel_health{channel=\"twitter-care\",platform=\"twitter\",state=\"healthy\"} 1.0")
                .contains("care_channel_health{channel=\"twitter-care\",platform=\"twitter\",state=\"paused\"} 0.0")
                .contains("care_first_response_time_seconds{channel=\"twitter-care\",quantile=\"0.5\"}");

        // the event meters: the listener runs on the dispatcher's thread right after the SENT status commits
        while (!get("/actuator/prometheus").body().contains("care_replies_published_total{channel=\"twitter-care\"}")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        String events = get("/actuator/prometheus").body();
        String category = desk.conversation(conversation.id())
                .orElseThrow()
                .category()
                .name()
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(events)
                .contains("care_messages_received_total{category=\"" + category + "\",channel=\"twitter-care\"} 1")
                .contains("care_replies_published_total{channel=\"twitter-care\"} 1")
                .contains("care_publish_latency_seconds_count{channel=\"twitter-care\"} 1")
                .contains("care_publish_latency_seconds_bucket{channel=\"twitter-care\",le=\"+Inf\"} 1")
                .contains("care_publish_latency_seconds_max{channel=\"twitter-care\"}")
                .contains("care_first_response_seconds_count{team=\"care\"} 1")
                .contains("care_first_response_seconds_bucket{team=\"care\",le=\"+Inf\"} 1")
                .contains("care_outbox_pending_replies{channel=\"twitter-care\"} 0")
                .contains("care_outbox_failed_replies{channel=\"twitter-care\"} 0")
                .doesNotContain("anna_k")
                .doesNotContain("7001");
    }
}
