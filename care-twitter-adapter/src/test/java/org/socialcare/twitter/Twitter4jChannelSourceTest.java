package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

class Twitter4jChannelSourceTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 1234, true);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void walksBackWithMaxIdSoNoneOf450MentionsAfterAGapIsMissed() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        for (int i = 0; i < 5; i++) {
            emulator.mention(customer, "old mention " + i);
        }
        assertThat(desk.poll(source).ingested().stored()).isEqualTo(5);
        int requestsBefore = emulator.requests("mentions_timeline.json").size();

        // the poller was down: 450 mentions arrive, with holes in the id sequence
        Random random = new Random(42);
        Set<String> expected = new HashSet<>();
        emulator.skipIds(10_000);
        for (int i = 0; i < 450; i++) {
            User author = emulator.user(2000 + i % 37, "customer" + (i % 37), "Customer " + (i % 37), i, false);
            expected.add(Long.toString(emulator.mention(author, "mention " + i)));
            if (random.nextInt(10) == 0) {
                emulator.skipIds(1 + random.nextInt(500));
            }
        }

        List<PollResult> polls = new ArrayList<>();
        PollResult r;
        do {
            r = desk.poll(source);
            polls.add(r);
        } while (r.hasMore() && polls.size() < 10);

        assertThat(polls).extracting(p -> p.ingested().stored()).containsExactly(200, 200, 50);
        assertThat(polls.get(2).hasMore()).isFalse();
        for (String id : expected) {
            assertThat(desk.storage().messages().find(MessageKey.of(Platform.TWITTER, id)))
                    .as("mention " + id)
                    .isPresent();
        }
        List<TwitterApiEmulator.Request> walk =
                emulator.requests("mentions_timeline.json").subList(requestsBefore, requestsBefore + 3);
        assertThat(walk).allSatisfy(q -> assertThat(q.param("count")).contains("200"));
        assertThat(walk).allSatisfy(q -> assertThat(q.param("since_id")).isPresent());
        assertThat(walk.get(0).param("max_id")).isEmpty();
        assertThat(walk.get(1).param("max_id")).isPresent();
        assertThat(walk.get(2).param("max_id")).isPresent();

        // caught up: the checkpoint is the newest mention; a new one is the only thing the next poll finds
        String next = Long.toString(emulator.mention(customer, "one more"));
        Batch b = source.poll(desk.storage().checkpoints().load(source.sourceId()));
        assertThat(b.messages()).extracting(m -> m.key().messageId()).containsExactly(next);
        assertThat(b.hasMore()).isFalse();
    }

    @Test
    void resumesAWalkInterruptedBeforeTheBatchWasStored() {
        for (int i = 0; i < 450; i++) {
            emulator.mention(customer, "m" + i);
        }
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        Batch first = source.poll(Optional.empty());
        assertThat(first.hasMore()).isTrue();
        // the desk crashed before storing the second page: poll the same checkpoint twice
        Batch second = source.poll(first.nextCheckpoint());
        Batch secondAgain = source.poll(first.nextCheckpoint());
        assertThat(secondAgain.messages()).isEqualTo(second.messages());
        Batch third = source.poll(second.nextCheckpoint());
        assertThat(third.hasMore()).isFalse();
        Set<String> all = new HashSet<>();
        for (Batch b : List.of(first, second, third)) {
            b.messages().forEach(m -> all.add(m.key().messageId()));
        }
        assertThat(all).hasSize(450);
    }

    @Test
    void mapsAuthorTextReplyAndLanguageOfAMention() {
        long parent = emulator.mention(customer, "first");
        long id = emulator.replyFromCustomer(customer, parent, "my card was declined twice https://bank.example/help");
        Batch b = Twitter4jChannelSource.mentions(config).poll(Optional.empty());
        InboundMessage m = b.messages().stream()
                .filter(x -> x.key().messageId().equals(Long.toString(id)))
                .findFirst()
                .orElseThrow();
        assertThat(m.author().platformUserId()).isEqualTo("501");
        assertThat(m.author().handle()).isEqualTo("jane_doe");
        assertThat(m.author().displayName()).contains("Jane Doe");
        assertThat(m.author().followerCount()).isEqualTo(1234);
        assertThat(m.author().verified()).isTrue();
        assertThat(m.text()).isEqualTo("@bankcare my card was declined twice https://bank.example/help");
        assertThat(m.inReplyTo()).contains(Long.toString(parent));
        assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(m.language()).contains("en");
        assertThat(m.channel()).isEqualTo(TwitterTestSupport.CHANNEL);
        assertThat(m.createdAt())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    }

    @Test
    void ownTweetEchoIsAnOwnMessageAndNeverACustomerMessage() {
        emulator.mention(customer, "hello");
        long own = emulator.ownTweetMentioningItself("We are here 24/7");
        Batch b = Twitter4jChannelSource.mentions(config).poll(Optional.empty());
        assertThat(b.messages()).extracting(m -> m.author().platformUserId()).containsOnly("501");
        assertThat(b.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.key().messageId()).isEqualTo(Long.toString(own));
            assertThat(o.sourceApp()).contains("care emulator");
            assertThat(o.visibility()).isEqualTo(Visibility.PUBLIC);
        });
    }

    @Test
    void ownTweetFromAnotherAppNamesThatAppAndMentionsCarryTheirLanguage() {
        long spanish =
                emulator.mentionAt(customer, "mi tarjeta no funciona", Instant.parse("2026-03-02T10:00:00Z"), "es");
        long own = emulator.ownTweetFromApp("Claim your prize now", "TweetBlaster Pro");
        Batch b = Twitter4jChannelSource.mentions(config).poll(Optional.empty());
        assertThat(b.messages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(Long.toString(spanish));
            assertThat(m.language()).contains("es");
        });
        assertThat(b.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.key().messageId()).isEqualTo(Long.toString(own));
            assertThat(o.sourceApp()).contains("TweetBlaster Pro");
        });
    }

    @Test
    void retweetsAreSkippedUnlessConfigured() {
        long own = emulator.ownTweetMentioningItself("Our app is back");
        long rt = emulator.retweet(customer, own);
        Batch skipped = Twitter4jChannelSource.mentions(config).poll(Optional.empty());
        assertThat(skipped.messages()).isEmpty();

        Batch included = Twitter4jChannelSource.mentions(
                        config.toBuilder().includeRetweets(true).build())
                .poll(Optional.empty());
        assertThat(included.messages()).extracting(m -> m.key().messageId()).containsExactly(Long.toString(rt));
    }

    @Test
    void directMessagesInBothDirectionsWithCursorPaging() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        Twitter4jChannelSource dms = Twitter4jChannelSource.directMessages(config);
        List<Long> fromCustomer = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            fromCustomer.add(emulator.directMessageFromCustomer(customer, "dm " + i));
        }
        long fromBank = emulator.directMessageFromAccount(501, "Please call us on the number on your card", "777");

        int stored = 0;
        int echoes = 0;
        PollResult r;
        int polls = 0;
        do {
            r = desk.poll(dms);
            stored += r.ingested().stored();
            echoes += r.ingested().echoes();
            polls++;
        } while (r.hasMore() && polls < 10);
        assertThat(polls).isEqualTo(3); // 111 events, pages of 50
        assertThat(stored).isEqualTo(110);
        assertThat(echoes).isEqualTo(1);
        for (long id : fromCustomer) {
            assertThat(desk.storage().messages().find(MessageKey.of(Platform.TWITTER, Long.toString(id))))
                    .as("dm " + id)
                    .isPresent();
        }

        // a new DM each way: only those come back
        long newer = emulator.directMessageFromCustomer(customer, "are you there?");
        Batch b = dms.poll(desk.storage().checkpoints().load(dms.sourceId()));
        assertThat(b.messages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(Long.toString(newer));
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().platformUserId()).isEqualTo("501");
        });
        assertThat(b.ownMessages()).isEmpty();
        assertThat(b.hasMore()).isFalse();
        assertThat(fromBank).isPositive();
    }

    @Test
    void ownDirectMessageCarriesItsSourceApp() {
        emulator.directMessageFromAccount(501, "sent from the phone", "777");
        Batch b = Twitter4jChannelSource.directMessages(config).poll(Optional.empty());
        assertThat(b.messages()).isEmpty();
        assertThat(b.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(o.sourceApp()).contains("777");
        });
    }

    @Test
    void rateLimitedPollReportsTheResetTime() {
        Instant reset = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        emulator.failNext(Fault.rateLimited(reset));
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        assertThatThrownBy(() -> source.poll(Optional.empty())).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
            assertThat(e.retryAt()).contains(reset);
            assertThat(e.platformCode()).contains("88");
        });
        assertThat(source.poll(Optional.empty()).messages()).isEmpty(); // served normally again
    }

    @Test
    void expiredTokenMarksTheChannelAuthFailed() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        emulator.expireToken();
        assertThatThrownBy(() -> desk.poll(Twitter4jChannelSource.mentions(config)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind())
                        .isEqualTo(PlatformException.Kind.AUTH_FAILED));
        assertThat(desk.health(TwitterTestSupport.CHANNEL).state()).isEqualTo(HealthState.AUTH_FAILED);
    }

    @Test
    void serviceUnavailableIsTransient() {
        emulator.failNext(Fault.unavailable());
        assertThatThrownBy(() -> Twitter4jChannelSource.mentions(config).poll(Optional.empty()))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT));
    }

    @Test
    void wrongCredentialsAreRejectedByTheEmulatorSignatureCheck() {
        TwitterAdapterConfig wrong = config.toBuilder()
                .accessToken("1001-emulator-access-token", "not-the-secret")
                .build();
        assertThatThrownBy(() -> Twitter4jChannelSource.mentions(wrong).poll(Optional.empty()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
                    assertThat(e.getMessage()).doesNotContain("not-the-secret");
                });
    }

    @Test
    void rejectsACheckpointItDidNotWrite() {
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        assertThatThrownBy(() -> source.poll(Optional.of(new Checkpoint(source.sourceId(), "since=abc"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("since");
    }
}
