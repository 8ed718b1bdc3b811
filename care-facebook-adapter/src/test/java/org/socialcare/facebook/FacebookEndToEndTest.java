package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Team;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.Fault;
import org.socialcare.testkit.MutableClock;

/** A visitor comment through a real desk and back out to the Graph API emulator, with the real restfb client over HTTP. */
class FacebookEndToEndTest {
    private static final AgentId AGENT = AgentId.of("ab");

    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final FacebookAdapter facebook;
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk;
    private final String post;

    FacebookEndToEndTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        facebook = FacebookAdapter.create(clock, config(graph.baseUrl()).build());
        desk = CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of(TEAM.value(), "Care"))
                .channel(channel())
                .agent(Agent.of(AGENT.value(), "Alex Brown", "AB", TEAM))
                .publisher(facebook.publisher())
                .build();
        post = graph.addPost(PAGE_ID, PAGE_NAME, "Our mobile app got a new look", NOW.minus(Duration.ofHours(5)));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void visitorCommentGetsAPublicAndAPrivateReplyThatBothReachFacebook() {
        String comment = graph.addComment(
                post,
                Optional.empty(),
                "700",
                "Ann",
                "I waited 40 minutes on the phone. Unacceptable.",
                NOW.minus(Duration.ofMinutes(10)));

        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply pub = desk.reply(c.id(), AGENT, "Sorry for the wait, Ann. We've sent you a private message ^AB");
        Reply priv =
                desk.privateReplyToComment(c.id(), AGENT, "Hi Ann, please share a number and a time we can call you.");
        DispatchResult dispatched = desk.dispatchOutbox();

        assertThat(dispatched.sent()).isEqualTo(2);
        assertThat(graph.pageComments()).singleElement().satisfies(pc -> {
            assertThat(pc.repliedTo()).contains(comment);
            assertThat(pc.message()).isEqualTo("Sorry for the wait, Ann. We've sent you a private message ^AB");
        });
        assertThat(graph.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.commentId()).contains(comment);
            assertThat(m.text()).isEqualTo("Hi Ann, please share a number and a time we can call you.");
        });
        assertThat(storage.outbox().find(pub.id()).orElseThrow().platformMessageId())
                .contains(graph.pageComments().get(0).id());
        assertThat(storage.outbox().find(priv.id()).orElseThrow().isSent()).isTrue();
        assertThat(graph.requests())
                .allSatisfy(r -> assertThat(r.appSecretProofValid()).isTrue());
    }

    @Test
    void thePagesOwnReplyComingBackInTheFeedIsAnEchoMatchedToTheOutboxNotACustomerMessage() {
        graph.addComment(
                post, Optional.empty(), "700", "Ann", "Where is my refund?", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        desk.reply(c.id(), AGENT, "It was sent yesterday ^AB");
        desk.dispatchOutbox();
        clock.advance(Duration.ofMinutes(1));

        var result = desk.poll(facebook.source(CHANNEL_ID));

        assertThat(result.ingested().stored()).isZero();
        assertThat(result.ingested().echoes()).isPositive();
        assertThat(desk.history(c.id())).anySatisfy(a -> assertThat(a.action()).isEqualTo(AuditAction.ECHO_MATCHED));
        assertThat(desk.messages(c.id()))
                .filteredOn(m -> m.direction() == org.socialcare.core.domain.Direction.INBOUND)
                .hasSize(1);
    }

    @Test
    void aRateLimitHoldsTheReplyUntilFacebooksResetThenItIsSent() {
        graph.addComment(
                post, Optional.empty(), "700", "Ann", "Card declined abroad", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        desk.reply(c.id(), AGENT, "Please check your travel settings ^AB");
        graph.failNext("/comments", Fault.rateLimited(4, Duration.ofMinutes(3)));

        DispatchResult first = desk.dispatchOutbox();
        DispatchResult tooEarly = desk.dispatchOutbox();
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        DispatchResult afterReset = desk.dispatchOutbox();

        assertThat(first.held()).isEqualTo(1);
        assertThat(tooEarly.sent()).isZero();
        assertThat(desk.health(CHANNEL_ID).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(afterReset.sent()).isEqualTo(1);
        assertThat(graph.pageComments()).hasSize(1);
    }

    @Test
    void anExpiredTokenWhilePublishingMakesTheChannelAuthFailedAndKeepsTheReplyQueued() {
        graph.addComment(post, Optional.empty(), "700", "Ann", "Login broken", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply r = desk.reply(c.id(), AGENT, "Looking into it ^AB");
        graph.expireToken();

        desk.dispatchOutbox();

        assertThat(desk.health(CHANNEL_ID).state()).isEqualTo(HealthState.AUTH_FAILED);
        assertThat(storage.outbox().find(r.id()).orElseThrow().isQueued()).isTrue();
        assertThat(desk.health(CHANNEL_ID).lastError().orElseThrow())
                .contains("190")
                .doesNotContain(TOKEN);
    }

    @Test
    void aCommentShowingACardNumberIsHiddenAndMovedToPrivateWhileHarshCriticismStaysVisible() {
        String critic = graph.addComment(
                post,
                Optional.empty(),
                "700",
                "Ann",
                "This bank is a joke. Worst service I have ever had, shame on you!",
                NOW.minus(Duration.ofMinutes(12)));
        String leak = graph.addComment(
                post,
                Optional.empty(),
                "701",
                "Ben",
                "Charged twice on card 4111 1111 1111 1111, fix it",
                NOW.minus(Duration.ofMinutes(11)));

        desk.poll(facebook.source(CHANNEL_ID));
        Conversation leaking = conversationOf("701");
        desk.claim(leaking.id(), AGENT);
        desk.privateReplyToComment(
                leaking.id(),
                AGENT,
                "Hi Ben, we have hidden your comment to protect your card. Let's sort it out here.");
        desk.dispatchOutbox();

        assertThat(storage.outbox().findByConversation(leaking.id()))
                .extracting(Reply::kind)
                .contains(ReplyKind.HIDE_COMMENT, ReplyKind.PRIVATE_REPLY_TO_COMMENT);
        assertThat(storage.outbox().findByConversation(leaking.id()))
                .allSatisfy(r -> assertThat(r.isSent()).isTrue());
        assertThat(graph.comment(leak).orElseThrow().hidden()).isTrue();
        assertThat(graph.sentMessages()).singleElement().satisfies(m -> assertThat(m.commentId())
                .contains(leak));
        assertThat(graph.comment(critic).orElseThrow().hidden()).isFalse();
        assertThat(graph.requests()).noneSatisfy(req -> assertThat(req.path()).isEqualTo("/" + critic));
        assertThat(storage.outbox().findByConversation(conversationOf("700").id()))
                .isEmpty();
    }

    private Conversation conversationOf(String customer) {
        return storage.conversations()
                .findLatestOfCustomer(CHANNEL_ID, customer)
                .orElseThrow();
    }
}
