package org.socialcare.facebook;

import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

/** Visitor posts on the page feed as the seeded customer messages. */
class RestFbChannelSourceContractTest extends ChannelSourceContract {
    private final MutableClock clock = new MutableClock(SeedMessage.DAY_START.plus(Duration.ofHours(10)));
    private final GraphApiEmulator graph;

    RestFbChannelSourceContractTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        return new RestFbChannelSource(
                config(graph.baseUrl()).pageSize(10).build(), new MessengerWindow(Duration.ofHours(24), clock), clock);
    }

    @Override
    protected void postLater(SeedMessage m) {
        graph.addPost(m.authorId(), m.authorHandle(), m.text(), m.createdAt());
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        graph.addPost(PAGE_ID, PAGE_NAME, m.text(), m.createdAt());
        return true;
    }

    @Override
    protected Optional<Visibility> expectedVisibility() {
        return Optional.of(Visibility.PUBLIC);
    }

    @Override
    protected int backlogSize() {
        return 35;
    }
}
