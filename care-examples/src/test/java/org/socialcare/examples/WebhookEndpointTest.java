package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

class WebhookEndpointTest {
    private final CareDesk desk = CareDesk.builder()
            .team(Team.of("care", "Care"))
            .channel(Channel.of(
                    "web", Platform.of("webchat"), "bank", "1", ChannelKind.DEDICATED_CARE, TeamId.of("care")))
            .receiveOnly(ChannelId.of("web"))
            .build();

    /** Answers GET ?challenge=x with x; ingests a POST body as one message when the token header is right. */
    private final WebhookHandler handler = new WebhookHandler() {
        @Override
        public Platform platform() {
            return Platform.of("webchat");
        }

        @Override
        public WebhookResult handle(WebhookRequest r) {
            if (r.method().equals("GET")) {
                return WebhookResult.challenge(
                        "text/plain", r.queryParam("challenge").orElse(""));
            }
            if (!r.header("x-token").filter("secret"::equals).isPresent()) {
                throw new WebhookRejectedException("bad token", 403);
            }
            InboundMessage m = InboundMessage.builder(
                            MessageKey.of(platform(), "1"), ChannelId.of("web"), Party.of("u1", "u"))
                    .text(r.bodyAsString())
                    .createdAt(Instant.now())
                    .build();
            return WebhookResult.accepted(List.of(Batch.of(List.of(m))));
        }
    };

    @Test
    void servesChallengesAndIngestsSignedCallsOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WebhookEndpoint endpoint = WebhookEndpoint.start(desk, Map.of("/hooks/webchat", handler))) {
            URI base = endpoint.baseUri();
            HttpResponse<String> challenge = http.send(
                    HttpRequest.newBuilder(base.resolve("/hooks/webchat?challenge=abc%20d"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(challenge.statusCode()).isEqualTo(200);
            assertThat(challenge.body()).isEqualTo("abc d");

            HttpResponse<String> rejected = http.send(
                    HttpRequest.newBuilder(base.resolve("/hooks/webchat"))
                            .POST(HttpRequest.BodyPublishers.ofString("hello"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rejected.statusCode()).isEqualTo(403);

            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(base.resolve("/hooks/webchat"))
                            .header("X-Token", "secret")
                            .POST(HttpRequest.BodyPublishers.ofString("hello"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
        }
        assertThat(desk.queue(TeamId.of("care"), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.customer().platformUserId()).isEqualTo("u1"));
    }

    @Test
    void twoClientsTricklingBodiesStallNobodyAndAreCutOffAtTheReadTimeout() throws Exception {
        WebhookEndpoint.Limits limits = WebhookEndpoint.Limits.defaults()
                .withReadTimeout(Duration.ofSeconds(3))
                .withThreads(4);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (WebhookEndpoint endpoint = WebhookEndpoint.start(desk, Map.of("/hooks/webchat", handler), limits)) {
            URI base = endpoint.baseUri();
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket("127.0.0.1", base.getPort());
                s.setSoTimeout(15_000);
                s.getOutputStream()
                        .write(("POST /hooks/webchat HTTP/1.1\r\nHost: x\r\nX-Token: secret\r\n"
                                        + "Content-Length: 100000\r\n\r\nab")
                                .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                for (Socket s : slow) {
                    s.getOutputStream().write('x');
                    s.getOutputStream().flush();
                }
                HttpResponse<String> ok = http.send(
                        HttpRequest.newBuilder(base.resolve("/hooks/webchat?challenge=c" + i))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("c" + i);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            for (Socket s : slow) {
                try (s) {
                    assertThat(statusLine(s.getInputStream())).startsWith("HTTP/1.1 408");
                }
            }
        }
        assertThat(desk.queue(TeamId.of("care"), 10)).isEmpty();
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeAnyByteOfItIsSent() throws Exception {
        WebhookEndpoint.Limits limits = WebhookEndpoint.Limits.defaults().withMaxBodyBytes(1000);
        try (WebhookEndpoint endpoint = WebhookEndpoint.start(desk, Map.of("/hooks/webchat", handler), limits);
                Socket s = new Socket("127.0.0.1", endpoint.baseUri().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /hooks/webchat HTTP/1.1\r\nHost: x\r\nX-Token: secret\r\n"
                            + "Content-Length: 500000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(s.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() throws Exception {
        WebhookEndpoint.Limits limits = WebhookEndpoint.Limits.defaults().withMaxBodyBytes(1000);
        HttpClient http = HttpClient.newHttpClient();
        try (WebhookEndpoint endpoint = WebhookEndpoint.start(desk, Map.of("/hooks/webchat", handler), limits)) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(endpoint.baseUri().resolve("/hooks/webchat"))
                            .header("X-Token", "secret")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(new byte[5000])))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);
        }
        assertThat(desk.queue(TeamId.of("care"), 10)).isEmpty();
    }

    @Test
    void limitsNameTheBadSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> WebhookEndpoint.Limits.defaults().withThreads(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads")
                .hasMessageContaining("1");
    }

    private static String statusLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
