package org.socialcare.examples.demo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.out.ChannelPublisher;

/** In-process stand-ins for the platforms' publishing APIs: each accepts every entry and hands out ids. */
final class SimulatedPlatforms {
    private SimulatedPlatforms() {}

    static List<ChannelPublisher> publishers() {
        return List.of(
                publisher(Platform.TWITTER, 1_900_000_000_000_000_000L), publisher(Platform.FACEBOOK, 7_000_000_000L));
    }

    private static ChannelPublisher publisher(Platform platform, long firstId) {
        AtomicLong ids = new AtomicLong(firstId);
        return new ChannelPublisher() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public Optional<String> publish(Channel channel, Reply reply) {
                return reply.kind().carriesText()
                        ? Optional.of(String.valueOf(ids.incrementAndGet()))
                        : Optional.empty();
            }
        };
    }
}
