package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.LostAnswer;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

/**
 * A direct message whose answer is lost (Twitter stored it, the answer came after twitter4j's read timeout): the
 * desk holds it as UNKNOWN, finds it among the account's DMs before sending again, records it sent with Twitter's
 * id, Twitter holds one copy, and its echo on the next poll is matched (the hijack guard stays quiet).
 */
class LostAnswerEndToEndTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.adapterConfig(emulator, TwitterTestSupport.CHANNEL)
            .readTimeout(Duration.ofMillis(1000))
            .build();
    private final CareDesk desk = TwitterTestSupport.desk(emulator, config);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 48_000, false);
    private final AgentId ana = AgentId.of("ana");

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aDirectMessageWhoseAnswerIsLostIsFoundNotSentTwiceAndItsEchoIsMatched() throws InterruptedException {
        Twitter4jChannelSource dms = Twitter4jChannelSource.directMessages(config);
        emulator.directMessageFromCustomer(customer, "my card was swallowed by the ATM");
        desk.poll(dms);
        List<Conversation> queue = desk.queue(TwitterTestSupport.TEAM, 10);
        assertThat(queue).hasSize(1);
        Conversation c = queue.get(0);
        desk.claim(c.id(), ana);
        Reply queued = desk.sendPrivate(c.id(), ana, "Hi Jane, which branch was it? ^AN");
        emulator.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.sent()).isZero();
        assertThat(first.held()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).hasSize(1); // Twitter has it, the desk does not know

        Thread.sleep(20); // the test desk's backoff is a few milliseconds
        DispatchResult second = desk.dispatchOutbox();
        assertThat(second.sent()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).as("one copy on Twitter").hasSize(1);
        assertThat(emulator.requests("direct_messages/events/new.json"))
                .as("sent once, looked up instead of sent again")
                .hasSize(1);
        Reply after = desk.replies(c.id()).stream()
                .filter(r -> r.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
        assertThat(after.isSent()).isTrue();
        assertThat(after.platformMessageId())
                .contains(emulator.sentDirectMessages().get(0).get("id").toString());

        var polled = desk.poll(dms).ingested();
        assertThat(polled.echoes()).isEqualTo(1);
        assertThat(polled.stored()).isZero();
        assertThat(desk.health(TwitterTestSupport.CHANNEL).state()).isNotEqualTo(HealthState.PAUSED);
    }

    @Test
    void aPublicReplyWhoseAnswerIsLostIsFoundInTheOwnTimelineAndNotPostedTwice() throws InterruptedException {
        Twitter4jChannelSource mentions = Twitter4jChannelSource.mentions(config);
        long mention = emulator.mention(customer, "app down again?");
        desk.poll(mentions);
        Conversation c = desk.queue(TwitterTestSupport.TEAM, 10).get(0);
        desk.claim(c.id(), ana);
        Reply queued = desk.reply(c.id(), ana, "Sorry Jane, it is back up now ^AN");
        emulator.loseNextAnswers(LostAnswer.late(Duration.ofMillis(2500)));

        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        Thread.sleep(20);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        assertThat(emulator.postedStatuses()).singleElement().satisfies(s -> assertThat(s.get("in_reply_to_status_id"))
                .isEqualTo(mention));
        assertThat(emulator.requests("statuses/update.json")).hasSize(1);
        Reply after = desk.replies(c.id()).stream()
                .filter(r -> r.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
        assertThat(after.platformMessageId())
                .contains(emulator.postedStatuses().get(0).get("id").toString());
    }
}
