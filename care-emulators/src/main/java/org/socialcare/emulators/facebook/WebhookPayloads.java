package org.socialcare.emulators.facebook;

import static org.socialcare.emulators.facebook.GraphApiEmulator.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.SignatureHeader;
import org.socialcare.core.port.in.WebhookRequest;

/**
 * Builds page webhook bodies in the shapes Facebook documents (feed comment added, Messenger message and echo)
 * and signs them like Facebook does ({@value #SIGNATURE_HEADER}), so a demo or a test can push events through the
 * adapter's webhook handler without Facebook. Not for production use. Thread-safe (stateless).
 */
public final class WebhookPayloads {
    /** The header Facebook signs page webhook bodies in: {@code sha256=} and the hex HMAC-SHA256 with the app secret. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final SignatureHeader SIGNATURE = SignatureHeader.hex(SIGNATURE_HEADER);

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
        ObjectNode value = obj(
                "from",
                obj("id", fromId, "name", fromName),
                "item",
                "comment",
                "verb",
                "add",
                "post_id",
                postId,
                "comment_id",
                commentId,
                "parent_id",
                parentId,
                "message",
                message,
                "created_time",
                createdAt.getEpochSecond());
        ObjectNode change = obj("field", "feed", "value", value);
        return page(obj("id", pageId, "time", createdAt.getEpochSecond(), "changes", array(change)));
    }

    /** A {@code messages} webhook: the customer (PSID) wrote to the page on Messenger. */
    public static String messengerMessage(String pageId, String psid, String mid, String text, Instant sentAt) {
        ObjectNode event = obj(
                "sender", obj("id", psid),
                "recipient", obj("id", pageId),
                "timestamp", sentAt.toEpochMilli(),
                "message", obj("mid", mid, "text", text));
        return page(obj("id", pageId, "time", sentAt.toEpochMilli(), "messaging", array(event)));
    }

    /** A {@code message_echoes} webhook: the page's own message to the customer, sent through {@code appId}. */
    public static String messengerEcho(
            String pageId, String psid, String mid, String text, Instant sentAt, String appId) {
        ObjectNode message = obj("mid", mid, "is_echo", true, "app_id", appId, "text", text);
        ObjectNode event = obj(
                "sender", obj("id", pageId),
                "recipient", obj("id", psid),
                "timestamp", sentAt.toEpochMilli(),
                "message", message);
        return page(obj("id", pageId, "time", sentAt.toEpochMilli(), "messaging", array(event)));
    }

    /** The POST Facebook would send: JSON body with {@code X-Hub-Signature-256} computed with {@code appSecret}. */
    public static WebhookRequest signedRequest(String path, String body, String appSecret) {
        Objects.requireNonNull(body, "body");
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(SIGNATURE_HEADER, signature(appSecret, body));
        return WebhookRequest.post(path, headers, body);
    }

    /** The subscription check Facebook sends when the webhook is set up. */
    public static WebhookRequest verification(String path, String verifyToken, String challenge) {
        return WebhookRequest.get(
                path, Map.of("hub.mode", "subscribe", "hub.verify_token", verifyToken, "hub.challenge", challenge));
    }

    /** The {@value #SIGNATURE_HEADER} value Facebook sends for {@code body} (UTF-8) signed with {@code appSecret}. */
    public static String signature(String appSecret, String body) {
        return SIGNATURE.sign(HmacSha256.key("appSecret", appSecret), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String page(ObjectNode entry) {
        return GraphApiEmulator.write(obj("object", "page", "entry", array(entry)));
    }

    private static JsonNode array(ObjectNode element) {
        return JsonNodeFactory.instance.arrayNode().add(element);
    }
}
