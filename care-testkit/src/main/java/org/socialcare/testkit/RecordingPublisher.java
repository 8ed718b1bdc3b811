package org.socialcare.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * A publisher for tests of a desk whose subject is not publishing (a desk needs a publisher for every channel
 * that is not receive-only): it records each reply it is given and answers with a new numeric platform id. It can
 * do what the domain assumes of its platform ({@link ChannelPublisher#supports}'s default). Thread-safe.
 */
public final class RecordingPublisher implements ChannelPublisher {
    private final Platform platform;
    private final List<Reply> published = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong(900_000);

    private RecordingPublisher(Platform platform) {
        this.platform = Checks.notNull(platform, "platform");
    }

    /** A recording publisher for {@code platform}. */
    public static RecordingPublisher on(Platform platform) {
        return new RecordingPublisher(platform);
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

    /** What it published, in order. */
    public List<Reply> published() {
        return List.copyOf(published);
    }
}
