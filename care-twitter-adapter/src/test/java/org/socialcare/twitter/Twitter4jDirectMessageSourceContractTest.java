package org.socialcare.twitter;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

/** The testkit's source contract for direct message events (cursor paging), through twitter4j against the emulator. */
class Twitter4jDirectMessageSourceContractTest extends ChannelSourceContract {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        return Twitter4jChannelSource.directMessages(TwitterTestSupport.config(emulator));
    }

    @Override
    protected void postLater(SeedMessage m) {
        emulator.directMessageFromCustomerAt(
                emulator.user(Long.parseLong(m.authorId()), m.authorHandle(), m.authorHandle(), 10, false),
                m.text(),
                m.createdAt());
    }

    @Override
    protected int backlogSize() {
        return 120; // pages of 50
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        emulator.directMessageFromAccount(7_100_000, m.text(), "777");
        return true;
    }

    @Override
    protected Optional<Visibility> expectedVisibility() {
        return Optional.of(Visibility.PRIVATE);
    }
}
