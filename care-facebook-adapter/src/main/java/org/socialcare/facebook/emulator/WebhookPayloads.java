package org.socialcare.facebook.emulator;

import com.restfb.json.JsonArray;
import com.restfb.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.facebook.FacebookWebhookHandler;

/**
 * Builds page webhook bodies in the shapes Facebook documents (feed comment added, Messenger message and echo)
 * and signs them like Facebook does, so a demo or a test can push events through
 * {@link FacebookWebhookHandler} without Facebook. Not for production use. Thread-safe (stateless).
 */
public final class WebhookPayloads {
    private WebhookPayloads() {}

    /** A {@code feed} webhook: someone commented on a post ({@code parentId} = the post, or the comment answered). */
    public static String commentAdded(
            String pageId,
            String postId,
            String commentId,
            String parentId,
            String fromId,
            String fromName,
            String message,
            Instant createdAt) {
        JsonObject value = new JsonObject()
                .add("from", new JsonObject().add("id", fromId).add("name", fromName))
                .add("item", "comment")
                .add("verb", "add")
                .add("post_id", postId)
                .add("comment_id", commentId)
                .add("parent_id", parentId)
                .add("message", message)
                .add("created_time", createdAt.getEpochSecond());
        JsonObject change = new JsonObject().add("field", "feed").add("value", value);
        return page(new JsonObject()
                .add("id", pageId)
                .add("time", createdAt.getEpochSecond())
                .add("changes", new JsonArray().add(change)));
    }

    /** A {@code messages} webhook: the customer (PSID) wrote to the page on Messenger. */
    public static String messengerMessage(String pageId, String psid, String mid, String text, Instant sentAt) {
        JsonObject event = new JsonObject()
                .add("sender", new JsonObject().add("id", psid))
                .add("recipient", new JsonObject().add("id", pageId))
                .add("timestamp", sentAt.toEpochMilli())
                .add("message", new JsonObject().add("mid", mid).add("text", text));
        return page(new JsonObject()
                .add("id", pageId)
                .add("time", sentAt.toEpochMilli())
                .add("messaging", new JsonArray().add(event)));
    }

    /** A {@code message_echoes} webhook: the page's own message to the customer, sent through {@code appId}. */
    public static String messengerEcho(
            String pageId, String psid, String mid, String text, Instant sentAt, String appId) {
        JsonObject message = new JsonObject()
                .add("mid", mid)
                .add("is_echo", true)
                .add("app_id", appId)
                .add("text", text);
        JsonObject event = new JsonObject()
                .add("sender", new JsonObject().add("id", pageId))
                .add("recipient", new JsonObject().add("id", psid))
                .add("timestamp", sentAt.toEpochMilli())
                .add("message", message);
        return page(new JsonObject()
                .add("id", pageId)
                .add("time", sentAt.toEpochMilli())
                .add("messaging", new JsonArray().add(event)));
    }

    /** The POST Facebook would send: JSON body with {@code X-Hub-Signature-256} computed with {@code appSecret}. */
    public static WebhookRequest signedRequest(String path, String body, String appSecret) {
        Objects.requireNonNull(body, "body");
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(
                FacebookWebhookHandler.SIGNATURE_HEADER,
                FacebookWebhookHandler.signature(appSecret, body.getBytes(StandardCharsets.UTF_8)));
        return WebhookRequest.post(path, headers, body);
    }

    /** The subscription check Facebook sends when the webhook is set up. */
    public static WebhookRequest verification(String path, String verifyToken, String challenge) {
        return WebhookRequest.get(
                path, Map.of("hub.mode", "subscribe", "hub.verify_token", verifyToken, "hub.challenge", challenge));
    }

    private static String page(JsonObject entry) {
        return new JsonObject()
                .add("object", "page")
                .add("entry", new JsonArray().add(entry))
                .toString();
    }
}
