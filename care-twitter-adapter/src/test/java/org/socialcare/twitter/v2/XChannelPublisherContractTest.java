package org.socialcare.twitter.v2;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.emulators.x.XApiEmulator.Fault;
import org.socialcare.testkit.adapter.ChannelPublisherContract;
import org.socialcare.testkit.adapter.ReceivedPost;

/** The testkit's publisher contract for API v2 (OAuth 2.0 user context) against the X emulator. */
class XChannelPublisherContractTest extends ChannelPublisherContract {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final XAuth.OAuth2User auth = XTestSupport.oauth2(emulator);
    private final XApiEmulator.User customer = emulator.user("1900000000000000777", "jane_doe", "Jane Doe", 10, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelPublisher publisher() {
        return XChannelPublisher.forAccount(XTestSupport.config(emulator, auth).build());
    }

    @Override
    protected ChannelPublisher publisherAgainst(URI baseUri) {
        return XChannelPublisher.forAccount(XTestSupport.config(emulator, auth)
                .baseUrl(baseUri + "/")
                .readTimeout(Duration.ofSeconds(2))
                .build());
    }

    @Override
    protected Channel channel() {
        return XTestSupport.channel(emulator);
    }

    @Override
    protected String customerMessageId() {
        return emulator.mention(customer, "where is my card?");
    }

    @Override
    protected String customerUserId() {
        return customer.id();
    }

    @Override
    protected List<ReceivedPost> received() {
        List<ReceivedPost> out = new ArrayList<>();
        for (XApiEmulator.Post p : emulator.publishedPosts()) {
            out.add(ReceivedPost.publicReply(p.id(), p.inReplyTo().orElse(""), p.text()));
        }
        for (XApiEmulator.DmEvent d : emulator.sentDirectMessages()) {
            out.add(ReceivedPost.privateMessage(d.id(), d.recipientId(), d.text()));
        }
        return out;
    }

    @Override
    protected void failNextCallWithAuthError() {
        emulator.failNext(Fault.unauthorized());
        emulator.revokeRefreshToken(); // a 401 triggers one refresh; a revoked grant makes it AUTH_FAILED
    }

    @Override
    protected Instant failNextCallWithRateLimit() {
        Instant reset = Instant.now().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS);
        emulator.failNext(Fault.rateLimited(reset));
        return reset;
    }

    @Override
    protected boolean failNextCallWithServerError() {
        emulator.failNext(Fault.unavailable());
        return true;
    }

    @Override
    protected boolean failNextCallAsDuplicate() {
        emulator.failNext(Fault.duplicate());
        return true;
    }

    @Override
    protected List<String> secrets() {
        return List.of(
                auth.token().accessToken(),
                auth.token().refreshToken().orElseThrow(),
                auth.clientSecret().orElseThrow(),
                emulator.consumerSecret());
    }
}
