package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Visibility;

/**
 * Reads every real Twitter payload in {@code ../shared/fixtures/twitter} in place (never copied) with the
 * adapter's {@link TwitterPayloadReader}, and checks what each one is. Fails when the folder is missing.
 */
@Tag("fixtures")
class TwitterFixturesTest {
    private final TwitterPayloadReader reader = TwitterPayloadReader.create();

    private static Path dir() {
        String prop = System.getProperty("care.fixtures.dir");
        if (prop == null) {
            fail("system property care.fixtures.dir is not set (surefire sets it to ../shared/fixtures)");
        }
        Path d = Path.of(prop, "twitter");
        if (!Files.isDirectory(d)) {
            fail("fixtures folder " + d.toAbsolutePath() + " is missing");
        }
        return d;
    }

    private PayloadReading read(String file) throws IOException {
        return reader.read(Files.readString(dir().resolve(file), StandardCharsets.UTF_8));
    }

    /** What we expect of each file; every file in the folder must be listed here. */
    private final Map<String, Consumer<PayloadReading>> expectations = new TreeMap<>(Map.ofEntries(
            Map.entry("home_timeline.json", r -> {
                assertThat(r.customerMessages()).hasSize(16);
                assertThat(r.customerMessages()).allSatisfy(m -> {
                    assertThat(m.author().handle()).isNotBlank();
                    assertThat(m.author().platformUserId()).matches("\\d+");
                    assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
                    assertThat(m.text()).isNotBlank();
                });
                assertThat(r.customerMessages())
                        .anySatisfy(m -> assertThat(m.author().followerCount()).isPositive());
                assertThat(r.skipped()).isEmpty();
            }),
            Map.entry("public_timeline.json", r -> {
                assertThat(r.customerMessages()).hasSize(20);
                assertThat(r.customerMessages().stream()
                                .filter(m -> m.inReplyTo().isPresent()))
                        .hasSize(9);
            }),
            Map.entry("testiverse.json", r -> assertThat(r.customerMessages())
                    .hasSize(2)
                    .extracting(m -> m.author().handle())
                    .containsOnly(r.customerMessages().get(0).author().handle())),
            Map.entry("6010814202.json", r -> {
                assertThat(r.customerMessages()).isEmpty();
                assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                        .startsWith("retweet of status"));
            }),
            Map.entry("2245071380.json", r -> {
                assertThat(r.customerMessages()).isEmpty();
                assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                        .startsWith("retweet of status"));
            }),
            Map.entry("24696018620.json", r -> assertOnlyNotice(r, "user object")),
            Map.entry("user.json", r -> assertOnlyNotice(r, "user object")),
            Map.entry("followers_T4J_hudson.json", r -> assertOnlyNotice(r, "9 user objects")),
            Map.entry("friends_T4J_hudson.json", r -> assertOnlyNotice(r, "empty list")),
            Map.entry("direct_messages.json", r -> {
                assertThat(r.customerMessages()).hasSize(20).allSatisfy(m -> {
                    assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
                    assertThat(m.author().handle()).isNotBlank();
                });
            }),
            Map.entry("basic-directmessageevent-list.json", r -> assertThat(r.customerMessages())
                    .hasSize(5)
                    .allSatisfy(m -> assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE))),
            Map.entry("basic-directmessageevent-list-withcursor.json", r -> {
                assertThat(r.customerMessages()).hasSize(2);
                assertThat(r.notices()).anySatisfy(n -> assertThat(n).contains("cursor"));
            }),
            Map.entry("basic-directmessageevent-attachment.json", r -> assertThat(r.customerMessages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.author().platformUserId()).isEqualTo("98765432"))),
            Map.entry("error.json", r -> assertOnlyNotice(r, "Twitter API error")),
            Map.entry("stallwarning.json", r -> assertOnlyNotice(r, "FALLING_BEHIND")),
            Map.entry("streamingapi-testcase.json", r -> {
                assertThat(r.customerMessages()).isNotEmpty();
                assertThat(r.notices())
                        .anySatisfy(n -> assertThat(n).contains("deletion notice"))
                        .anySatisfy(n -> assertThat(n).contains("limit"))
                        .anySatisfy(n -> assertThat(n).contains("scrub_geo"));
            }),
            Map.entry("streamingapi-event-testcase.json", r -> {
                assertThat(r.customerMessages()).isEmpty();
                assertThat(r.notices())
                        .anySatisfy(n -> assertThat(n).contains("'follow'"))
                        .anySatisfy(n -> assertThat(n).contains("direct message 1 deleted"))
                        .anySatisfy(n -> assertThat(n).contains("user_suspend"));
            }),
            Map.entry("sitestream-testcase.json", r -> {
                assertThat(r.customerMessages()).isEmpty();
                assertThat(r.notices()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(n -> assertThat(n)
                        .contains("friends list"));
            }),
            Map.entry("5a110d312052166f.json", r -> assertOnlyNotice(r, "place")),
            Map.entry("3c6797665e2d42eb.json", r -> assertOnlyNotice(r, "place")),
            Map.entry("c3f37afa9efcf94b.json", r -> assertOnlyNotice(r, "place")),
            Map.entry("reverse-geocode.json", r -> assertOnlyNotice(r, "geo search result with 5 places"))));

    private static void assertOnlyNotice(PayloadReading r, String contains) {
        assertThat(r.customerMessages()).isEmpty();
        assertThat(r.ownMessages()).isEmpty();
        assertThat(r.notices()).isNotEmpty().anySatisfy(n -> assertThat(n).contains(contains));
    }

    @Test
    void readsEveryRecordedTwitterPayloadWithTheExpectedOutcome() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).as("fixture files").isNotEmpty();
        assertThat(expectations.keySet())
                .as("every fixture file has an expectation")
                .containsAll(files);
        for (String f : files) {
            assertThatCode(() -> expectations.get(f).accept(read(f))).as(f).doesNotThrowAnyException();
        }
    }

    @Test
    void mapsAuthorsFollowersAndTimesFromHomeTimeline() throws IOException {
        List<InboundMessage> msgs = read("home_timeline.json").customerMessages();
        assertThat(msgs)
                .extracting(m -> m.key().messageId())
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("\\d+"));
        assertThat(msgs).allSatisfy(m -> assertThat(m.createdAt().toString()).startsWith("2009-"));
    }

    @Test
    void ownDirectMessagesAreRecognisedWhenTheBankAccountIsKnown() throws IOException {
        String content = Files.readString(dir().resolve("basic-directmessageevent-list.json"));
        PayloadReading anyone = reader.read(content);
        String sender = anyone.customerMessages().get(0).author().platformUserId();
        PayloadReading asBank = TwitterPayloadReader.forChannel(
                        TwitterPayloadReader.REPLAY_CHANNEL, java.util.Optional.of(sender), false)
                .read(content);
        assertThat(asBank.ownMessages()).isNotEmpty();
        assertThat(asBank.customerMessages())
                .noneSatisfy(m -> assertThat(m.author().platformUserId()).isEqualTo(sender));
        assertThat(asBank.customerMessages().size() + asBank.ownMessages().size())
                .isEqualTo(anyone.customerMessages().size());
    }
}
