package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.TwitterAccount;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 6: one bank, several care accounts (Northbank's brand and care accounts on Twitter, each its own
 * emulator), both polled by one PollingScheduler. During an outage customers write to either account; every
 * answer is a public reply on the account they wrote to, on that account's public timeline, where other people
 * see it and can join in (one to many).
 */
class OneToManyPublicAnswersStoryTest {
    private static final String OUTAGE = "card payments are failing since 08:40; we're fixing it and will update here.";

    private final SimulatedClock clock = StoryKit.clock();
    private final TwitterAccount brand = TwitterAccount.start(BankSetup.TWITTER_BRAND, 100, "Northbank", clock);
    private final TwitterAccount care = TwitterAccount.start(BankSetup.TWITTER_CARE, 101, "NorthbankHelp", clock);
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .clock(clock)
            .storage(storage)
            .publisher(BankSetup.TWITTER_BRAND, brand.publisher())
            .publisher(BankSetup.TWITTER_CARE, care.publisher())
            .build();
    private final PollingScheduler scheduler = PollingScheduler.builder(desk)
            .source(brand.mentions(), Duration.ofMinutes(1))
            .source(care.mentions(), Duration.ofMinutes(1))
            .build();

    @AfterEach
    void stop() {
        scheduler.close();
        brand.close();
        care.close();
    }

    @Test
    void customersOfBothAccountsGetPublicAnswersOnTheAccountTheyWroteToThatOthersSeeAndJoin() {
        User ada = care.emulator().user(9301, "ada", "Ada", 40, false);
        Map<User, Long> careMentions = new LinkedHashMap<>();
        careMentions.put(ada, care.emulator().mention(ada, "card declined at the shop?!"));
        asks(care, careMentions, care.emulator().user(9302, "bo", "Bo", 12, false), "payments not working");
        asks(care, careMentions, care.emulator().user(9303, "cy", "Cy", 300, false), "my card got declined twice");
        Map<User, Long> brandMentions = new LinkedHashMap<>();
        asks(brand, brandMentions, brand.emulator().user(9304, "di", "Di", 90, false), "is your card system down?");
        asks(brand, brandMentions, brand.emulator().user(9305, "ed", "Ed", 7, false), "card payment failed online");

        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDuePass().opened()).isEqualTo(5);
        answerAll(BankSetup.TWITTER_CARE, careMentions.keySet());
        answerAll(BankSetup.TWITTER_BRAND, brandMentions.keySet());
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(5);

        assertTimelineAnswers(care, careMentions);
        assertTimelineAnswers(brand, brandMentions);

        // Someone who never wrote reads the public answer on the care account's timeline and replies to it.
        long answerToAda = (Long) care.emulator().postedStatuses().stream()
                .filter(s -> s.get("in_reply_to_status_id").equals(careMentions.get(ada)))
                .findFirst()
                .orElseThrow()
                .get("id");
        User fay = care.emulator().user(9306, "fay", "Fay", 25, false);
        long join = care.emulator().replyFromCustomer(fay, answerToAda, "same here, thanks for the update");
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDuePass().opened()).isEqualTo(1);

        Conversation fays = storage.conversations()
                .findLatestOfCustomer(BankSetup.TWITTER_CARE, "9306")
                .orElseThrow();
        Conversation adas = storage.conversations()
                .findLatestOfCustomer(BankSetup.TWITTER_CARE, "9301")
                .orElseThrow();
        assertThat(fays.id()).isNotEqualTo(adas.id());
        desk.reply(fays.id(), fays.assignee().orElseThrow(), "@fay Thanks Fay, " + OUTAGE);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(care.emulator().postedStatuses()).hasSize(4).last().satisfies(s -> assertThat(
                        s.get("in_reply_to_status_id"))
                .isEqualTo(join));
    }

    @Test
    void theSameOutageAnswerToTwoCustomersIsPostedUnderBothTweetsOnceTheAgentRephrasesTheRefusedOne() {
        User ada = care.emulator().user(9301, "ada", "Ada", 40, false);
        User bo = care.emulator().user(9302, "bo", "Bo", 12, false);
        long adaAsks = care.emulator().mention(ada, "card declined at the shop?!");
        long boAsks = care.emulator().mention(bo, "payments not working");
        clock.advance(Duration.ofMinutes(1));
        scheduler.runDuePass();

        for (String customer : List.of("9301", "9302")) {
            Conversation c = storage.conversations()
                    .findLatestOfCustomer(BankSetup.TWITTER_CARE, customer)
                    .orElseThrow();
            desk.reply(c.id(), c.assignee().orElseThrow(), "We know: " + OUTAGE);
        }
        // Twitter refuses the second identical status (403/187): it is not the same reply retried, so it is not sent.
        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(care.emulator().postedStatuses()).hasSize(1);
        Conversation refused = List.of("9301", "9302").stream()
                .map(u -> storage.conversations()
                        .findLatestOfCustomer(BankSetup.TWITTER_CARE, u)
                        .orElseThrow())
                .filter(c -> desk.replies(c.id()).stream().anyMatch(r -> r.status() instanceof DeliveryStatus.Failed))
                .findFirst()
                .orElseThrow();
        assertThat(desk.replies(refused.id())).singleElement().satisfies(r -> assertThat(r.status())
                .isInstanceOfSatisfying(
                        DeliveryStatus.Failed.class,
                        f -> assertThat(f.reason()).contains("identical text").contains("rephrase")));

        // The agent sees why and rephrases, naming the customer.
        String handle = refused.customer().handle();
        desk.reply(refused.id(), refused.assignee().orElseThrow(), "@" + handle + " We know: " + OUTAGE);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        assertThat(care.emulator().postedStatuses())
                .extracting(s -> s.get("in_reply_to_status_id"))
                .containsExactlyInAnyOrder(adaAsks, boAsks);
        assertThat(storage.outbox().queued(BankSetup.TWITTER_CARE)).isEmpty();
        assertThat(desk.replies(refused.id()))
                .filteredOn(Reply::isSent)
                .singleElement()
                .satisfies(r -> assertThat(r.platformMessageId()).isPresent());
    }

    private static void asks(TwitterAccount account, Map<User, Long> mentions, User customer, String text) {
        mentions.put(customer, account.emulator().mention(customer, text));
    }

    private void answerAll(ChannelId channel, java.util.Set<User> customers) {
        for (User u : customers) {
            Conversation c = storage.conversations()
                    .findLatestOfCustomer(channel, Long.toString(u.id()))
                    .orElseThrow();
            assertThat(c.channel()).isEqualTo(channel);
            Reply r = desk.reply(
                    c.id(), c.assignee().orElseThrow(), "@" + u.screenName() + " Sorry " + u.name() + ", " + OUTAGE);
            assertThat(r.channel()).isEqualTo(channel);
        }
    }

    private static void assertTimelineAnswers(TwitterAccount account, Map<User, Long> mentions) {
        List<Map<String, Object>> timeline = account.emulator().postedStatuses();
        assertThat(timeline).hasSize(mentions.size());
        for (Map.Entry<User, Long> e : mentions.entrySet()) {
            assertThat(timeline)
                    .filteredOn(s -> s.get("in_reply_to_status_id").equals(e.getValue()))
                    .singleElement()
                    .satisfies(s -> assertThat((String) s.get("text"))
                            .isEqualTo("@" + e.getKey().screenName() + " Sorry "
                                    + e.getKey().name() + ", " + OUTAGE));
        }
    }
}
