package org.socialcare.emulators.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XApiEmulatorTest {
    private final XApiEmulator emulator = XApiEmulator.builder().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void deliversSignedXActivityBodiesToALocalWebhook() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> signature = new AtomicReference<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/webhooks/x", ex -> {
            body.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signature.set(ex.getRequestHeaders().getFirst("x-twitter-webhooks-signature"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        try {
            String id = emulator.mention(emulator.user("1900000000000000501", "jane", "Jane", 5, false), "hello");
            String xaa = emulator.activityMention(id);

            int status = emulator.deliver(
                    URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/webhooks/x"), xaa);

            assertThat(status).isEqualTo(200);
            assertThat(body.get()).isEqualTo(xaa);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(emulator.consumerSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(signature.get())
                    .isEqualTo("sha256="
                            + Base64.getEncoder().encodeToString(mac.doFinal(xaa.getBytes(StandardCharsets.UTF_8))));
            JsonNode data = new ObjectMapper().readTree(xaa).get("data");
            assertThat(data.get("event_type").asText()).isEqualTo("post.mention.create");
            assertThat(data.get("filter").get("user_id").asText())
                    .isEqualTo(emulator.account().id());
            assertThat(data.get("payload").get("id").asText()).isEqualTo(id);
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void postsCarryTheirLanguageAndTheAccountsOwnPostNamesItsClientAppInSource() throws Exception {
        ObjectMapper json = new ObjectMapper();
        XApiEmulator.User ana = emulator.user("1900000000000000777", "ana", "Ana", 12, false);
        String spanish = emulator.mentionAt(ana, "mi tarjeta no funciona", java.time.Instant.now(), "es");
        String own = emulator.ownPostFromApp("Big news!", "TweetBlaster Pro");

        JsonNode mention = json.readTree(emulator.activityMention(spanish)).at("/data/payload");
        JsonNode ownPost = json.readTree(emulator.activityOwnPost(own)).at("/data/payload");

        assertThat(mention.get("lang").asText()).isEqualTo("es");
        assertThat(mention.has("source")).isFalse();
        assertThat(ownPost.get("source").asText()).isEqualTo("TweetBlaster Pro");
        assertThat(ownPost.get("author_id").asText())
                .isEqualTo(emulator.account().id());
        assertThat(ownPost.get("text").asText())
                .isEqualTo("Big news! @" + emulator.account().username());
        assertThat(ownPost.at("/entities/mentions/0/start").asInt()).isEqualTo("Big news! ".length());
        assertThatThrownBy(() -> emulator.mentionAt(ana, "x", java.time.Instant.now(), "Spanish!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Spanish!");
        assertThatThrownBy(() -> emulator.ownPostFromApp("x", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appName");
    }

    @Test
    void skippedIdsLeaveAGapSoSeveralAccountsCanHaveIdRangesOfTheirOwn() {
        XApiEmulator.User ana = emulator.user("1900000000000000777", "ana", "Ana", 12, false);
        long first = Long.parseLong(emulator.mention(ana, "one"));
        emulator.skipIds(1_000);
        long second = Long.parseLong(emulator.mention(ana, "two"));

        assertThat(second - first).isEqualTo(1_001);
        assertThatThrownBy(() -> emulator.skipIds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void refusesToDeliverAnywhereButThisMachine() {
        assertThatThrownBy(() -> emulator.deliver(URI.create("https://example.com/hook"), "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example.com");
    }

    @Test
    void unknownFieldsAndMissingAuthAreRefusedAsXDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String mentions = emulator.baseUrl() + "2/users/" + emulator.account().id() + "/mentions";

        HttpResponse<String> noAuth =
                http.send(HttpRequest.newBuilder(URI.create(mentions)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badField = http.send(
                HttpRequest.newBuilder(URI.create(mentions + "?tweet.fields=full_text"))
                        .header("Authorization", "Bearer " + emulator.accessToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(badField.body()).contains("full_text");
    }
}
