package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.testkit.fuzz.PayloadFuzz;
import org.socialcare.twitter.v2.XPayloadReader;

/**
 * Fuzzes every Twitter and X parse entry point (the two replay readers, the signed webhook for Account Activity
 * and X Activity bodies, and the webhook with a wrong signature) with hostile bodies made from real payloads:
 * every case ends in a reading, a {@link MalformedPayloadException} or a {@link WebhookRejectedException}.
 * {@value PayloadFuzz#DEFAULT_TRIES} cases by default, {@code -Dcare.fuzz.tries} more (the CI profile: 50,000 per test, 100,000 per adapter); no log line
 * any case causes is longer than 1,000 characters or holds a card number or IBAN.
 */
class TwitterFuzzTest {
    /** Longest log line a hostile case may cause: hostile values are cut to a few dozen characters. */
    private static final int MAX_LOG_LINE = 1_000;

    private final TwitterApiEmulator twitter = TwitterTestSupport.emulator();
    private final XApiEmulator x = XApiEmulator.builder().start();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(twitter);
    private final TwitterWebhookHandler handler = TwitterWebhookHandler.forAccount(config);
    private final TwitterPayloadReader reader = TwitterPayloadReader.create();
    private final XPayloadReader xReader = XPayloadReader.create();

    @AfterEach
    void stop() {
        twitter.close();
        x.close();
    }

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
        Path dir = Path.of(System.getProperty("care.fixtures.dir", "../shared/fixtures"), "twitter");
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
        entryPoints.put("x replay reader", body -> xReader.read(new String(body, StandardCharsets.UTF_8)));
        entryPoints.put("webhook, signed", body -> handler.handle(post(body, handler.signatureFor(body))));
        entryPoints.put("webhook, bad signature", body -> handler.handle(post(body, "sha256=AAAA")));
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
                "/webhooks/twitter",
                Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, List.of(signature)),
                Map.of(),
                body);
    }

    /** Account Activity and X Activity bodies as the emulators send them: mentions, replies, DMs both ways. */
    private List<byte[]> emulatedPayloads() {
        TwitterApiEmulator.User jane = twitter.user(501, "jane_doe", "Jane Doe", 77, false);
        long mention = twitter.mention(jane, "@bank my card 4111 1111 1111 1111 was charged twice \u00e9");
        long reply = twitter.replyFromCustomer(jane, mention, "still waiting");
        long dm = twitter.directMessageFromCustomerAt(jane, "IBAN DE89370400440532013000", Instant.EPOCH);
        long own = twitter.directMessageFromAccount(501, "we are on it", "42");
        XApiEmulator.User xJane = x.user("1900000000000000501", "jane_doe", "Jane Doe", 48_000, true);
        String xMention = x.mention(xJane, "first");
        String xDm = x.directMessageFrom(xJane, "please call me", Instant.parse("2026-03-02T09:00:00Z"));
        return Stream.of(
                        twitter.tweetCreateEvents(mention, reply),
                        twitter.directMessageEvents(dm, own),
                        x.activityMention(xMention),
                        x.activityDirectMessage(xDm))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
