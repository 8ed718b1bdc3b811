package org.socialcare.facebook;

import static org.socialcare.facebook.TestPages.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.adapter.VerificationChallenge;
import org.socialcare.testkit.adapter.WebhookHandlerContract;

class FacebookWebhookHandlerContractTest extends WebhookHandlerContract {
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected WebhookHandler handler() {
        return new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);
    }

    @Override
    protected String customerMessageBody(String text) {
        long t = NOW.getEpochSecond() - 60;
        return pageWebhook(changesEntry(
                        PAGE_ID, t, commentAdded("11_99", PAGE_ID + "_11", PAGE_ID + "_11", "7777", "Pat", text, t)))
                .toString();
    }

    /** A comment on the page and an entry for a page no channel is configured for. */
    @Override
    protected Optional<String> bodyWithOneUnreadableItem(String text) {
        long t = NOW.getEpochSecond() - 60;
        return Optional.of(pageWebhook(
                        changesEntry(
                                PAGE_ID,
                                t,
                                commentAdded("11_99", PAGE_ID + "_11", PAGE_ID + "_11", "7777", "Pat", text, t)),
                        changesEntry(
                                "9999999999",
                                t,
                                commentAdded("12_99", "9999999999_12", "9999999999_12", "7778", "Sam", "hi", t)))
                .toString());
    }

    @Override
    protected String sign(String body) {
        return FacebookWebhookHandler.signature(APP_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected WebhookRequest request(String body, Optional<String> signature) {
        return post(body, signature);
    }

    @Override
    protected Optional<VerificationChallenge> verificationChallenge() {
        return Optional.of(new VerificationChallenge(
                WebhookRequest.get(
                        "/webhooks/facebook",
                        Map.of(
                                "hub.mode",
                                "subscribe",
                                "hub.verify_token",
                                VERIFY_TOKEN,
                                "hub.challenge",
                                "CHALLENGE_ACCEPTED")),
                "CHALLENGE_ACCEPTED"));
    }

    @Override
    protected List<String> secrets() {
        return TestPages.secrets();
    }
}
