package org.socialcare.examples.webchat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

class WebChatChannelSourceContractTest extends ChannelSourceContract {
    private final WebChatServer server = WebChatServer.start("chat-secret");

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        WebChatSettings settings = WebChatSettings.builder(server.baseUri(), "chat-secret")
                .pageSize(20)
                .build();
        return new WebChatChannelSource(settings, ChannelId.of("webchat-bank"));
    }

    @Override
    protected void postLater(SeedMessage m) {
        server.customerWrites(m.authorId(), m.authorHandle(), m.text(), m.createdAt());
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        server.agentWritesElsewhere(m.authorId(), m.text(), m.createdAt());
        return true;
    }

    /** A customer item without its session: the source must dead-letter it. */
    @Override
    protected boolean postUnreadableItem() {
        server.appendRawItem("{\"from\":\"customer\",\"text\":\"no session\",\"sentAt\":\"2026-03-02T09:02:30Z\"}");
        return true;
    }

    @Override
    protected int backlogSize() {
        return 45;
    }

    @Override
    protected Optional<Visibility> expectedVisibility() {
        return Optional.of(Visibility.PRIVATE);
    }
}
