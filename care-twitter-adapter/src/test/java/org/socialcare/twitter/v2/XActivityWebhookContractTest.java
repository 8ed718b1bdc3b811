package org.socialcare.twitter.v2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.testkit.adapter.VerificationChallenge;
import org.socialcare.testkit.adapter.WebhookHandlerContract;
import org.socialcare.twitter.TwitterWebhookHandler;

/** The testkit's webhook contract for X Activity API bodies ({@code post.mention.create}) built by the emulator. */
class XActivityWebhookContractTest extends WebhookHandlerContract {
    private final XApiEmulator emulator = XTestSupport.emulator();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected WebhookHandler handler() {
        return TwitterWebhookHandler.builder()
                .consumerSecret(emulator.consumerSecret())
                .account(emulator.account().id(), XTestSupport.CHANNEL)
                .build();
    }

    @Override
    protected String customerMessageBody(String text) {
        return emulator.activityMention(
                emulator.mention(emulator.user("1900000000000000501", "jane_doe", "Jane", 3, false), text));
    }

    @Override
    protected String sign(String body) {
        return emulator.webhookSignature(body);
    }

    @Override
    protected WebhookRequest request(String body, Optional<String> signature) {
        Map<String, String> h = new HashMap<>(Map.of("Content-Type", "application/json"));
        signature.ifPresent(s -> h.put(TwitterWebhookHandler.SIGNATURE_HEADER, s));
        return WebhookRequest.post("/webhooks/x", h, body);
    }

    @Override
    protected Optional<VerificationChallenge> verificationChallenge() {
        String token = "xaa-challenge-42";
        return Optional.of(new VerificationChallenge(
                WebhookRequest.get("/webhooks/x", Map.of("crc_token", token)),
                "{\"response_token\":\"" + emulator.webhookSignature(token) + "\"}"));
    }

    @Override
    protected List<String> secrets() {
        return List.of(emulator.consumerSecret(), emulator.accessToken(), emulator.oauth1TokenSecret());
    }
}
