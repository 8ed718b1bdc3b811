package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.emulators.x.XApiEmulator.Fault;
import org.socialcare.emulators.x.XApiEmulator.LostAnswer;

/** X API v2 writes whose answer is lost are UNKNOWN, and the publisher finds what X stored. */
class XLostAnswerTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final XAuth.OAuth2User auth = XTestSupport.oauth2(emulator);
    private final XChannelPublisher publisher = XChannelPublisher.forAccount(XTestSupport.config(emulator, auth)
            .readTimeout(Duration.ofMillis(1000))
            .build());
    private final Channel channel = XTestSupport.channel(emulator);
    private final XApiEmulator.User customer = emulator.user("1900000000000000777", "jane_doe", "Jane Doe", 10, false);
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

    @Test
    void aReplyWhoseAnswerCameTooLateIsUnknownAndFoundAmongTheAccountsPosts() {
        String mention = emulator.mention(customer, "card blocked");
        String other = emulator.mention(customer, "another question");
        XChannelPublisher.forAccount(XTestSupport.config(emulator, auth).build())
                .publish(channel, reply(ReplyKind.PUBLIC_REPLY, Optional.of(other), Optional.empty(), "On it ^AN"));
        Reply late = reply(ReplyKind.PUBLIC_REPLY, Optional.of(mention), Optional.empty(), "On it  ^AN\n");
        emulator.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        assertThatThrownBy(() -> publisher.publish(channel, late))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        XApiEmulator.Post stored = emulator.publishedPosts().stream()
                .filter(p -> p.inReplyTo().equals(Optional.of(mention)))
                .findFirst()
                .orElseThrow();
        assertThat(publisher.findPublished(channel, late)).isEqualTo(PublishedLookup.found(stored.id()));
        assertThat(emulator.requests())
                .anyMatch(r -> r.path().endsWith("/tweets") && r.method().equals("GET"));
    }

    @Test
    void aDirectMessageWhoseConnectionDroppedIsUnknownSentOnceAndFound() {
        Reply dm = reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of(customer.id()), "We will call you");
        emulator.loseNextAnswers(LostAnswer.dropped());

        assertThatThrownBy(() -> publisher.publish(channel, dm))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));

        assertThat(emulator.sentDirectMessages())
                .as("one copy, not resent by the HTTP client")
                .hasSize(1);
        assertThat(publisher.findPublished(channel, dm))
                .isEqualTo(PublishedLookup.found(
                        emulator.sentDirectMessages().get(0).id()));
    }

    @Test
    void aServerErrorOfAPostIsUnknownAndNothingIsFoundWhenXStoredNothing() {
        String mention = emulator.mention(customer, "hello");
        Reply hi = reply(ReplyKind.PUBLIC_REPLY, Optional.of(mention), Optional.empty(), "Hello Jane ^AN");
        emulator.failNext(Fault.unavailable());
        assertThatThrownBy(() -> publisher.publish(channel, hi))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
        assertThat(publisher.findPublished(channel, hi)).isEqualTo(PublishedLookup.notFound());
    }

    @Test
    void aServerErrorOfAReadStaysTransient() {
        emulator.failNext(Fault.unavailable());
        assertThatThrownBy(() -> XApiV2Client.create(
                                XTestSupport.config(emulator, auth).build())
                        .mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }
}
