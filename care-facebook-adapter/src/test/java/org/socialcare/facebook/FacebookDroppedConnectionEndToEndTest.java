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
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.LostAnswer;
import org.socialcare.emulators.facebook.GraphApiEmulator.RecordedRequest;
import org.socialcare.testkit.MutableClock;

/**
 * Facebook stores a write, then the kept-alive connection (the poll before it used the same one) closes before any
 * answer. The HTTP layer must not send the POST again by itself: Facebook sees it once, the desk holds the entry as
 * UNKNOWN and reconciles it with the page's lookup (comments, Messenger) or Facebook's one-private-reply rule
 * (code 10900), and Facebook ends with one copy. Runs with the JVM's default network properties (the JDK's
 * {@code HttpURLConnection}, restfb's default, re-sends such a POST unless {@code sun.net.http.retryPost=false}).
 */
class FacebookDroppedConnectionEndToEndTest {
    private static final AgentId AGENT = AgentId.of("ab");

    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final FacebookAdapter facebook;
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk;
    private final String post;

    FacebookDroppedConnectionEndToEndTest() throws IOException {
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
    void aCommentReplyWhoseConnectionDropsIsPostedOnceThenFoundAndRecordedSent() {
        assertThat(System.getProperty("sun.net.http.retryPost", "true"))
                .as("this test runs with the JDK default")
                .isEqualTo("true");
        String comment = graph.addComment(
                post, Optional.empty(), "700", "Ann", "Where is my refund?", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply reply = desk.reply(c.id(), AGENT, "It was sent yesterday & should arrive today ^AB");
        graph.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(posts("/comments"))
                .as("posted once, not re-sent by the HTTP client")
                .hasSize(1);
        assertThat(first.held()).as("outcome UNKNOWN: held for a lookup").isEqualTo(1);
        assertThat(graph.pageComments()).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(graph.pageComments())
                .as("one comment on Facebook")
                .singleElement()
                .satisfies(pc -> assertThat(pc.repliedTo()).contains(comment));
        assertThat(posts("/comments")).hasSize(1);
        assertThat(storage.outbox().find(reply.id()).orElseThrow().platformMessageId())
                .contains(graph.pageComments().get(0).id());

        clock.advance(Duration.ofMinutes(1));
        assertThat(desk.poll(facebook.source(CHANNEL_ID)).ingested().stored()).isZero();
        assertThat(desk.health(CHANNEL_ID).state()).isNotEqualTo(HealthState.PAUSED);
    }

    @Test
    void aReplyInACommentThreadWhoseConnectionDropsIsFoundUnderTheFirstLevelCommentAndRecordedSent() {
        String first = graph.addComment(
                post, Optional.empty(), "700", "Ann", "Where is my refund?", NOW.minus(Duration.ofMinutes(20)));
        String inThread = graph.addComment(
                post, Optional.of(first), "700", "Ann", "Still nothing today", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply reply = desk.reply(c.id(), AGENT, "Sorry Ann, it left us this morning ^AB");
        assertThat(reply.target())
                .as("the reply answers the second-level comment")
                .contains(inThread);
        graph.loseNextAnswers(LostAnswer.dropped());

        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        assertThat(posts("/comments")).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(graph.pageComments())
                .as("one comment on Facebook")
                .singleElement()
                .satisfies(pc -> {
                    assertThat(pc.repliedTo()).contains(inThread);
                    assertThat(pc.parentId())
                            .as("filed under the first-level comment")
                            .contains(first);
                });
        assertThat(posts("/comments")).as("found, not posted again").hasSize(1);
        assertThat(storage.outbox().find(reply.id()).orElseThrow().platformMessageId())
                .contains(graph.pageComments().get(0).id());
    }

    @Test
    void aMessengerMessageWhoseConnectionDropsIsSentOnceThenFoundAndRecordedSent() {
        graph.addCustomerMessage("801", "Bea", "Is my transfer through?", NOW.minus(Duration.ofMinutes(5)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("801");
        desk.claim(c.id(), AGENT);
        Reply dm = desk.sendPrivate(c.id(), AGENT, "Yes, it arrived this morning ^AB");
        graph.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(posts("/messages"))
                .as("sent once, not re-sent by the HTTP client")
                .hasSize(1);
        assertThat(first.held()).as("outcome UNKNOWN: held for a lookup").isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(graph.sentMessages()).as("one message to Bea").singleElement();
        assertThat(posts("/messages")).hasSize(1);
        assertThat(storage.outbox().find(dm.id()).orElseThrow().platformMessageId())
                .contains(graph.sentMessages().get(0).messageId());

        clock.advance(Duration.ofMinutes(1));
        var polled = desk.poll(facebook.source(CHANNEL_ID));
        assertThat(polled.ingested().stored()).isZero();
        assertThat(polled.ingested().echoes()).isPositive();
        assertThat(desk.health(CHANNEL_ID).state()).isNotEqualTo(HealthState.PAUSED);
    }

    @Test
    void aPrivateReplyWhoseConnectionDropsIsSentOnceAndFacebooksOneReplyRuleSettlesIt() {
        String comment = graph.addComment(
                post, Optional.empty(), "700", "Ann", "I waited 40 minutes.", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply priv = desk.privateReplyToComment(c.id(), AGENT, "Hi Ann, when can we call you?");
        graph.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(posts("/messages"))
                .as("sent once, not re-sent by the HTTP client")
                .hasSize(1);
        assertThat(first.held()).as("outcome UNKNOWN: held").isEqualTo(1);
        assertThat(graph.sentMessages()).singleElement().satisfies(m -> assertThat(m.commentId())
                .contains(comment));

        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent())
                .as("the lookup cannot tell; the desk sends again and Facebook's 10900 says it is there")
                .isEqualTo(1);
        assertThat(graph.sentMessages()).as("one private reply to Ann").hasSize(1);
        assertThat(storage.outbox().find(priv.id()).orElseThrow().isSent()).isTrue();
    }

    private java.util.List<RecordedRequest> posts(String pathEnd) {
        return graph.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith(pathEnd))
                .toList();
    }

    private Conversation conversationOf(String customer) {
        return storage.conversations()
                .findLatestOfCustomer(CHANNEL_ID, customer)
                .orElseThrow();
    }
}
