package org.socialcare.facebook;

import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.Fault;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.adapter.ChannelPublisherContract;
import org.socialcare.testkit.adapter.ReceivedPost;

class RestFbChannelPublisherContractTest extends ChannelPublisherContract {
    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final RestFbChannelPublisher publisher;
    private int customers;

    RestFbChannelPublisherContractTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        publisher = new RestFbChannelPublisher(
                List.of(config(graph.baseUrl()).build()), new MessengerWindow(Duration.ofHours(24), clock), clock);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Override
    protected ChannelPublisher publisher() {
        return publisher;
    }

    @Override
    protected ChannelPublisher publisherAgainst(URI baseUri) {
        return new RestFbChannelPublisher(
                List.of(config(baseUri).readTimeout(Duration.ofSeconds(2)).build()),
                new MessengerWindow(Duration.ofHours(24), clock),
                clock);
    }

    @Override
    protected Channel channel() {
        return TestPages.channel();
    }

    @Override
    protected String customerMessageId() {
        String post = graph.addPost(PAGE_ID, PAGE_NAME, "Our new app is live", NOW.minusSeconds(3600));
        return graph.addComment(post, Optional.empty(), "700", "Ann", "It keeps logging me out", NOW.minusSeconds(60));
    }

    @Override
    protected String customerUserId() {
        String psid = "90" + (++customers);
        graph.addCustomerMessage(psid, "Customer " + customers, "Hello, anyone there?", NOW.minusSeconds(120));
        return psid;
    }

    @Override
    protected List<ReceivedPost> received() {
        List<ReceivedPost> out = new ArrayList<>();
        graph.pageComments()
                .forEach(c -> out.add(
                        new ReceivedPost(c.id(), Visibility.PUBLIC, c.repliedTo(), Optional.empty(), c.message())));
        graph.sentMessages()
                .forEach(m -> out.add(
                        new ReceivedPost(m.messageId(), Visibility.PRIVATE, m.commentId(), m.recipientId(), m.text())));
        return out;
    }

    @Override
    protected void failNextCallWithAuthError() {
        graph.failNext(Fault.tokenExpired());
    }

    @Override
    protected Instant failNextCallWithRateLimit() {
        graph.failNext(Fault.rateLimited(4, Duration.ofMinutes(5)));
        return clock.instant().plus(Duration.ofMinutes(5));
    }

    @Override
    protected boolean failNextCallWithServerError() {
        graph.failNext(Fault.transientServerError());
        return true;
    }

    /** Graph's error 506 ("Duplicate status message"). */
    @Override
    protected boolean failNextCallAsDuplicate() {
        graph.failNext(new Fault(
                400,
                506,
                Optional.empty(),
                "OAuthException",
                "(#506) Duplicate status message",
                false,
                java.util.Map.of()));
        return true;
    }

    @Override
    protected List<String> secrets() {
        return TestPages.secrets();
    }
}
