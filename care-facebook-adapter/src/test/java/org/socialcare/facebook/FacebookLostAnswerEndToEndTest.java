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
import org.socialcare.testkit.MutableClock;

/**
 * restfb through a real desk: a comment and a Messenger message whose answers are lost (Facebook stored them, the
 * answer came after the read timeout) are UNKNOWN, found by the page's lookup before being sent again, recorded
 * sent with Facebook's id, held once by Facebook, and their echoes on the next poll are matched (the hijack guard
 * stays quiet).
 */
class FacebookLostAnswerEndToEndTest {
    private static final AgentId AGENT = AgentId.of("ab");

    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final FacebookAdapter facebook;
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk;
    private final String post;

    FacebookLostAnswerEndToEndTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        facebook = FacebookAdapter.create(
                clock,
                config(graph.baseUrl()).readTimeout(Duration.ofMillis(1000)).build());
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
    void aCommentWhoseAnswerIsLostIsFoundNotPostedTwiceAndItsEchoIsMatched() {
        String comment = graph.addComment(
                post, Optional.empty(), "700", "Ann", "Where is my refund?", NOW.minus(Duration.ofMinutes(10)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("700");
        desk.claim(c.id(), AGENT);
        Reply reply = desk.reply(c.id(), AGENT, "It was sent yesterday & should arrive today ^AB");
        graph.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.held()).isEqualTo(1);
        assertThat(graph.pageComments()).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        assertThat(graph.pageComments())
                .as("one comment on Facebook")
                .singleElement()
                .satisfies(pc -> assertThat(pc.repliedTo()).contains(comment));
        assertThat(graph.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/comments"))
                .hasSize(1);
        assertThat(storage.outbox().find(reply.id()).orElseThrow().platformMessageId())
                .contains(graph.pageComments().get(0).id());

        clock.advance(Duration.ofMinutes(1));
        var polled = desk.poll(facebook.source(CHANNEL_ID));
        assertThat(polled.ingested().stored()).isZero();
        assertThat(desk.health(CHANNEL_ID).state()).isNotEqualTo(HealthState.PAUSED);
    }

    @Test
    void aMessengerMessageWhoseAnswerIsLostIsFoundNotSentTwice() {
        graph.addCustomerMessage("801", "Bea", "Is my transfer through?", NOW.minus(Duration.ofMinutes(5)));
        desk.poll(facebook.source(CHANNEL_ID));
        Conversation c = conversationOf("801");
        desk.claim(c.id(), AGENT);
        Reply dm = desk.sendPrivate(c.id(), AGENT, "Yes, it arrived this morning ^AB");
        graph.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        assertThat(graph.sentMessages()).as("one message to Bea").singleElement();
        assertThat(storage.outbox().find(dm.id()).orElseThrow().platformMessageId())
                .contains(graph.sentMessages().get(0).messageId());

        clock.advance(Duration.ofMinutes(1));
        var polled = desk.poll(facebook.source(CHANNEL_ID));
        assertThat(polled.ingested().stored()).isZero();
        assertThat(polled.ingested().echoes()).isPositive();
        assertThat(desk.health(CHANNEL_ID).state()).isNotEqualTo(HealthState.PAUSED);
    }

    private Conversation conversationOf(String customer) {
        return storage.conversations()
                .findLatestOfCustomer(CHANNEL_ID, customer)
                .orElseThrow();
    }
}
