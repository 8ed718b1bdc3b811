package org.socialcare.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;

class SignedWebhookHandlerTest {
    private static final HmacSha256 KEY = HmacSha256.key("secret", "s3cret");
    private static final SignatureHeader HEADER = SignatureHeader.hex("X-Sig");

    /** A handler that counts what it parsed: the body must never be read before verification. */
    private static final class Recording extends SignedWebhookHandler {
        final AtomicInteger parsed = new AtomicInteger();
        private final boolean hasChallenge;

        Recording(boolean hasChallenge) {
            super("test");
            this.hasChallenge = hasChallenge;
        }

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        protected WebhookResult answerChallenge(WebhookRequest request) {
            return hasChallenge
                    ? WebhookResult.challenge(
                            "text/plain", request.queryParam("c").orElse(""))
                    : super.answerChallenge(request);
        }

        @Override
        protected void verify(WebhookRequest request) {
            HEADER.verify(request, KEY);
        }

        @Override
        protected WebhookResult parse(WebhookRequest request) {
            parsed.incrementAndGet();
            return WebhookResult.accepted(List.of());
        }
    }

    @Test
    void getAnswersTheChallenge() {
        WebhookResult result = new Recording(true).handle(WebhookRequest.get("/", Map.of("c", "42")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("42");
    }

    @Test
    void postIsParsedOnlyAfterItsSignatureIsVerified() {
        Recording handler = new Recording(true);
        String body = "{}";

        WebhookRejectedException unsigned = catchThrowableOfType(
                WebhookRejectedException.class, () -> handler.handle(WebhookRequest.post("/", Map.of(), body)));
        assertThat(unsigned.httpStatus()).isEqualTo(401);
        assertThat(handler.parsed).hasValue(0);

        WebhookResult ok =
                handler.handle(WebhookRequest.post("/", Map.of("x-sig", HEADER.sign(KEY, body.getBytes())), body));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(handler.parsed).hasValue(1);
    }

    @Test
    void otherMethodsAndAMissingChallengeAnswer405() {
        Recording withChallenge = new Recording(true);
        Recording without = new Recording(false);
        WebhookRequest put = new WebhookRequest("PUT", "/", Map.of(), Map.of(), new byte[0]);

        WebhookRejectedException putRejected =
                catchThrowableOfType(WebhookRejectedException.class, () -> withChallenge.handle(put));
        WebhookRejectedException getRejected = catchThrowableOfType(
                WebhookRejectedException.class, () -> without.handle(WebhookRequest.get("/", Map.of())));

        assertThat(putRejected.httpStatus()).isEqualTo(405);
        assertThat(putRejected).hasMessageContaining("method PUT is not allowed for test webhooks");
        assertThat(getRejected.httpStatus()).isEqualTo(405);
        assertThat(withChallenge.parsed).hasValue(0);
    }
}
