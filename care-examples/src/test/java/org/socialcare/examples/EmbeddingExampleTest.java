package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.out.ChannelPublisher;

class EmbeddingExampleTest {
    @Test
    void readmeEmbeddingExamplePublishesTheAgentsReply() {
        List<Reply> published = new ArrayList<>();
        Reply r = EmbeddingExample.run(new ChannelPublisher() {
            @Override
            public Platform platform() {
                return Platform.TWITTER;
            }

            @Override
            public Optional<String> publish(Channel channel, Reply reply) {
                published.add(reply);
                return Optional.of("1234");
            }
        });
        assertThat(r.isSent()).isTrue();
        assertThat(r.platformMessageId()).contains("1234");
        assertThat(published).extracting(Reply::text).containsExactly("So sorry, Anna. We're on it ^AB");
    }
}
