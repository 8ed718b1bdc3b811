package org.socialcare.examples.webchat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.testkit.adapter.WebhookHandlerContract;

class WebChatWebhookHandlerContractTest extends WebhookHandlerContract {
    private static final String SECRET = "chat-hook-secret";
    private static final String PATH = "/webhooks/webchat";

    @Override
    protected WebhookHandler handler() {
        WebChatSettings settings = WebChatSettings.builder(URI.create("http://127.0.0.1:1"), SECRET)
                .build();
        return new WebChatWebhookHandler(settings, ChannelId.of("webchat-bank"));
    }

    @Override
    protected String customerMessageBody(String text) {
        return "{\"messages\":[{\"seq\":41,\"sessionId\":\"s-4711\",\"from\":\"customer\",\"name\":\"Anna\",\"text\":"
                + ChatJson.quote(text) + ",\"sentAt\":\"2026-03-02T09:00:00Z\"}]}";
    }

    /** A customer message and an item without its session. */
    @Override
    protected Optional<String> bodyWithOneUnreadableItem(String text) {
        return Optional.of(
                "{\"messages\":[{\"seq\":41,\"sessionId\":\"s-4711\",\"from\":\"customer\",\"name\":\"Anna\","
                        + "\"text\":" + ChatJson.quote(text) + ",\"sentAt\":\"2026-03-02T09:00:00Z\"},"
                        + "{\"seq\":42,\"from\":\"customer\",\"text\":\"no session\",\"sentAt\":\"2026-03-02T09:00:01Z\"}]}");
    }

    @Override
    protected String sign(String body) {
        return new ChatSignature(SECRET).sign(Instant.now(), "POST", PATH, body);
    }

    @Override
    protected WebhookRequest request(String body, Optional<String> signature) {
        return WebhookRequest.post(
                PATH, signature.map(s -> Map.of(ChatSignature.HEADER, s)).orElse(Map.of()), body);
    }

    @Override
    protected List<String> secrets() {
        return List.of(SECRET);
    }
}
