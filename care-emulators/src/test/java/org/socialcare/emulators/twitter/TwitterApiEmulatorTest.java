package org.socialcare.emulators.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.SignatureHeader;
import org.socialcare.core.port.in.WebhookRequest;

class TwitterApiEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accountActivityBodiesCarryTheEventsAndASignatureTheAdaptersVerify() throws Exception {
        try (TwitterApiEmulator emulator = TwitterApiEmulator.builder()
                .account(1001, "bankcare")
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
                .start()) {
            TwitterApiEmulator.User anna = emulator.user(42, "anna", "Anna", 120, false);
            long tweet = emulator.mention(anna, "on hold for 40 minutes!");
            long dm = emulator.directMessageFromCustomer(anna, "my number is in the DM");

            String tweets = emulator.tweetCreateEvents(tweet);
            String dms = emulator.directMessageEvents(dm);
            JsonNode status = JSON.readTree(tweets).path("tweet_create_events").path(0);
            JsonNode event = JSON.readTree(dms).path("direct_message_events").path(0);

            assertThat(JSON.readTree(tweets).path("for_user_id").asText()).isEqualTo("1001");
            assertThat(status.path("id_str").asText()).isEqualTo(Long.toString(tweet));
            assertThat(status.path("full_text").asText()).isEqualTo("@bankcare on hold for 40 minutes!");
            assertThat(status.path("user").path("screen_name").asText()).isEqualTo("anna");
            assertThat(status.has("in_reply_to_status_id")).isTrue();
            assertThat(status.path("in_reply_to_status_id").isNull()).isTrue();
            assertThat(status.path("created_at").asText()).isEqualTo("Mon Mar 02 09:00:00 +0000 2026");
            assertThat(event.path("message_create")
                            .path("message_data")
                            .path("text")
                            .asText())
                    .isEqualTo("my number is in the DM");
            assertThat(JSON.readTree(dms).path("users").has("42")).isTrue();
            WebhookRequest signed = WebhookRequest.post(
                    "/twitter", Map.of(TwitterApiEmulator.SIGNATURE_HEADER, emulator.webhookSignature(tweets)), tweets);
            assertThatCode(() -> SignatureHeader.base64(TwitterApiEmulator.SIGNATURE_HEADER)
                            .verify(signed, HmacSha256.key("consumerSecret", emulator.consumerSecret())))
                    .doesNotThrowAnyException();
            assertThat(emulator.restBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/1\\.1/");
        }
    }
}
