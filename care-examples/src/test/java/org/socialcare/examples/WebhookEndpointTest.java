package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
}
