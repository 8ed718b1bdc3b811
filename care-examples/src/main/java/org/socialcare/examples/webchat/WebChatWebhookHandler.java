package org.socialcare.examples.webchat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.socialcare.adapter.support.SignedWebhookHandler;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;

/**
 * Receives the web chat server's push callbacks: {@code POST <path>} with body {@code {"messages":[item...]}}
 * (items as in {@code GET /api/messages}) and the {@code X-Chat-Signature} header over method, path and body.
 * The signature is checked first, in constant time (else {@link WebhookRejectedException}, 401), then the body
 * is read: not JSON or no {@code messages} array raises {@link MalformedPayloadException} naming the field; a bad
 * item goes to the batch's rejected payloads like in {@link WebChatChannelSource}. Answers 200 with one batch
 * (no checkpoint: pushes and polls meet in the desk's deduplication). The chat has no verification challenge:
 * any other method than POST is rejected with 405 (the template is {@link SignedWebhookHandler}). Thread-safe.
 */
public final class WebChatWebhookHandler extends SignedWebhookHandler {
    private final WebChatSettings settings;
    private final ChatSignature signature;
    private final ChatItems items;

    /** A handler delivering to {@code channel}, verifying with the shared secret of {@code settings}. */
    public WebChatWebhookHandler(WebChatSettings settings, ChannelId channel) {
        super("web chat");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signature = new ChatSignature(settings.sharedSecret());
        this.items =
                new ChatItems(Objects.requireNonNull(channel, "channel"), "webchat:" + channel.value() + ":webhook");
    }

    @Override
    public Platform platform() {
        return WebChatSettings.PLATFORM;
    }

    /** The {@code X-Chat-Signature} over method, path and body, within the clock skew tolerance. */
    @Override
    protected void verify(WebhookRequest request) {
        if (!signature.verify(
                request.header(ChatSignature.HEADER).orElse(null),
                settings.clock().instant(),
                request.method(),
                request.path(),
                request.bodyAsString())) {
            throw new WebhookRejectedException("missing or invalid " + ChatSignature.HEADER, 401);
        }
    }

    @Override
    protected WebhookResult parse(WebhookRequest request) {
        String body = request.bodyAsString();
        Object parsed;
        try {
            parsed = ChatJson.parse(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("$", "not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> callback) || !(callback.get("messages") instanceof List<?> list)) {
            throw new MalformedPayloadException("$.messages", "missing or not an array");
        }
        return WebhookResult.accepted(List.of(
                items.read(list.stream().map(ChatJson.Parsed.class::cast).toList())));
    }

    @Override
    public String toString() {
        return "WebChatWebhookHandler[" + settings + "]";
    }
}
