package org.socialcare.twitter;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;
import org.socialcare.testkit.adapter.ChannelPublisherContract;
import org.socialcare.testkit.adapter.ReceivedPost;

/** The testkit's publisher contract, through twitter4j against the emulator. */
class Twitter4jChannelPublisherContractTest extends ChannelPublisherContract {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final TwitterApiEmulator.User customer = emulator.user(501, "jane_doe", "Jane Doe", 10, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected ChannelPublisher publisher() {
        return Twitter4jChannelPublisher.forAccount(config);
    }

    @Override
    protected ChannelPublisher publisherAgainst(URI baseUri) {
        return Twitter4jChannelPublisher.forAccount(TwitterTestSupport.adapterConfig(emulator, config.channel())
                .restBaseUrl(baseUri + "/1.1/")
                .readTimeout(Duration.ofSeconds(2))
                .build());
    }

    @Override
    protected Channel channel() {
        return TwitterTestSupport.channel(emulator);
    }

    @Override
    protected String customerMessageId() {
        return Long.toString(emulator.mention(customer, "where is my card?"));
    }

    @Override
    protected String customerUserId() {
        return Long.toString(customer.id());
    }

    @Override
    protected List<ReceivedPost> received() {
        List<ReceivedPost> out = new ArrayList<>();
        for (Map<String, Object> s : emulator.postedStatuses()) {
            out.add(ReceivedPost.publicReply(
                    s.get("id").toString(), s.get("in_reply_to_status_id").toString(), (String) s.get("text")));
        }
        for (Map<String, Object> d : emulator.sentDirectMessages()) {
            out.add(ReceivedPost.privateMessage(
                    d.get("id").toString(), d.get("recipient_id").toString(), (String) d.get("text")));
        }
        return out;
    }

    @Override
    protected void failNextCallWithAuthError() {
        emulator.failNext(Fault.expiredToken());
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
        return List.of(config.consumerSecret(), config.accessToken(), config.accessTokenSecret());
    }
}
