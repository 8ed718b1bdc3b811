package org.socialcare.twitter.v2;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

/** The testkit's source contract for v2 mentions (OAuth 2.0 user context) against the X emulator. */
class XMentionsSourceContractTest extends ChannelSourceContract {
    private final XApiEmulator emulator = XTestSupport.emulator();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        return XChannelSource.mentions(
                XTestSupport.config(emulator, XTestSupport.oauth2(emulator)).build());
    }

    @Override
    protected void postLater(SeedMessage m) {
        emulator.mentionAt(
                emulator.user(m.authorId(), m.authorHandle(), m.authorHandle(), 10, false), m.text(), m.createdAt());
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        emulator.ownPost(m.text());
        return true;
    }

    /** A mention served without its {@code author_id}: the source must dead-letter it. */
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
