package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;
import org.socialcare.emulators.twitter.TwitterApiEmulator.LostAnswer;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

class Twitter4jChannelPublisherTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final Twitter4jChannelPublisher publisher = Twitter4jChannelPublisher.forAccount(config);
    private final Channel channel = TwitterTestSupport.channel(emulator);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 10, false);
    private int replies;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Reply reply(ReplyKind kind, Optional<String> target, Optional<String> recipient, String text) {
        return Reply.queued(
                ReplyId.of("r" + (++replies)),
                ConversationId.of("c1"),
                channel.id(),
                kind,
                target,
                recipient,
                text,
                Optional.of(AgentId.of("ana")),
                Instant.now());
    }

    private Reply publicReply(long to, String text) {
        return reply(ReplyKind.PUBLIC_REPLY, Optional.of(Long.toString(to)), Optional.empty(), text);
    }

    @Test
    void postsAPublicReplyInTheCustomersThread() {
        long mention = emulator.mention(customer, "card blocked abroad");
        Optional<String> id = publisher.publish(channel, publicReply(mention, "Sorry to hear that, please DM us ^AN"));

        assertThat(id).isPresent();
        TwitterApiEmulator.Request sent =
                emulator.requests("statuses/update.json").get(0);
        assertThat(sent.param("in_reply_to_status_id")).contains(Long.toString(mention));
        assertThat(sent.param("auto_populate_reply_metadata")).contains("true");
        assertThat(sent.param("status")).contains("Sorry to hear that, please DM us ^AN");
        assertThat(emulator.postedStatuses()).singleElement().satisfies(s -> assertThat(s.get("id"))
                .isEqualTo(Long.parseLong(id.get())));
    }

    @Test
    void sendsADirectMessage() {
        Optional<String> id = publisher.publish(
                channel,
                reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of("501"), "Hi Jane, we can call you"));
        assertThat(id).isPresent();
        assertThat(emulator.sentDirectMessages()).singleElement().satisfies(d -> {
            assertThat(d.get("recipient_id")).isEqualTo(501L);
            assertThat(d.get("text")).isEqualTo("Hi Jane, we can call you");
            assertThat(d.get("id")).isEqualTo(Long.parseLong(id.get()));
        });
    }

    @Test
    void deletesAnOwnTweet() {
        long mention = emulator.mention(customer, "hello");
        String posted = publisher
                .publish(channel, publicReply(mention, "Posted by mistake"))
                .orElseThrow();
        Optional<String> result =
                publisher.publish(channel, reply(ReplyKind.DELETE_OWN_POST, Optional.of(posted), Optional.empty(), ""));
        assertThat(result).isEmpty();
        assertThat(emulator.hasStatus(Long.parseLong(posted))).isFalse();
    }

    @Test
    void duplicateStatusIsReportedAsDuplicate() {
        long mention = emulator.mention(customer, "hello");
        publisher.publish(channel, publicReply(mention, "Same words"));
        assertThatThrownBy(() -> publisher.publish(channel, publicReply(mention, "Same words")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE);
                    assertThat(e.platformCode()).contains("187");
                });
    }

    @Test
    void rateLimitCarriesTheResetTimeFromTheHeader() {
        long mention = emulator.mention(customer, "hello");
        Instant reset = Instant.now().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS);
        emulator.failNext(Fault.rateLimited(reset));
        assertThatThrownBy(() -> publisher.publish(channel, publicReply(mention, "hi")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAt()).contains(reset);
                });
    }

    @Test
    void serviceUnavailableAfterSendingIsUnknownAndTheLookupFindsNothing() {
        long mention = emulator.mention(customer, "hello");
        Reply hi = publicReply(mention, "hi");
        emulator.failNext(Fault.unavailable());
        assertThatThrownBy(() -> publisher.publish(channel, hi))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
        assertThat(publisher.findPublished(channel, hi)).isEqualTo(PublishedLookup.notFound());
        assertThat(publisher.publish(channel, hi)).isPresent();
    }

    @Test
    void aConnectFailureSendsNothingAndStaysTransient() {
        TwitterAdapterConfig closed = TwitterTestSupport.adapterConfig(emulator, TwitterTestSupport.CHANNEL)
                .restBaseUrl("http://127.0.0.1:" + TwitterTestSupport.closedPort() + "/1.1/")
                .build();
        Twitter4jChannelPublisher nowhere = Twitter4jChannelPublisher.forAccount(closed);
        long mention = emulator.mention(customer, "hello");
        assertThatThrownBy(() -> nowhere.publish(channel, publicReply(mention, "hi")))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void aReplyWhoseAnswerCameTooLateIsUnknownAndFoundInTheOwnTimeline() {
        Twitter4jChannelPublisher impatient = Twitter4jChannelPublisher.forAccount(
                TwitterTestSupport.adapterConfig(emulator, TwitterTestSupport.CHANNEL)
                        .readTimeout(Duration.ofMillis(1000))
                        .build());
        long mention = emulator.mention(customer, "card blocked");
        long other = emulator.mention(customer, "and another thing");
        publisher.publish(channel, publicReply(other, "We are on it & will DM you ^AN"));
        Reply reply = publicReply(mention, "We are on it & will DM you ^AN ");
        emulator.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        assertThatThrownBy(() -> impatient.publish(channel, reply))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        long stored = emulator.postedStatuses().stream()
                .filter(s -> s.get("in_reply_to_status_id").equals(mention))
                .map(s -> (Long) s.get("id"))
                .findFirst()
                .orElseThrow();
        assertThat(impatient.findPublished(channel, reply)).isEqualTo(PublishedLookup.found(Long.toString(stored)));
        assertThat(emulator.requests("statuses/user_timeline.json")).isNotEmpty();
    }

    @Test
    void aDirectMessageWhoseAnswerCameTooLateIsUnknownAndFoundAmongSentMessages() {
        Twitter4jChannelPublisher impatient = Twitter4jChannelPublisher.forAccount(
                TwitterTestSupport.adapterConfig(emulator, TwitterTestSupport.CHANNEL)
                        .readTimeout(Duration.ofMillis(1000))
                        .build());
        Reply dm = reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of("501"), "Hi Jane, we can call you");
        emulator.directMessageFromAccount(502, "Hi Jane, we can call you", TwitterApiEmulator.APP_ID);
        emulator.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        assertThatThrownBy(() -> impatient.publish(channel, dm))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        assertThat(emulator.sentDirectMessages())
                .as("one copy to Jane")
                .filteredOn(d -> d.get("recipient_id").equals(501L))
                .hasSize(1);
        long stored = emulator.sentDirectMessages().stream()
                .filter(d -> d.get("recipient_id").equals(501L))
                .map(d -> (Long) d.get("id"))
                .findFirst()
                .orElseThrow();
        assertThat(publisher.findPublished(channel, dm)).isEqualTo(PublishedLookup.found(Long.toString(stored)));
    }

    @Test
    void aDirectMessageNeverSentIsNotFound() {
        emulator.directMessageFromAccount(501, "Something else entirely", TwitterApiEmulator.APP_ID);
        Reply dm = reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of("501"), "Hi Jane, we can call you");
        assertThat(publisher.findPublished(channel, dm)).isEqualTo(PublishedLookup.notFound());
    }

    @Test
    void expiredTokenIsAuthFailedWithoutLeakingSecrets() {
        long mention = emulator.mention(customer, "hello");
        emulator.expireToken();
        assertThatThrownBy(() -> publisher.publish(channel, publicReply(mention, "hi")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH_FAILED);
                    assertThat(e.platformCode()).contains("89");
                    assertThat(e.getMessage())
                            .doesNotContain(config.accessToken())
                            .doesNotContain(config.accessTokenSecret())
                            .doesNotContain(config.consumerSecret());
                });
    }

    @Test
    void refusesATweetOver280WeightedCharactersWithoutCallingTwitter() {
        long mention = emulator.mention(customer, "hello");
        int before = emulator.requests().size();
        assertThatThrownBy(() -> publisher.publish(channel, publicReply(mention, "x".repeat(281))))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
                .hasMessageContaining("281");
        assertThat(emulator.requests()).hasSize(before);
    }

    @Test
    void kindsTwitterDoesNotHaveAreInvalidRequests() {
        assertThatThrownBy(() -> publisher.publish(
                        channel, reply(ReplyKind.HIDE_COMMENT, Optional.of("123"), Optional.empty(), "")))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
    }

    @Test
    void aChannelOfAnotherAccountHasNoCredentials() {
        Channel other = Channel.of("other", channel.platform(), "otherbank", "999", channel.kind(), channel.team());
        assertThatThrownBy(() -> publisher.publish(
                        other, reply(ReplyKind.PUBLIC_REPLY, Optional.of("5"), Optional.empty(), "hi")))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH_FAILED))
                .hasMessageContaining("999");
    }
}
