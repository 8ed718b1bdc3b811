package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;

class WebChatChannelSourceTest {
    private static final String SECRET = "chat-secret-77";
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final WebChatServer server = WebChatServer.start(SECRET);
    private final WebChatChannelSource source = new WebChatChannelSource(
            WebChatSettings.builder(server.baseUri(), SECRET).build(), ChannelId.of("webchat-bank"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void customerMessageBecomesAPrivateMessageAuthoredByTheChatSession() {
        server.customerWrites("s-4711", "Anna K.", "My card was blocked \u00e9", AT);

        Batch batch = source.poll(Optional.empty());

        InboundMessage m = batch.messages().get(0);
        assertThat(m.key()).isEqualTo(MessageKey.of(WebChatSettings.PLATFORM, "1"));
        assertThat(m.author().platformUserId()).isEqualTo("s-4711");
        assertThat(m.author().displayName()).contains("Anna K.");
        assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(m.text()).isEqualTo("My card was blocked \u00e9");
        assertThat(m.createdAt()).isEqualTo(AT);
        assertThat(batch.nextCheckpoint()).contains(new Checkpoint("webchat:webchat-bank:messages", "1"));
    }

    @Test
    void malformedItemsAreRejectedWithTheirRawTextAndTheCheckpointMovesPastThem() {
        server.customerWrites("s-1", "Anna", "first", AT);
        String noText =
                "{\"seq\":2,\"sessionId\":\"s-1\",\"from\":\"customer\",\"name\":\"Anna\",\"sentAt\":\"2026-03-02T09:01:00Z\"}";
        String badTime =
                "{\"seq\":3,\"sessionId\":\"s-1\",\"from\":\"customer\",\"name\":\"Anna\",\"text\":\"x\",\"sentAt\":\"yesterday\"}";
        String robot =
                "{\"seq\":4,\"sessionId\":\"s-1\",\"from\":\"bot\",\"name\":\"R\",\"text\":\"x\",\"sentAt\":\"2026-03-02T09:01:00Z\"}";
        server.appendRawItem(noText);
        server.appendRawItem(badTime);
        server.appendRawItem(robot);
        server.appendRawItem("[1,2]");
        server.customerWrites("s-1", "Anna", "last", AT.plusSeconds(60));

        Batch batch = source.poll(Optional.empty());

        assertThat(batch.messages()).extracting(InboundMessage::text).containsExactly("first", "last");
        assertThat(batch.rejected()).extracting(r -> r.rawPayload()).containsExactly(noText, badTime, robot, "[1,2]");
        assertThat(batch.rejected())
                .extracting(r -> r.reason())
                .containsExactly(
                        "web chat item: field 'text' is missing",
                        "web chat item: field 'sentAt' must be an ISO-8601 instant but was 'yesterday'",
                        "web chat item: field 'from' must be customer or agent but was 'bot'",
                        "web chat item: not an object");
        assertThat(batch.rejected()).allSatisfy(r -> assertThat(r.source()).isEqualTo(source.sourceId()));
        assertThat(batch.nextCheckpoint().orElseThrow().position()).isEqualTo("6");
    }

    @Test
    void agentMessagesComeBackAsOwnMessages() {
        server.customerWrites("s-1", "Anna", "hello?", AT);
        server.agentWritesElsewhere("s-1", "Hi Anna, how can we help?", AT.plusSeconds(5));

        Batch batch = source.poll(Optional.empty());

        assertThat(batch.messages()).hasSize(1);
        assertThat(batch.ownMessages()).singleElement().satisfies(own -> {
            assertThat(own.key().messageId()).isEqualTo("2");
            assertThat(own.text()).isEqualTo("Hi Anna, how can we help?");
            assertThat(own.visibility()).isEqualTo(Visibility.PRIVATE);
        });
    }

    @Test
    void pagesFollowTheConfiguredSizeAndSayHasMore() {
        WebChatChannelSource small = new WebChatChannelSource(
                WebChatSettings.builder(server.baseUri(), SECRET).pageSize(2).build(), ChannelId.of("webchat-bank"));
        for (int i = 0; i < 3; i++) {
            server.customerWrites("s-" + i, "C" + i, "message " + i, AT.plusSeconds(i));
        }

        Batch first = small.poll(Optional.empty());
        Batch second = small.poll(first.nextCheckpoint());

        assertThat(first.messages()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.messages()).extracting(InboundMessage::text).containsExactly("message 2");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void httpErrorsBecomePlatformExceptionKinds() {
        server.failNext(401);
        assertThat(pollFailure().kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        server.failNext(503);
        assertThat(pollFailure().kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        Instant reset = server.rateLimitNext(Duration.ofSeconds(30));
        PlatformException limited = pollFailure();
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        assertThat(limited.retryAt().orElseThrow()).isAfterOrEqualTo(reset.minusSeconds(1));
        assertThat(limited.platformCode()).contains("429");
    }

    @Test
    void aWrongSecretIsRefusedAsAuthFailedWithoutShowingEitherSecret() {
        WebChatChannelSource wrong = new WebChatChannelSource(
                WebChatSettings.builder(server.baseUri(), "not-the-secret").build(), ChannelId.of("webchat-bank"));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> wrong.poll(Optional.empty()));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        assertThat(e.getMessage()).doesNotContain("not-the-secret").doesNotContain(SECRET);
        assertThat(wrong.toString()).doesNotContain("not-the-secret");
    }

    @Test
    void unreachableServerIsTransient() {
        server.close();

        PlatformException e = pollFailure();

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("GET /api/messages").doesNotContain(SECRET);
    }

    @Test
    void aPageThatIsNotTheApisJsonIsTransientAndKeepsTheCheckpoint() {
        server.appendRawItem("{\"seq\":1,");

        PlatformException e = pollFailure();

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("unreadable page").contains("at offset");
    }

    private PlatformException pollFailure() {
        PlatformException e = catchThrowableOfType(PlatformException.class, () -> source.poll(Optional.empty()));
        assertThat(e).as("poll failure").isNotNull();
        return e;
    }
}
