package org.socialcare.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.testkit.adapter.VerificationChallenge;
import org.socialcare.testkit.adapter.WebhookHandlerContract;

/** The testkit's webhook contract for Account Activity bodies built by the emulator. */
class TwitterWebhookHandlerContractTest extends WebhookHandlerContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected WebhookHandler handler() {
        return TwitterWebhookHandler.forAccount(config);
    }

    @Override
    protected String customerMessageBody(String text) {
        return emulator.tweetCreateEvents(emulator.mention(emulator.user(501, "jane_doe", "Jane", 3, false), text));
    }

    /** A mention and a status without its author (a user object): the second must be a dead letter. */
    @Override
    protected Optional<String> bodyWithOneUnreadableItem(String text) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(customerMessageBody(text));
            ((ArrayNode) body.get("tweet_create_events"))
                    .addObject()
                    .put("id_str", "1900000000000000777")
                    .put("created_at", "Mon Mar 02 09:00:00 +0000 2026")
                    .put("text", "@AskBank a status without its author");
            return Optional.of(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String sign(String body) {
        return emulator.webhookSignature(body);
    }

    @Override
    protected WebhookRequest request(String body, Optional<String> signature) {
        Map<String, String> h = new HashMap<>(Map.of("Content-Type", "application/json"));
        signature.ifPresent(s -> h.put(TwitterWebhookHandler.SIGNATURE_HEADER, s));
        return WebhookRequest.post("/webhooks/twitter", h, body);
    }

    @Override
    protected Optional<VerificationChallenge> verificationChallenge() {
        String token = "challenge-123";
        return Optional.of(new VerificationChallenge(
                WebhookRequest.get("/webhooks/twitter", Map.of("crc_token", token)),
                "{\"response_token\":\""
                        + TwitterWebhookHandler.forAccount(config).responseToken(token) + "\"}"));
    }

    @Override
    protected List<String> secrets() {
        return List.of(config.consumerSecret(), config.accessToken(), config.accessTokenSecret());
    }
}
