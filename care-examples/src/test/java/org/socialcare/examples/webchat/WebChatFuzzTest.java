package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.testkit.fuzz.PayloadFuzz;

/**
 * Fuzzes the web chat webhook (signed and unsigned) with hostile bodies made from chat callbacks: every case ends
 * in a batch, a {@link MalformedPayloadException} or a {@link WebhookRejectedException}. {@value
 * PayloadFuzz#DEFAULT_TRIES} cases by default, {@code -Dcare.fuzz.tries} more (the CI profile: 50,000); no log line over 1,000
 * characters or holding a card number.
 */
class WebChatFuzzTest {
    private static final String SECRET = "chat-fuzz-secret";
    private static final String PATH = "/webhooks/webchat";
    private static final List<String> SEEDS = List.of(
            "{\"messages\":[{\"seq\":41,\"sessionId\":\"s-4711\",\"from\":\"customer\",\"name\":\"Anna\","
                    + "\"text\":\"Card 4111 1111 1111 1111 \\\"blocked\\\" \\u00e9\",\"sentAt\":\"2026-03-02T09:00:00Z\"}]}",
            "{\"messages\":[{\"seq\":1,\"sessionId\":\"s-1\",\"from\":\"agent\",\"name\":\"Bank\",\"text\":\"hi\","
                    + "\"sentAt\":\"2026-03-02T09:00:01Z\"},{\"seq\":2,\"sessionId\":\"s-1\",\"from\":\"customer\","
                    + "\"name\":\"Bo\",\"text\":\"IBAN DE89370400440532013000\",\"sentAt\":\"2026-03-02T09:00:02Z\"}]}");

    private final WebChatWebhookHandler handler = new WebChatWebhookHandler(
            WebChatSettings.builder(URI.create("http://127.0.0.1:1"), SECRET).build(), ChannelId.of("webchat-bank"));

    @Test
    @Timeout(900)
    void everyHostileBodyEndsInATypedResult() {
        Map<String, Consumer<byte[]>> entryPoints = new LinkedHashMap<>();
        entryPoints.put("webhook, signed", body -> handler.handle(post(body, true)));
        entryPoints.put("webhook, unsigned", body -> handler.handle(post(body, false)));

        PayloadFuzz.Report report = PayloadFuzz.runWatchingLogs(
                PayloadFuzz.hostile(SEEDS.stream()
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))
                        .toList()),
                PayloadFuzz.tries(),
                entryPoints,
                Set.of(MalformedPayloadException.class, WebhookRejectedException.class),
                1_000);

        assertThat(report.cases()).isEqualTo(PayloadFuzz.tries());
        assertThat(report.count("webhook, signed", "returned")).isPositive();
        assertThat(report.count("webhook, signed", "MalformedPayloadException")).isPositive();
        assertThat(report.count("webhook, unsigned", "WebhookRejectedException"))
                .isEqualTo(report.cases());
    }

    private static WebhookRequest post(byte[] body, boolean signed) {
        Map<String, List<String>> headers = signed
                ? Map.of(
                        ChatSignature.HEADER,
                        List.of(new ChatSignature(SECRET)
                                .sign(Instant.now(), "POST", PATH, new String(body, StandardCharsets.UTF_8))))
                : Map.of();
        return new WebhookRequest("POST", PATH, headers, Map.of(), body);
    }
}
