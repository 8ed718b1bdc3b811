package org.socialcare.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * A publisher for desks whose tests are not about publishing: it records what it publishes and can do what the
 * domain assumes of its platform (the behaviour a channel without a publisher had before build() required one).
 */
public final class TestPublisher implements ChannelPublisher {
    final List<Reply> published = new CopyOnWriteArrayList<>();
    private final Platform platform;
    private final AtomicInteger next = new AtomicInteger(7000);

    private TestPublisher(Platform platform) {
        this.platform = platform;
    }

    public static TestPublisher on(Platform platform) {
        return new TestPublisher(platform);
    }

    /** One for Twitter and one for Facebook. */
    public static List<ChannelPublisher> twitterAndFacebook() {
        return List.of(on(Platform.TWITTER), on(Platform.FACEBOOK));
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Optional<String> publish(Channel channel, Reply reply) {
        published.add(reply);
        return Optional.of(String.valueOf(next.incrementAndGet()));
    }
}
