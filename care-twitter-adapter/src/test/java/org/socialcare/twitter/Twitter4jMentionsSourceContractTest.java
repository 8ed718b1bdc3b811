package org.socialcare.twitter;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

/** The testkit's source contract for the mentions timeline, through twitter4j against the emulator. */
class Twitter4jMentionsSourceContractTest extends ChannelSourceContract {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        return Twitter4jChannelSource.mentions(TwitterTestSupport.config(emulator));
    }

    @Override
    protected void postLater(SeedMessage m) {
        emulator.mentionAt(
                emulator.user(Long.parseLong(m.authorId()), m.authorHandle(), m.authorHandle(), 10, false),
                m.text(),
                m.createdAt());
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        emulator.ownTweetMentioningItself(m.text());
        return true;
    }

    /** A mention served without its author (no {@code user} object): the source must dead-letter it. */
    @Override
    protected boolean postUnreadableItem() {
        emulator.mentionWithoutAuthor("a mention without its author", SeedMessage.DAY_START.plusSeconds(150));
        return true;
    }

    @Override
    protected Optional<Visibility> expectedVisibility() {
        return Optional.of(Visibility.PUBLIC);
    }
}
