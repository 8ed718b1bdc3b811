package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Twitter stores a write, then the connection closes before any answer: after a poll (which, with twitter4j posting,
 * left the kept-alive connection the POST reused), and as the second write on the writes' kept-alive connection.
 * The HTTP layer must not send the POST again by itself: Twitter sees it once, the desk
 * holds the entry as UNKNOWN, finds the reply before sending again, and records it sent with Twitter's id. Runs
 * with the JVM's default network properties (the JDK's {@code HttpURLConnection} re-sends such a POST unless
 * {@code sun.net.http.retryPost=false}).
 */
class DroppedConnectionEndToEndTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.adapterConfig(emulator, TwitterTestSupport.CHANNEL)
            .build();
    private final CareDesk desk = TwitterTestSupport.desk(emulator, config);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 48_000, false);
    private final AgentId ana = AgentId.of("ana");

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aDirectMessageWhoseConnectionDropsIsPostedOnceThenFoundAndRecordedSent() throws InterruptedException {
        assertThat(Boolean.getBoolean("sun.net.http.retryPost") || System.getProperty("sun.net.http.retryPost") == null)
                .as("this test runs with the JDK default sun.net.http.retryPost=true")
                .isTrue();
        Twitter4jChannelSource dms = Twitter4jChannelSource.directMessages(config);
        emulator.directMessageFromCustomer(customer, "my card was swallowed by the ATM");
        desk.poll(dms);
        List<Conversation> queue = desk.queue(TwitterTestSupport.TEAM, 10);
        Conversation c = queue.get(0);
        desk.claim(c.id(), ana);
        Reply queued = desk.sendPrivate(c.id(), ana, "Hi Jane, which branch was it? ^AN");
        emulator.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(emulator.requests("direct_messages/events/new.json"))
                .as("the DM was posted once, not re-sent by the HTTP client")
                .hasSize(1);
        assertThat(emulator.sentDirectMessages()).hasSize(1);
        assertThat(first.sent()).isZero();
        assertThat(first.held()).as("outcome UNKNOWN: held for a lookup").isEqualTo(1);

        Thread.sleep(20); // the test desk's backoff is a few milliseconds
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).as("one copy on Twitter").hasSize(1);
        assertThat(emulator.requests("direct_messages/events/new.json")).hasSize(1);
        Reply after = replyOf(c, queued);
        assertThat(after.isSent()).isTrue();
        assertThat(after.platformMessageId())
                .contains(emulator.sentDirectMessages().get(0).get("id").toString());

        var polled = desk.poll(dms).ingested();
        assertThat(polled.echoes()).isEqualTo(1);
        assertThat(polled.stored()).isZero();
        assertThat(desk.health(TwitterTestSupport.CHANNEL).state()).isNotEqualTo(HealthState.PAUSED);
    }

    @Test
    void aPublicReplyWhoseConnectionDropsIsPostedOnceThenFoundAndRecordedSent() throws InterruptedException {
        Twitter4jChannelSource mentions = Twitter4jChannelSource.mentions(config);
        long mention = emulator.mention(customer, "app down again?");
        desk.poll(mentions);
        Conversation c = desk.queue(TwitterTestSupport.TEAM, 10).get(0);
        desk.claim(c.id(), ana);
        Reply queued = desk.reply(c.id(), ana, "Sorry Jane, it is back up now ^AN");
        emulator.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(emulator.requests("statuses/update.json"))
                .as("the reply was posted once, not re-sent by the HTTP client")
                .hasSize(1);
        assertThat(first.held()).as("outcome UNKNOWN: held for a lookup").isEqualTo(1);

        Thread.sleep(20);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(emulator.postedStatuses()).singleElement().satisfies(s -> assertThat(s.get("in_reply_to_status_id"))
                .isEqualTo(mention));
        assertThat(emulator.requests("statuses/update.json")).hasSize(1);
        assertThat(replyOf(c, queued).platformMessageId())
                .contains(emulator.postedStatuses().get(0).get("id").toString());
    }

    /**
     * The dropped write is the second on the writes' kept-alive connection (the first reply was answered): the case
     * a JVM started with {@code jdk.httpclient.enableAllMethodRetry=true} would repeat, which the one-shot body
     * stops (the build runs this class a second time with that flag).
     */
    @Test
    void aReplyWhoseKeptAliveConnectionDropsAfterAnAnsweredOneIsPostedOnce() throws InterruptedException {
        Twitter4jChannelSource mentions = Twitter4jChannelSource.mentions(config);
        User tom = emulator.user(502, "tom_b", "Tom B", 120, false);
        emulator.mention(customer, "app down again?");
        emulator.mention(tom, "cannot log in");
        desk.poll(mentions);
        List<Conversation> queue = desk.queue(TwitterTestSupport.TEAM, 10);
        assertThat(queue).hasSize(2);
        desk.claim(queue.get(0).id(), ana);
        desk.reply(queue.get(0).id(), ana, "Sorry, it is back up now ^AN");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        desk.claim(queue.get(1).id(), ana);
        Reply second = desk.reply(queue.get(1).id(), ana, "Please try again now ^AN");
        emulator.loseNextAnswers(LostAnswer.dropped());
        DispatchResult dropped = desk.dispatchOutbox();
        assertThat(emulator.requests("statuses/update.json"))
                .as("two replies, each posted once")
                .hasSize(2);
        assertThat(dropped.held()).isEqualTo(1);

        Thread.sleep(20);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(emulator.postedStatuses()).hasSize(2);
        assertThat(emulator.requests("statuses/update.json")).hasSize(2);
        assertThat(replyOf(queue.get(1), second).isSent()).isTrue();
    }

    private Reply replyOf(Conversation c, Reply queued) {
        return desk.replies(c.id()).stream()
                .filter(r -> r.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
    }
}
