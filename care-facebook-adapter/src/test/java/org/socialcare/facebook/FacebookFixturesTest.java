package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.MutableClock;

/**
 * Reads every real Facebook payload in {@code ../shared/fixtures/facebook} in place, with per-file expectations.
 * Fails (does not skip) when the folder is missing.
 */
@Tag("fixtures")
class FacebookFixturesTest {
    /** The page access token that {@code feed-got.json}'s paging URLs carry. */
    private static final String OLD_TOKEN =
            "CAACEdEose0cBALuPQKiTZCpBdxuTPtrHSi4TJrQbZAFJpO66gP1Wh0W4H4wW2VpeVnVMYZBnTYESTrk11vkyw3oYZA0kjsS6ohEDihnCBV16h1QVTUpyrAT5DnSZAYZBipyHA6MorwvJZC4VpAvkZCk2PNhUgBZAR8S5XcVhCn9XnSBqYBWzMpy8skr8H1Ps94GPQsiobofCrzf6eFLIl5bQjRXO1ZAAm20G4ZD";

    private static final String INBOX_TOKEN =
            "AAACEdEose0cBADXFREenZCwdDfGAUoZADCJwVGxbnWuSyri71KFgB3i0Plz17gRFNhoVxttPVg341WWiQil0cSHflEeiVRaRlphPsnZCgluHPNCFJ352xqTLxc3arAZD";

    private final FacebookPayloadReader reader = FacebookPayloadReader.forReplay();

    private static Path dir() {
        String base = System.getProperty("care.fixtures.dir");
        assertThat(base)
                .as("system property care.fixtures.dir (set by surefire)")
                .isNotBlank();
        Path dir = Path.of(base, "facebook");
        assertThat(dir).as("fixtures folder %s", dir).isDirectory();
        return dir;
    }

