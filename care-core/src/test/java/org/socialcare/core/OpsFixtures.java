package org.socialcare.core;

import java.time.Instant;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;

/** Small builders for the operations policies' tests. */
public final class OpsFixtures {
    private OpsFixtures() {}

    public static InboundMessage tweet(String id, String channel, String userId, String text, Instant at) {
        return InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, id), ChannelId.of(channel), Party.of(userId, "@" + userId))
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(at)
                .build();
    }

    public static InboundMessage tweetFrom(String id, String channel, Party author, String text, Instant at) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), ChannelId.of(channel), author)
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(at)
                .build();
    }

    /** A NEW conversation opened by a public tweet at {@code at}. */
    public static Conversation conversation(String id, String channel, String userId, Instant at) {
        return Conversation.start(ConversationId.of(id), tweet("m-" + id, channel, userId, "hello", at));
    }
}
