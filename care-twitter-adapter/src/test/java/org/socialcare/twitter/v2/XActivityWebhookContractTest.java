package org.socialcare.twitter.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /**
     * A {@code dm.received} delivery with the customer's DM and a {@code message_create} without its sender: the second
     * must be a dead letter.
     */
    @Override
    protected Optional<String> bodyWithOneUnreadableItem(String text) {
        String dm = emulator.directMessageFrom(
                emulator.user("1900000000000000501", "jane_doe", "Jane", 3, false), text, Instant.now());
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(emulator.activityDirectMessage(dm));
            ArrayNode events = (ArrayNode) body.get("data").get("payload").get("direct_message_events");
            ObjectNode broken = events.get(0).deepCopy();
            broken.put("id", "1900000000000000888");
            ((ObjectNode) broken.get("message_create")).remove("sender_id");
            events.add(broken);
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
