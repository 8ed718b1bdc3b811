package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.metrics.CareMetrics;
import org.socialcare.core.domain.metrics.InactiveAccount;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.RecordingNotifier;
import org.socialcare.examples.stories.StoryKit.TwitterAccount;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 9: Northbank's brand account is hijacked. A tweet the desk did not send, from an app the bank does not
 * use, comes back through the mentions poll (real twitter4j over the emulator); the hijack guard pauses the
 * channel at once, replies stay queued, the bank is notified and the audit says why. Separately, the metrics
 * report flags the accounts nobody has answered on for days.
 */
class HijackedAccountStoryTest {
    private final SimulatedClock clock = StoryKit.clock();
    private final TwitterAccount brand = TwitterAccount.start(BankSetup.TWITTER_BRAND, 100, "Northbank", clock);
    private final CareStorage storage = InMemoryStorage.create();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .clock(clock)
            .storage(storage)
            .notifier(notifier)
            .publisher(BankSetup.TWITTER_BRAND, brand.publisher())
            .build();

    @AfterEach
    void stop() {
        brand.close();
    }

    @Test
    void aTweetFromAnUnknownAppPausesTheAccountHoldsRepliesAndAlertsTheBank() {
        User tom = brand.emulator().user(9101, "tom_r", "Tom R.", 120, false);
        User lee = brand.emulator().user(9102, "lee_m", "Lee M.", 80, false);
        brand.emulator().mention(tom, "is the app down? can't log in");
        desk.poll(brand.mentions());
        Conversation first = conversationOf("9101");
        desk.reply(
                first.id(), first.assignee().orElseThrow(), "@tom_r Hi Tom, it's back up now. Sorry for the trouble");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        brand.emulator().mention(lee, "still can't log in to the app, any news?");
        desk.poll(brand.mentions());
        Conversation second = conversationOf("9102");
        Reply held =
                desk.reply(second.id(), second.assignee().orElseThrow(), "@lee_m Hi Lee, it should work again now");
        long rogue = brand.emulator()
                .ownTweetMentioningItself(
                        "Northbank is giving away 1 BTC to everyone! Send your card details by DM to claim");

        var ingested = desk.poll(brand.mentions()).ingested();
        var dispatched = desk.dispatchOutbox();

        assertThat(ingested.echoes()).isEqualTo(1);
        assertThat(ingested.stored()).isZero(); // the rogue tweet is the bank's own, never a customer message
        assertThat(desk.channel(BankSetup.TWITTER_BRAND).state()).isEqualTo(ChannelState.PAUSED);
        assertThat(dispatched.sent()).isZero();
        assertThat(storage.outbox().find(held.id()).orElseThrow().isQueued()).isTrue();
        assertThat(brand.emulator().postedStatuses()).hasSize(1); // only the answer to Tom, sent before the hijack
        assertThat(notifier.of(EscalationNotice.Kind.ACCOUNT_HIJACK_SUSPECTED))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.channel()).isEqualTo(BankSetup.TWITTER_BRAND);
                    assertThat(n.reason()).contains(Long.toString(rogue)).contains("unknown app 'care emulator'");
                });
        assertThat(StoryKit.audited(storage, AuditAction.HIJACK_SUSPECTED))
                .singleElement()
                .satisfies(a -> assertThat(a.channel()).contains(BankSetup.TWITTER_BRAND));
        assertThat(StoryKit.audited(storage, AuditAction.CHANNEL_PAUSED)).hasSize(1);

        // The security team has taken the account back: a person resumes the channel and the held answer goes out.
        desk.resumeChannel(BankSetup.TWITTER_BRAND, "security:kim");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(brand.emulator().postedStatuses()).hasSize(2).last().satisfies(s -> assertThat(
                        (String) s.get("text"))
                .startsWith("@lee_m Hi Lee"));
    }

    @Test
    void aPostFromTheMarketingTeamsSchedulerIsExpectedAndKeepsTheAccountLive() {
        OwnMessage scheduled = new OwnMessage(
                MessageKey.of(Platform.TWITTER, "1300000100999000001"),
                BankSetup.TWITTER_BRAND,
                "Our spring savings rates are here",
                Visibility.PUBLIC,
                Optional.empty(),
                clock.instant(),
                Optional.of(BankSetup.MARKETING_APP));

        desk.ingest(Batch.empty().withOwnMessages(List.of(scheduled)));

        assertThat(desk.channel(BankSetup.TWITTER_BRAND).state()).isEqualTo(ChannelState.ACTIVE);
        assertThat(notifier.notices).isEmpty();
        assertThat(StoryKit.audited(storage, AuditAction.ECHO_UNMATCHED))
                .singleElement()
                .satisfies(a -> assertThat(a.detail()).contains(BankSetup.MARKETING_APP));
        assertThat(StoryKit.audited(storage, AuditAction.HIJACK_SUSPECTED)).isEmpty();
    }

    @Test
    void theMetricsReportFlagsAccountsWithNoAnswerForDays() {
        Instant fiveDaysAgo = clock.instant();
        ConversationId cards = open(BankSetup.TWITTER_CARDS, "c1", "9201", "my card is blocked, why?");
        desk.reply(
                cards,
                desk.conversation(cards).orElseThrow().assignee().orElseThrow(),
                "@cust9201 We've unblocked it, sorry");
        ConversationId mortgages =
                open(BankSetup.TWITTER_MORTGAGES, "m1", "9202", "what is your fixed rate for 5 years?");

        clock.advance(Duration.ofDays(5));
        ConversationId care = open(BankSetup.TWITTER_CARE, "h1", "9203", "how do I change my address?");
        desk.reply(
                care,
                desk.conversation(care).orElseThrow().assignee().orElseThrow(),
                "@cust9203 In the app under Profile");

        CareMetrics metrics = CareMetrics.of(
                storage.conversations(), desk.slaPolicy(), desk.channels(), desk.teams(), desk.agents(), clock);
        MetricsReport report = metrics.report(fiveDaysAgo, clock.instant(), Duration.ofDays(3));

        List<ChannelId> inactive =
                report.inactiveAccounts().stream().map(InactiveAccount::channel).toList();
        assertThat(inactive)
                .contains(
                        BankSetup.TWITTER_CARDS,
                        BankSetup.TWITTER_MORTGAGES,
                        BankSetup.TWITTER_BRAND,
                        BankSetup.FACEBOOK_PAGE)
                .doesNotContain(BankSetup.TWITTER_CARE);
        assertThat(report.inactiveAccounts())
                .filteredOn(a -> a.channel().equals(BankSetup.TWITTER_CARDS))
                .singleElement()
                .satisfies(a -> assertThat(a.lastReplyAt()).contains(fiveDaysAgo));
        assertThat(report.inactiveAccounts())
                .filteredOn(a -> a.channel().equals(BankSetup.TWITTER_MORTGAGES))
                .singleElement()
                .satisfies(a -> assertThat(a.lastReplyAt()).isEmpty());
        assertThat(desk.conversation(mortgages).orElseThrow().firstResponseAt()).isEmpty();
    }

    private ConversationId open(ChannelId channel, String id, String customer, String text) {
        return desk.ingest(Batch.of(List.of(StoryKit.publicMessage(
                        id, channel, StoryKit.customer(customer, "cust" + customer, 50), text, "en", clock.instant()))))
                .touched()
                .get(0);
    }

    private Conversation conversationOf(String customer) {
        return storage.conversations()
                .findLatestOfCustomer(BankSetup.TWITTER_BRAND, customer)
                .orElseThrow();
    }
}