    private static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + file, e);
        }
    }

    /** Expected customer and own message counts per file, and a check of what matters in it. */
    private static Map<String, Expectation> expectations() {
        Map<String, Expectation> e = new LinkedHashMap<>();
        e.put("batch-first-error.json", new Expectation(0, 0, r -> assertThat(r.notices())
                .anySatisfy(n ->
                        assertThat(n).startsWith("batch item 1 (HTTP 400): Graph error 100 GraphMethodException"))));
        e.put("comment_canHide.json", new Expectation(0, 1, r -> assertThat(
                        r.ownMessages().get(0).text())
                .isEqualTo("yes, really great")));
        e.put("comment_noCanHide.json", new Expectation(0, 1, r -> {}));
        e.put("connection-p1.json", connectionPage(true));
        e.put("connection-p2.json", connectionPage(true));
        e.put("connection-p3.json", connectionPage(false));
        e.put("connection-with-cursor.json", connectionPage(true));
        e.put("conversation.json", new Expectation(1, 1, r -> {
            InboundMessage m = r.customerMessages().get(0);
            assertThat(m.key().messageId()).isEqualTo("m_id.378684585454124");
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().displayName()).contains("Participant Two");
            assertThat(r.ownMessages().get(0).text())
                    .contains("[application/pdf] somepdf.pdf")
                    .contains("[image/jpeg]");
        }));
        e.put(
                "exampleErrorNew.json",
                new Expectation(
                        0,
                        0,
                        r -> assertThat(r.notices())
                                .containsExactly(
                                        "Graph error 190 OAuthException (subcode 460): Message describing the error [user message: A message]")));
        e.put("feed-comment-add-211.json", pageOwnComment());
        e.put("feed-comment-add-25.json", pageOwnComment());
        e.put("feed-comment-edited-25.json", skippedOnly("edited"));
        e.put("feed-comment-hide.json", skippedOnly("hidden"));
        e.put("feed-comment-remove-25.json", skippedOnly("removed"));
        e.put("feed-got.json", new Expectation(72, 0, r -> {
            assertThat(r.customerMessages())
                    .filteredOn(m -> m.inReplyTo().isEmpty())
                    .hasSize(25);
            assertThat(r.customerMessages())
                    .filteredOn(m -> m.inReplyTo().isPresent())
                    .allSatisfy(m -> assertThat(m.inReplyTo().get()).startsWith("74133697733_"));
            assertThat(r.customerMessages())
                    .allSatisfy(m -> assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC));
            assertThat(r.customerMessages().get(0).createdAt()).isEqualTo(Instant.parse("2014-09-20T12:59:48Z"));
            assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .isEqualTo("no text or attachment"));
        }));
        e.put("feed-post-add-25.json", new Expectation(1, 0, r -> {
            InboundMessage m = r.customerMessages().get(0);
            assertThat(m.key().messageId()).isEqualTo("1234567890321_7293787835232");
            assertThat(m.author().platformUserId()).isEqualTo("8423678347823");
            assertThat(m.author().displayName()).contains("John Doe");
            assertThat(m.text()).isEqualTo("Let's check this");
        }));
        e.put("feed-post-edit.json", skippedOnly("edited"));
        e.put("feed-post-remove-25.json", skippedOnly("removed"));
        e.put("feed-reaction-add.json", skippedOnly("reaction"));
        e.put("mention-comment-add.json", new Expectation(1, 0, r -> {
            InboundMessage m = r.customerMessages().get(0);
            assertThat(m.key().messageId()).isEqualTo("7363534231324_3754798971271444");
            assertThat(m.inReplyTo()).contains("1234567890321_7363534231324");
            assertThat(m.author().platformUserId()).startsWith("unknown-author:");
        }));
        e.put("mention-post-add-real.json", new Expectation(1, 0, r -> assertThat(
                        r.customerMessages().get(0).text())
                .isEqualTo("A test post message")));
        e.put("message.json", new Expectation(0, 1, r -> assertThat(
                        r.ownMessages().get(0).visibility())
                .isEqualTo(Visibility.PRIVATE)));
        e.put("messages-with-attachments.json", new Expectation(0, 0, r -> assertThat(r.skipped())
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.reason()).contains("no author"))));
        e.put("messaging-delivery-basic.json", new Expectation(0, 0, r -> assertThat(r.notices())
                .singleElement()
                .satisfies(n -> assertThat(n).contains("delivery receipt"))));
        e.put("messaging-message-basic-echo.json", echo());
        e.put("messaging-message-basic.json", messenger("hello, world!"));
        e.put("messaging-message-location-attachment.json", messenger("[location] 12.34,43.21"));
        e.put("messaging-message-media-attachment.json", messenger("[image] IMAGE_URL"));
        e.put("messaging-message-quickreply.json", messenger("quick reply text"));
        e.put("messaging-message-reply-1.json", new Expectation(1, 0, r -> assertThat(
                        r.customerMessages().get(0).inReplyTo())
                .contains("very_long_id_representing_the_original_message")));
        e.put("messaging-postback-basic.json", messenger("[postback] USER_DEFINED_PAYLOAD"));
        e.put("messaging-reaction-1.json", skippedOnly("reaction"));
        e.put("messaging-read-basic.json", new Expectation(0, 0, r -> assertThat(r.notices())
                .singleElement()
                .satisfies(n -> assertThat(n).contains("read receipt"))));
        e.put("oauthExampleError.json", new Expectation(0, 0, r -> assertThat(r.notices())
                .singleElement()
                .satisfies(n -> assertThat(n)
                        .startsWith("Graph error 1 OAuthException (subcode 1965014): An unknown error occurred"))));
        e.put("post-ishidden.json", new Expectation(0, 1, r -> assertThat(
                        r.ownMessages().get(0).key().messageId())
                .isEqualTo("12345678_987654321")));
        e.put("post-with-comment.json", new Expectation(1, 0, r -> {
            assertThat(r.customerMessages().get(0).inReplyTo()).contains("1234567890123_456789012345");
            assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .contains("'from' not in the response"));
        }));
        e.put("post-with-normal-comments.json", new Expectation(2, 0, r -> assertThat(
                        r.customerMessages().get(1).inReplyTo())
                .contains("1234")));
        e.put("post-with-reactions.json", new Expectation(0, 0, r -> assertThat(r.skipped())
                .hasSize(1)));
        e.put("sendresponse.json", new Expectation(0, 0, r -> assertThat(r.notices())
                .singleElement()
                .satisfies(n -> assertThat(n).contains("mid.1456970487936:c34767dfe57ee6e339"))));
        e.put("standby-message-basic-echo.json", echo());
        return e;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureIsReadAsExpected() throws IOException {
        Map<String, Expectation> expected = expectations();
        List<String> files;
        try (Stream<Path> list = Files.list(dir())) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("fixture files without an expectation here").allSatisfy(f -> assertThat(expected)
                .containsKey(f));
        assertThat(expected.keySet()).as("expected files present").allSatisfy(f -> assertThat(files)
                .contains(f));
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    PayloadReading r = reader.read(read(file));
                    Expectation x = expected.get(file);
                    assertThat(r.customerMessages())
                            .as("customer messages of %s", file)
                            .hasSize(x.customer);
                    assertThat(r.ownMessages()).as("own messages of %s", file).hasSize(x.own);
                    assertThat(r.customerMessages()).allSatisfy(m -> {
                        assertThat(m.platform()).isEqualTo(Platform.FACEBOOK);
                        assertThat(m.author().platformUserId()).isNotBlank();
                    });
                    if (r.customerMessages().isEmpty() && r.ownMessages().isEmpty()) {
                        assertThat(r.notices().size() + r.skipped().size())
                                .as("a payload without messages says what it is: %s", file)
                                .isPositive();
                    }
                    x.check.accept(r);
                }));
    }

    @Test
    void noAccessTokenFromAPagingUrlReachesNoticesReasonsOrLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ListAppender<>();
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        logs.start();
        root.addAppender(logs);
        List<String> said = new ArrayList<>();
        try {
            for (String file : List.of(
                    "feed-got.json",
                    "conversation.json",
                    "connection-p1.json",
                    "connection-p2.json",
                    "connection-with-cursor.json")) {
                PayloadReading r = reader.read(read(file));
                said.addAll(r.notices());
                r.skipped().forEach(s -> said.add(s.what() + " " + s.reason()));
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        assertThat(said).isNotEmpty().allSatisfy(s -> assertThat(s)
                .doesNotContain(OLD_TOKEN)
                .doesNotContain(INBOX_TOKEN)
                .doesNotContain("access_token="));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(s -> assertThat(s)
                .doesNotContain(OLD_TOKEN)
                .doesNotContain(INBOX_TOKEN)
                .doesNotContain("access_token="));
    }

    @Test
    void theRedactorRemovesTheOldTokenFromTheRawPagingUrl() {
        String raw = read("feed-got.json");
        assertThat(raw).contains(OLD_TOKEN);

        assertThat(Redactor.generic().redact(raw)).doesNotContain(OLD_TOKEN).contains("access_token=***");
    }

    @Test
    void everyWebhookFixtureGoesThroughTheSignedHandlerAndADeskWithoutAnError() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
        FacebookAdapterConfig feedPage = TestPages.config(java.net.URI.create("http://127.0.0.1:9"))
                .pageId("1234567890321")
                .build();
        FacebookAdapterConfig messengerPage = TestPages.config(java.net.URI.create("http://127.0.0.1:9"))
                .pageId("12345654332")
                .channel(org.socialcare.core.domain.ChannelId.of("fb-messenger"))
                .build();
        FacebookWebhookHandler handler =
                new FacebookWebhookHandler(List.of(feedPage, messengerPage), MessengerWindow.standard(clock), clock);
        CareStorage storage = InMemoryStorage.create();
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of("care", "Care"))
                .channel(Channel.of(
                        "fb-care", Platform.FACEBOOK, "Page", "1234567890321", ChannelKind.BRAND, TeamId.of("care")))
                .channel(Channel.of(
                        "fb-messenger",
                        Platform.FACEBOOK,
                        "Page 2",
                        "12345654332",
                        ChannelKind.BRAND,
                        TeamId.of("care")))
                .receiveOnly(ChannelId.of("fb-care"))
                .receiveOnly(ChannelId.of("fb-messenger"))
                .build();
        List<String> webhooks;
        try (Stream<Path> list = Files.list(dir())) {
            webhooks = list.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("feed-") && !f.equals("feed-got.json")
                            || f.startsWith("mention-")
                            || f.startsWith("messaging-")
                            || f.startsWith("standby-"))
                    .sorted()
                    .toList();
        }
        assertThat(webhooks).hasSize(22);

        for (String file : webhooks) {
            WebhookResult result = desk.webhook(handler, TestPages.signedPost(read(file)));
            assertThat(result.status()).as("answer to %s", file).isEqualTo(200);
        }

        assertThat(storage.deadLetters().recent(100)).isEmpty();
        assertThat(storage.messages()
                        .find(org.socialcare.core.domain.MessageKey.of(
                                Platform.FACEBOOK, "1234567890321_7293787835232")))
                .isPresent();
    }

    private record Expectation(int customer, int own, Consumer<PayloadReading> check) {}

    private static Expectation connectionPage(boolean hasNext) {
        return new Expectation(0, 0, r -> {
            assertThat(r.notices())
                    .anySatisfy(n ->
                            assertThat(n).contains("6 item(s) without messages").contains("total_count 18"));
            assertThat(r.notices().stream().anyMatch(n -> n.contains("next page")))
                    .isEqualTo(hasNext);
        });
    }

    private static Expectation pageOwnComment() {
        return new Expectation(0, 1, r -> {
            assertThat(r.ownMessages().get(0).key().messageId()).isEqualTo("901097836652708_903438993085259");
            assertThat(r.ownMessages().get(0).inReplyTo()).contains("1234567890321_901097836652708");
        });
    }

    private static Expectation skippedOnly(String reasonPart) {
        return new Expectation(
                0, 0, r -> assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                        .contains(reasonPart)));
    }

    private static Expectation echo() {
        return new Expectation(
                0, 1, r -> assertThat(r.ownMessages().get(0).sourceApp()).contains("1517776481860111"));
    }

    private static Expectation messenger(String text) {
        return new Expectation(1, 0, r -> {
            InboundMessage m = r.customerMessages().get(0);
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().platformUserId()).isEqualTo("987654321432");
        });
    }
}
