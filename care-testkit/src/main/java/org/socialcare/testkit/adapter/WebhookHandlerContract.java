package org.socialcare.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.testkit.NoNulls;

/**
 * Contract of a {@link WebhookHandler}: verify, then parse.
 *
 * <p>Checks: a correctly signed callback carrying one customer message answers 200 with batches holding that
 * message (text intact, no nulls), the same way every time; a missing signature, a signature of another
 * body, and a body changed after signing are rejected with {@link WebhookRejectedException} (status 400, 401
 * or 403) before any parsing (garbage without a valid signature is rejected, not reported malformed); a signed body that is not valid JSON or is cut short raises
 * {@link MalformedPayloadException} naming a field; the verification challenge, when the subclass gives
 * one, is answered with 200 and the expected body; no exception message contains a secret.
 *
 * <p>The subclass provides the {@link #handler()} under test (configured with a test app secret), a
 * {@link #customerMessageBody(String)} in the platform's callback format, {@link #sign(String)} computing the
 * signature header value with that secret, and {@link #request(String, Optional)} building the POST with or
 * without that header. Complete subclasses to copy from: {@code FacebookWebhookHandlerContractTest}
 * (care-facebook-adapter), {@code TwitterWebhookHandlerContractTest} and {@code XActivityWebhookContractTest}
 * (care-twitter-adapter), {@code WebChatWebhookHandlerContractTest} (care-examples).
 */
public abstract class WebhookHandlerContract {
    /** The handler under test. */
    protected abstract WebhookHandler handler();

    /** A complete callback body, as the platform sends it, carrying exactly one customer message with {@code text}. */
    protected abstract String customerMessageBody(String text);

    /** The signature header value the platform would send for {@code body} (UTF-8 bytes) with the handler's secret. */
    protected abstract String sign(String body);

    /** A POST callback with {@code body} and, when present, the signature header set to {@code signature}. */
    protected abstract WebhookRequest request(String body, Optional<String> signature);

    /** The platform's verification call and expected answer, if the platform has one. Default: none. */
    protected Optional<VerificationChallenge> verificationChallenge() {
        return Optional.empty();
    }

    /**
     * A complete callback body carrying one customer message with {@code text} and one item the adapter cannot read
     * (an event for a page or session it does not know, a message without its sender): the adapter must keep that
     * item as a dead letter ({@code Batch.rejected}), not drop it. Default: empty, which skips
     * {@code anUnreadableItemIsDeadLetteredNotDropped}; every adapter whose callbacks carry several items should
     * give one.
     */
    protected Optional<String> bodyWithOneUnreadableItem(String text) {
        return Optional.empty();
    }

    /** Secrets configured in the handler; none may appear in an exception message. */
    protected List<String> secrets() {
        return List.of();
    }

    private static final String TEXT = "My card was charged twice \u00e9 \uD83D\uDE21 msg 00001";

    @Test
    void signedCallbackIsAcceptedWithItsMessage() {
        String body = customerMessageBody(TEXT);

        WebhookResult result = handler().handle(request(body, Optional.of(sign(body))));

        assertThat(result.status()).isEqualTo(200);
        List<InboundMessage> messages = messages(result);
        assertThat(messages).as("customer messages in the callback").hasSize(1);
        assertThat(messages.get(0).text()).contains(TEXT);
        NoNulls.assertNoNulls("result", result);
    }

    @Test
    void sameCallbackTwiceGivesTheSameMessageKeys() {
        String body = customerMessageBody(TEXT);
        WebhookHandler handler = handler();

        List<InboundMessage> first = messages(handler.handle(request(body, Optional.of(sign(body)))));
        List<InboundMessage> second = messages(handler.handle(request(body, Optional.of(sign(body)))));

        assertThat(second.stream().map(InboundMessage::key))
                .containsExactlyElementsOf(
                        first.stream().map(InboundMessage::key).toList());
    }

    @Test
    void missingSignatureIsRejected() {
        String body = customerMessageBody(TEXT);

        assertRejected(request(body, Optional.empty()));
    }

    @Test
    void signatureOfAnotherBodyIsRejected() {
        String body = customerMessageBody(TEXT);
        String other = customerMessageBody("something else entirely");

        assertRejected(request(body, Optional.of(sign(other))));
    }

    @Test
    void bodyChangedAfterSigningIsRejected() {
        String body = customerMessageBody(TEXT);
        String signature = sign(body);
        String tampered = body.replace("charged twice", "charged thrice");
        assertThat(tampered).as("tampered body").isNotEqualTo(body);

        assertRejected(request(tampered, Optional.of(signature)));
    }

    @Test
    void garbageSignatureIsRejected() {
        String body = customerMessageBody(TEXT);

        assertRejected(request(body, Optional.of("sha256=not-a-signature")));
    }

    @Test
    void unsignedGarbageIsRejectedBeforeAnyParsing() {
        assertRejected(request("this is not json at all", Optional.empty()));
        assertRejected(request("this is not json at all", Optional.of(sign("{}"))));
    }

    @Test
    void signedBodyThatIsNotJsonIsMalformed() {
        assertMalformed("this is not json at all");
    }

    @Test
    void signedBodyCutShortIsMalformed() {
        String body = customerMessageBody(TEXT);

        assertMalformed(body.substring(0, body.length() / 2));
    }

    @Test
    void anUnreadableItemIsDeadLetteredNotDropped() {
        Optional<String> body = bodyWithOneUnreadableItem(TEXT);
        Assumptions.assumeTrue(body.isPresent(), "the adapter gives no callback with an unreadable item");

        WebhookResult result = handler().handle(request(body.get(), Optional.of(sign(body.get()))));

        assertThat(result.batches().stream().flatMap(b -> b.messages().stream()))
                .as("messages of the callback")
                .anySatisfy(m -> assertThat(m.text()).contains(TEXT));
        assertThat(result.batches().stream().flatMap(b -> b.rejected().stream()))
                .as("dead letters of the callback (the unreadable item, kept rather than dropped)")
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void verificationChallengeIsAnswered() {
        Optional<VerificationChallenge> challenge = verificationChallenge();
        Assumptions.assumeTrue(challenge.isPresent(), "the platform has no verification challenge");

        WebhookResult result = handler().handle(challenge.get().request());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains(challenge.get().expectedBody());
        assertThat(result.batches()).isEmpty();
    }

    private void assertRejected(WebhookRequest request) {
        WebhookRejectedException e = catchThrowableOfType(
                WebhookRejectedException.class, () -> handler().handle(request));
        assertThat(e).as("rejection of %s", request).isNotNull();
        assertThat(e.httpStatus()).isIn(400, 401, 403);
        assertNoSecretIn(e);
    }

    private void assertMalformed(String body) {
        MalformedPayloadException e = catchThrowableOfType(
                MalformedPayloadException.class, () -> handler().handle(request(body, Optional.of(sign(body)))));
        assertThat(e).as("malformed payload error for a signed broken body").isNotNull();
        assertThat(e.field()).as("field named by the error").isNotBlank();
        assertNoSecretIn(e);
    }

    private static List<InboundMessage> messages(WebhookResult result) {
        return result.batches().stream()
                .map(Batch::messages)
                .flatMap(List::stream)
                .toList();
    }

    private void assertNoSecretIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : secrets()) {
                assertThat(message)
                        .as("exception message (must not contain a secret)")
                        .doesNotContain(secret);
            }
        }
    }
}
