package org.socialcare.facebook;

import com.restfb.json.JsonArray;
import com.restfb.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.in.WebhookRequest;

/** The test page, its secrets, and builders of Facebook payloads written from Facebook's documentation. */
final class TestPages {
    static final String PAGE_ID = "1000000001";
    static final String PAGE_NAME = "Acme Bank Care";
    static final String TOKEN = "EAAGtestPageToken0123456789abcdefZZ";
    static final String APP_SECRET = "app-secret-3f9a1c77d2e84b06";
    static final String VERIFY_TOKEN = "verify-token-51c0ffee";
    static final String APP_ID = "424242424242";
    static final ChannelId CHANNEL_ID = ChannelId.of("fb-care");
    static final TeamId TEAM = TeamId.of("care");
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private TestPages() {}

    static List<String> secrets() {
        return List.of(TOKEN, APP_SECRET, VERIFY_TOKEN);
    }

    static FacebookAdapterConfig.Builder config(URI graphBaseUrl) {
        return FacebookAdapterConfig.builder()
                .channel(CHANNEL_ID)
                .pageId(PAGE_ID)
                .pageAccessToken(TOKEN)
                .appSecret(APP_SECRET)
                .verifyToken(VERIFY_TOKEN)
                .appId(APP_ID)
                .graphBaseUrl(graphBaseUrl);
    }

    static FacebookAdapterConfig config() {
        return config(URI.create("http://127.0.0.1:9")).build();
    }

    static Channel channel() {
        return Channel.of(CHANNEL_ID.value(), Platform.FACEBOOK, PAGE_NAME, PAGE_ID, ChannelKind.DEDICATED_CARE, TEAM);
    }

    /** A signed POST as Facebook sends it. */
    static WebhookRequest signedPost(String body) {
        return post(
                body,
                Optional.of(FacebookWebhookHandler.signature(
                        APP_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    static WebhookRequest post(String body, Optional<String> signature) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        signature.ifPresent(s -> headers.put(FacebookWebhookHandler.SIGNATURE_HEADER, s));
        return WebhookRequest.post("/webhooks/facebook", headers, body);
    }

    // ------------------------------------------------------------ payloads (shapes from developers.facebook.com)

    static JsonObject pageWebhook(JsonObject... entries) {
        JsonArray a = new JsonArray();
        for (JsonObject e : entries) {
            a.add(e);
        }
        return new JsonObject().add("object", "page").add("entry", a);
    }

    static JsonObject changesEntry(String pageId, long time, JsonObject... changes) {
        JsonArray a = new JsonArray();
        for (JsonObject c : changes) {
            a.add(c);
        }
        return new JsonObject().add("id", pageId).add("time", time).add("changes", a);
    }

    static JsonObject messagingEntry(String pageId, long time, JsonObject... events) {
        JsonArray a = new JsonArray();
        for (JsonObject e : events) {
            a.add(e);
        }
        return new JsonObject().add("id", pageId).add("time", time).add("messaging", a);
    }

    static JsonObject commentAdded(
            String commentId,
            String postId,
            String parentId,
            String fromId,
            String fromName,
            String message,
            long createdTime) {
        JsonObject value = new JsonObject()
                .add("from", new JsonObject().add("id", fromId).add("name", fromName))
                .add(
                        "post",
                        new JsonObject()
                                .add("status_type", "added_photos")
                                .add("is_published", true)
                                .add("id", postId))
                .add("message", message)
                .add("post_id", postId)
                .add("comment_id", commentId)
                .add("created_time", createdTime)
                .add("item", "comment")
                .add("parent_id", parentId)
                .add("verb", "add");
        return new JsonObject().add("field", "feed").add("value", value);
    }

    static JsonObject feedChange(String item, String verb, String id) {
        JsonObject value = new JsonObject()
                .add("item", item)
                .add("verb", verb)
                .add("post_id", PAGE_ID + "_77")
                .add("from", new JsonObject().add("id", "555").add("name", "Someone"));
        if (item.equals("comment")) {
            value.add("comment_id", id).add("parent_id", PAGE_ID + "_77").add("message", "changed text");
        }
        if (item.equals("reaction")) {
            value.add("reaction_type", "like").add("parent_id", PAGE_ID + "_77");
        }
        return new JsonObject().add("field", "feed").add("value", value);
    }

    static JsonObject messengerText(String psid, String pageId, String mid, String text, long timestampMs) {
        return new JsonObject()
                .add("sender", new JsonObject().add("id", psid))
                .add("recipient", new JsonObject().add("id", pageId))
                .add("timestamp", timestampMs)
                .add("message", new JsonObject().add("mid", mid).add("text", text));
    }

    static JsonObject messengerEcho(
            String psid, String pageId, String mid, String text, long timestampMs, String appId) {
        return new JsonObject()
                .add("sender", new JsonObject().add("id", pageId))
                .add("recipient", new JsonObject().add("id", psid))
                .add("timestamp", timestampMs)
                .add(
                        "message",
                        new JsonObject()
                                .add("mid", mid)
                                .add("is_echo", true)
                                .add("app_id", Long.parseLong(appId))
                                .add("text", text));
    }
}
