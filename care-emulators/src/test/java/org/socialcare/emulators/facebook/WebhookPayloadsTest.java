package org.socialcare.emulators.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.SignatureHeader;
import org.socialcare.core.port.in.WebhookRequest;

class WebhookPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aCommentAddedBodyHasFacebooksShapeAndASignatureTheAdaptersVerify() throws Exception {
        String body =
                WebhookPayloads.commentAdded("900", "900_1", "1_2", "900_1", "700", "Ann", "Where is my card?", AT);

        JsonNode root = JSON.readTree(body);
        JsonNode value = root.path("entry").path(0).path("changes").path(0).path("value");
        WebhookRequest request = WebhookPayloads.signedRequest("/fb", body, "app-secret");

        assertThat(root.path("object").asText()).isEqualTo("page");
        assertThat(root.path("entry").path(0).path("id").asText()).isEqualTo("900");
        assertThat(value.path("item").asText()).isEqualTo("comment");
        assertThat(value.path("message").asText()).isEqualTo("Where is my card?");
        assertThat(value.path("created_time").asLong()).isEqualTo(AT.getEpochSecond());
        assertThat(request.header("x-hub-signature-256"))
                .hasValueSatisfying(s -> assertThat(s).matches("sha256=[0-9a-f]{64}"));
        assertThatCode(() -> SignatureHeader.hex(WebhookPayloads.SIGNATURE_HEADER)
                        .verify(request, HmacSha256.key("appSecret", "app-secret")))
                .doesNotThrowAnyException();
    }

    @Test
    void messengerEventsCarryTheSenderAndTheEchoFlag() throws Exception {
        JsonNode message = JSON.readTree(WebhookPayloads.messengerMessage("900", "psid-1", "m_1", "hello", AT))
                .path("entry")
                .path(0)
                .path("messaging")
                .path(0);
        JsonNode echo = JSON.readTree(WebhookPayloads.messengerEcho("900", "psid-1", "m_2", "hi", AT, "4242"))
                .path("entry")
                .path(0)
                .path("messaging")
                .path(0);

        assertThat(message.path("sender").path("id").asText()).isEqualTo("psid-1");
        assertThat(message.path("timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(echo.path("message").path("is_echo").asBoolean()).isTrue();
        assertThat(echo.path("message").path("app_id").asText()).isEqualTo("4242");
    }
}
