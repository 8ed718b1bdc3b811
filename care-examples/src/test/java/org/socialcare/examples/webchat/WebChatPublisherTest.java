package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.PlatformException;

class WebChatPublisherTest {
    private static final String SECRET = "chat-secret-91";
    private static final Channel CHANNEL = Channel.of(
            "webchat-bank",
            WebChatSettings.PLATFORM,
            "bank.example/chat",
            "bank",
            ChannelKind.DEDICATED_CARE,
            TeamId.of("care"));
    private final WebChatServer server = WebChatServer.start(SECRET);
    private final WebChatPublisher publisher = new WebChatPublisher(
            WebChatSettings.builder(server.baseUri(), SECRET).build());

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = ReplyKind.class, names = "PRIVATE_MESSAGE", mode = EnumSource.Mode.EXCLUDE)
    void everyKindButPrivateMessagesIsAnInvalidRequestAndSendsNothing(ReplyKind kind) {
        server.customerWrites("s-1", "Anna", "hello", Instant.now());
        server.failNext(500); // would turn a call into TRANSIENT: proves no call is made

        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(CHANNEL, reply(kind, Optional.of("1"), Optional.of("s-1"))));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(kind + " is not supported by web chat");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void messageToASessionNoCustomerOpenedIsAnInvalidRequest() {
        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        CHANNEL, reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of("s-unknown"))));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID_REQUEST);
        assertThat(e.platformCode()).contains("404");
    }

    @Test
    void badRequestAnswerIsAnInvalidRequest() {
        server.customerWrites("s-1", "Anna", "hello", Instant.now());
        server.failNext(400);

        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        CHANNEL, reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of("s-1"))));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID_REQUEST);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void settingsAreValidatedEagerlyAndNeverShowTheSecret() {
        WebChatSettings settings =
                WebChatSettings.builder(server.baseUri(), SECRET).build();

        assertThat(settings.toString()).doesNotContain(SECRET).contains("sharedSecret=***");
        assertThat(publisher.toString()).doesNotContain(SECRET);
        assertThatThrownBy(
                        () -> WebChatSettings.builder(server.baseUri(), SECRET).pageSize(101))
                .hasMessage("pageSize must be in 1..100 but was 101");
        assertThatThrownBy(() -> WebChatSettings.builder(java.net.URI.create("ftp://chat"), SECRET))
                .hasMessage("baseUri must be an absolute http(s) URI but was 'ftp://chat'");
        assertThatThrownBy(() -> WebChatSettings.builder(server.baseUri(), " "))
                .hasMessage("sharedSecret must not be blank");
        assertThatThrownBy(
                        () -> WebChatSettings.builder(server.baseUri(), SECRET).pollInterval(java.time.Duration.ZERO))
                .hasMessage("pollInterval must be positive but was PT0S");
    }

    private static Reply reply(ReplyKind kind, Optional<String> target, Optional<String> recipient) {
        return Reply.queued(
                ReplyId.of("r-1"),
                ConversationId.of("c-1"),
                CHANNEL.id(),
                kind,
                target,
                recipient,
                "We're on it ^AB",
                Optional.of(AgentId.of("alice")),
                Instant.now());
    }
}
