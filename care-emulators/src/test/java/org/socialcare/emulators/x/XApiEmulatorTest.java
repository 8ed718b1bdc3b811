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
