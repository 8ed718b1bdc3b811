package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.core.DeskFixture.ANNA;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

class CareDeskWebhookTest {
    private final DeskFixture f = new DeskFixture();

    /** Accepts bodies "ok:<id>", rejects a missing signature header, fails on anything else. */
    private final WebhookHandler handler = new WebhookHandler() {
        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public WebhookResult handle(WebhookRequest request) {
            if (request.header("X-Signature").isEmpty()) {
                throw new WebhookRejectedException("missing X-Signature header", 401);
            }
            String body = request.bodyAsString();
            if (!body.startsWith("ok:")) {
                throw new MalformedPayloadException("$", "expected ok:<id>");
            }
            return WebhookResult.accepted(List.of(Batch.of(List.of(f.tweet(body.substring(3), ANNA, "hello")))));
        }
    };

    @Test
    void signedCallbackIsIngestedAndRepeatedDeliveryStoredOnce() {
        WebhookRequest req = WebhookRequest.post("/hook", Map.of("x-signature", "s"), "ok:42");
        assertThat(f.desk.webhook(handler, req).status()).isEqualTo(200);
        assertThat(f.desk.webhook(handler, req).status()).isEqualTo(200);
        assertThat(f.desk.queue(DeskFixture.CARE, 10)).hasSize(1);
    }

    @Test
    void rejectedSignatureIsAnsweredWithItsStatusAndAudited() {
        WebhookResult r = f.desk.webhook(handler, WebhookRequest.post("/hook", Map.of(), "ok:42"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(f.desk.queue(DeskFixture.CARE, 10)).isEmpty();
        assertThat(f.desk.storage().audit().recent(1)).singleElement().satisfies(e -> assertThat(e.action())
                .isEqualTo(AuditAction.WEBHOOK_REJECTED));
    }

    @Test
    void malformedBodyIsDeadLetteredWithTheRawBodyAndAnswered400() {
        WebhookResult r = f.desk.webhook(handler, WebhookRequest.post("/hook", Map.of("X-Signature", "s"), "{broken"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(f.desk.storage().deadLetters().recent(5)).singleElement().satisfies(d -> {
            assertThat(d.rawPayload()).isEqualTo("{broken");
            assertThat(d.reason()).contains("expected ok:<id>");
            assertThat(d.source()).isEqualTo("webhook:twitter");
        });
    }
}
