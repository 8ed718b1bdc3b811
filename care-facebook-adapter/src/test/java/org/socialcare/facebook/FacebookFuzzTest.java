package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.APP_SECRET;
import static org.socialcare.facebook.TestPages.NOW;
import static org.socialcare.facebook.TestPages.PAGE_ID;
import static org.socialcare.facebook.TestPages.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.fuzz.PayloadFuzz;

/**
 * Fuzzes every Facebook parse entry point (the replay reader, the signed webhook, the webhook with a wrong
 * signature) with hostile bodies made from real payloads: every case ends in a reading, a {@link
 * MalformedPayloadException} or a {@link WebhookRejectedException}. {@value PayloadFuzz#DEFAULT_TRIES} cases by
 * default, {@code -Dcare.fuzz.tries} more (the CI profile: 50,000 per test, 100,000 per adapter); no log line
 * any case causes is longer than 1,000 characters or holds a card number or IBAN.
 */
class FacebookFuzzTest {
    /** Longest log line a hostile case may cause: hostile values are cut to a few dozen characters. */
    private static final int MAX_LOG_LINE = 1_000;

    private final MutableClock clock = new MutableClock(NOW);
    private final FacebookWebhookHandler handler =
            new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);
    private final FacebookPayloadReader reader = FacebookPayloadReader.forReplay();

    @Test
    @Timeout(900)
    void everyHostileBodyEndsInATypedResultAtEveryEntryPoint() {
        PayloadFuzz.Report report = fuzz(emulatedPayloads());

        assertThat(report.cases()).isEqualTo(PayloadFuzz.tries());
        assertThat(report.count("webhook, signed", "returned")).isPositive();
        assertThat(report.count("webhook, signed", "MalformedPayloadException")).isPositive();
        assertThat(report.count("webhook, bad signature", "WebhookRejectedException"))
                .isEqualTo(report.cases());
    }

    @Test
    @Tag("fixtures")
    @Timeout(900)
    void realFixturePayloadsMutatedEndInATypedResult() throws Exception {
        Path dir = Path.of(System.getProperty("care.fixtures.dir", "../shared/fixtures"), "facebook");
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        assertThat(seeds).as("fixture payloads in " + dir).isNotEmpty();

        assertThat(fuzz(seeds).cases()).isEqualTo(PayloadFuzz.tries());
    }

    private PayloadFuzz.Report fuzz(List<byte[]> seeds) {
        Map<String, Consumer<byte[]>> entryPoints = new LinkedHashMap<>();
        entryPoints.put("replay reader", body -> reader.read(new String(body, StandardCharsets.UTF_8)));
        entryPoints.put(
                "webhook, signed",
                body -> handler.handle(post(body, FacebookWebhookHandler.signature(APP_SECRET, body))));
        entryPoints.put("webhook, bad signature", body -> handler.handle(post(body, "sha256=00")));
        return PayloadFuzz.runWatchingLogs(
                PayloadFuzz.hostile(seeds),
                PayloadFuzz.tries(),
                entryPoints,
                Set.of(MalformedPayloadException.class, WebhookRejectedException.class),
                MAX_LOG_LINE);
    }

    private static WebhookRequest post(byte[] body, String signature) {
        return new WebhookRequest(
                "POST",
                "/webhooks/facebook",
                Map.of(FacebookWebhookHandler.SIGNATURE_HEADER, List.of(signature)),
                Map.of(),
                body);
    }

    /** Page webhooks as the Graph emulator sends them: a comment, a Messenger message and an echo. */
    private static List<byte[]> emulatedPayloads() {
        return Stream.of(
                        WebhookPayloads.commentAdded(
                                PAGE_ID,
                                PAGE_ID + "_77",
                                PAGE_ID + "_77_5",
                                PAGE_ID + "_77",
                                "2001",
                                "Jane Doe",
                                "my card 4111 1111 1111 1111 \u00e9",
                                NOW),
                        WebhookPayloads.messengerMessage(PAGE_ID, "2001", "m_1", "IBAN DE89370400440532013000", NOW),
                        WebhookPayloads.messengerEcho(PAGE_ID, "2001", "m_2", "we are on it", NOW, "424242424242"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
