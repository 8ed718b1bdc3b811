package org.socialcare.twitter.v2;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.testkit.adapter.ChannelSourceContract;
import org.socialcare.testkit.adapter.SeedMessage;

/** The testkit's source contract for v2 DM events (OAuth 1.0a, pagination_token paging) against the X emulator. */
class XDirectMessageSourceContractTest extends ChannelSourceContract {
    private final XApiEmulator emulator = XTestSupport.emulator();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelSource sourceOver(List<SeedMessage> messages) {
        messages.forEach(this::postLater);
        return XChannelSource.directMessages(XTestSupport.config(emulator, XTestSupport.oauth1(emulator))
                .dmPageSize(50)
                .build());
    }

    @Override
    protected void postLater(SeedMessage m) {
        emulator.directMessageFrom(
                emulator.user(m.authorId(), m.authorHandle(), m.authorHandle(), 10, false), m.text(), m.createdAt());
    }

    @Override
    protected int backlogSize() {
        return 120; // pages of 50
    }

    @Override
    protected boolean postOwnMessage(SeedMessage m) {
        emulator.directMessageTo(emulator.user("7100000", "cust_0", "cust_0", 10, false), m.text());
        return true;
    }

    @Override
    protected Optional<Visibility> expectedVisibility() {
        return Optional.of(Visibility.PRIVATE);
    }
}
