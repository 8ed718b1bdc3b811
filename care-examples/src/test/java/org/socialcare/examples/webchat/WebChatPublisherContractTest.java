package org.socialcare.examples.webchat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.testkit.adapter.ChannelPublisherContract;
import org.socialcare.testkit.adapter.ReceivedPost;

class WebChatPublisherContractTest extends ChannelPublisherContract {
    private static final String SECRET = "chat-secret-5f2a";
    private final WebChatServer server = WebChatServer.start(SECRET);

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPublisher publisher() {
        return new WebChatPublisher(
                WebChatSettings.builder(server.baseUri(), SECRET).build());
    }

    @Override
    protected ChannelPublisher publisherAgainst(URI baseUri) {
        return new WebChatPublisher(WebChatSettings.builder(baseUri, SECRET)
                .timeout(Duration.ofSeconds(2))
                .build());
    }

    @Override
    protected Channel channel() {
        return Channel.of(
                "webchat-bank",
                WebChatSettings.PLATFORM,
                "bank.example/chat",
                "bank",
                ChannelKind.DEDICATED_CARE,
                TeamId.of("care"));
    }

    @Override
    protected boolean supportsPublicReplies() {
        return false;
    }

    @Override
    protected String customerMessageId() {
        return server.customerWrites("s-100", "Anna", "Is anyone there?", Instant.now());
    }

    @Override
    protected String customerUserId() {
        server.customerWrites("s-200", "Ben", "My card is blocked", Instant.now());
        return "s-200";
    }

    @Override
    protected List<ReceivedPost> received() {
        return server.received().stream()
                .map(r -> ReceivedPost.privateMessage(r.messageId(), r.sessionId(), r.text()))
                .toList();
    }

    @Override
    protected void failNextCallWithAuthError() {
        server.failNext(401);
    }

    @Override
    protected Instant failNextCallWithRateLimit() {
        return server.rateLimitNext(Duration.ofSeconds(90));
    }

    @Override
    protected boolean failNextCallWithServerError() {
        server.failNext(503);
        return true;
    }

    @Override
    protected List<String> secrets() {
        return List.of(SECRET);
    }
}
