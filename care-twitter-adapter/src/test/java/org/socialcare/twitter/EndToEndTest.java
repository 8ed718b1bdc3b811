package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

/** The whole path through real twitter4j over HTTP: emulator -> source -> desk -> agent -> outbox -> publisher -> emulator. */
class EndToEndTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final CareDesk desk = TwitterTestSupport.desk(emulator, config);
    private final Twitter4jChannelSource mentions = Twitter4jChannelSource.mentions(config);
    private final TwitterWebhookHandler webhook = TwitterWebhookHandler.forAccount(config);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 48_000, false);
    private final AgentId ana = AgentId.of("ana");

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Conversation onlyConversation() {
        List<Conversation> queue = desk.queue(TwitterTestSupport.TEAM, 10);
        assertThat(queue).hasSize(1);
        return queue.get(0);
    }

    @Test
    void mentionIsAnsweredInItsThreadThroughTheDesk() {
        long mention = emulator.mention(customer, "I waited 40 minutes on the phone and nobody answered!");

        assertThat(desk.poll(mentions).ingested().stored()).isEqualTo(1);
        Conversation c = onlyConversation();
        desk.claim(c.id(), ana);
        Reply queued = desk.reply(c.id(), ana, "So sorry Jane, DM us your number and we'll call you right now ^AN");
        DispatchResult sent = desk.dispatchOutbox();

        assertThat(sent.sent()).isEqualTo(1);
        List<Map<String, Object>> posted = emulator.postedStatuses();
        assertThat(posted).singleElement().satisfies(s -> {
            assertThat(s.get("in_reply_to_status_id")).isEqualTo(mention);
            assertThat(s.get("text")).isEqualTo("So sorry Jane, DM us your number and we'll call you right now ^AN");
        });
        assertThat(emulator.requests("statuses/update.json"))
                .singleElement()
                .satisfies(r -> assertThat(r.param("in_reply_to_status_id")).contains(Long.toString(mention)));
        Reply after = desk.replies(c.id()).stream()
                .filter(r -> r.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
        assertThat(after.isSent()).isTrue();
        assertThat(after.platformMessageId()).contains(posted.get(0).get("id").toString());

        // the bank's reply comes back as an echo on the next poll/webhook and is not a customer message
        long ownId = (Long) posted.get(0).get("id");
        String body = emulator.tweetCreateEvents(ownId);
        WebhookResult r = desk.webhook(
                webhook,
                WebhookRequest.post(
                        "/twitter",
                        Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, emulator.webhookSignature(body)),
                        body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.batches()).singleElement().satisfies(b -> {
            assertThat(b.messages()).isEmpty();
            assertThat(b.ownMessages()).hasSize(1);
        });
        assertThat(desk.queue(TwitterTestSupport.TEAM, 10)).isEmpty(); // claimed, and no new conversation from the echo
    }

    @Test
    void directMessagesBothWaysThreadIntoTheConversationAndTheEchoIsNotACustomerMessage() {
        Twitter4jChannelSource dms = Twitter4jChannelSource.directMessages(config);
        emulator.mention(customer, "my card was swallowed by the ATM");
        desk.poll(mentions);
        Conversation c = onlyConversation();
        desk.claim(c.id(), ana);
        desk.sendPrivate(c.id(), ana, "Hi Jane, which branch was it? ^AN");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).singleElement().satisfies(d -> assertThat(d.get("recipient_id"))
                .isEqualTo(501L));

        emulator.directMessageFromCustomer(customer, "The one on Main Street");
        var polled = desk.poll(dms).ingested();

        assertThat(polled.stored()).isEqualTo(1); // the customer's answer
        assertThat(polled.echoes()).isEqualTo(1); // our own DM, matched, not threaded as a customer message
        assertThat(polled.opened()).isZero(); // the private answer joined the public conversation
        assertThat(desk.messages(c.id())).hasSize(3);
    }

    @Test
    void sameTweetByPollAndWebhookIsStoredOnce() {
        long mention = emulator.mention(customer, "app down again?");
        String body = emulator.tweetCreateEvents(mention);

        WebhookResult pushed = desk.webhook(
                webhook,
                WebhookRequest.post(
                        "/twitter",
                        Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, emulator.webhookSignature(body)),
                        body));
        assertThat(pushed.status()).isEqualTo(200);
        var polled = desk.poll(mentions).ingested();

        assertThat(polled.stored()).isZero();
        assertThat(polled.duplicates()).isEqualTo(1);
        Conversation c = onlyConversation();
        assertThat(desk.messages(c.id())).hasSize(1);
    }

    @Test
    void unavailableThenSuccessIsRetriedByTheDesk() throws InterruptedException {
        emulator.mention(customer, "hello?");
        desk.poll(mentions);
        Conversation c = onlyConversation();
        desk.claim(c.id(), ana);
        desk.reply(c.id(), ana, "Hello Jane, how can we help? ^AN");
        emulator.failNext(Fault.unavailable());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.held()).isEqualTo(1);
        assertThat(emulator.postedStatuses()).isEmpty();
        Thread.sleep(20); // backoff in the test desk is a few milliseconds
        DispatchResult second = desk.dispatchOutbox();
        assertThat(second.sent()).isEqualTo(1);
        assertThat(emulator.postedStatuses()).hasSize(1);
    }

    @Test
    void expiredTokenHoldsTheReplyAndMarksTheChannel() {
        emulator.mention(customer, "hello?");
        desk.poll(mentions);
        Conversation c = onlyConversation();
        desk.claim(c.id(), ana);
        desk.reply(c.id(), ana, "Hello Jane ^AN");
        emulator.expireToken();

        DispatchResult r = desk.dispatchOutbox();
        assertThat(r.held()).isEqualTo(1);
        assertThat(desk.health(TwitterTestSupport.CHANNEL).state()).isEqualTo(HealthState.AUTH_FAILED);
        assertThat(emulator.postedStatuses()).isEmpty();
    }

    @Test
    void rateLimitHoldsTheReplyUntilTheReset() {
        emulator.mention(customer, "hello?");
        desk.poll(mentions);
        Conversation c = onlyConversation();
        desk.claim(c.id(), ana);
        desk.reply(c.id(), ana, "Hello Jane ^AN");
        java.time.Instant reset =
                java.time.Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        emulator.failNext(Fault.rateLimited(reset));

        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        assertThat(desk.health(TwitterTestSupport.CHANNEL).retryAfter()).contains(reset);
        int requests = emulator.requests("statuses/update.json").size();
        assertThat(desk.dispatchOutbox().sent()).isZero(); // no busy retry before the reset
        assertThat(emulator.requests("statuses/update.json")).hasSize(requests);
    }
}
