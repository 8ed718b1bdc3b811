package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.reply.ReplyComposer;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.TwitterAccount;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 5: separate streams per business unit. Northbank's cards account and an online-banking account (each a
 * Twitter emulator, polled through twitter4j) route to the cards team and the online-banking team by their
 * business unit; agents answer with templates that link the bank's FAQ pages, and the links reach Twitter.
 */
class BusinessUnitStreamsStoryTest {
    private static final TeamId ONLINE_BANKING = TeamId.of("online-banking");
    private static final ChannelId TWITTER_ONLINE = ChannelId.of("twitter-online");
    private static final URI ACTIVATE_FAQ = URI.create("https://help.northbank.co.uk/cards/activate");
    private static final URI PASSWORD_FAQ = URI.create("https://help.northbank.co.uk/online/reset-password");

    private final SimulatedClock clock = StoryKit.clock();
    private final TwitterAccount cards = TwitterAccount.start(BankSetup.TWITTER_CARDS, 102, "NorthbankCards", clock);
    private final TwitterAccount online = TwitterAccount.start(TWITTER_ONLINE, 104, "NorthbankOnline", clock);
    private final CareStorage storage = InMemoryStorage.create();
    private final ReplyComposer composer = ReplyComposer.ofDefaults().toBuilder()
            .template(
                    "activate-card",
                    "en",
                    "Hi {customer}, activating your new card takes a minute: {faq:activate-card}")
            .template(
                    "reset-password",
                    "en",
                    "Hi {customer}, you can set a new password yourself here: {faq:reset-password}")
            .faq("activate-card", ACTIVATE_FAQ)
            .faq("reset-password", PASSWORD_FAQ)
            .build();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .team(new Team(ONLINE_BANKING, "Online banking", java.util.Optional.of("online-banking")))
            .channel(Channel.of(
                            TWITTER_ONLINE.value(),
                            Platform.TWITTER,
                            "NorthbankOnline",
                            "104",
                            ChannelKind.BUSINESS_UNIT,
                            BankSetup.SOCIAL_CARE)
                    .withBusinessUnit("online-banking"))
            .agent(Agent.of("omar", "Omar Said", "OS", ONLINE_BANKING)
                    .withSkills(Skills.of(Set.of("en"), Set.of("online-banking"), true))
                    .withCapacity(10))
            .agent(Agent.of("pia", "Pia Lund", "PL", ONLINE_BANKING)
                    .withSkills(Skills.of(Set.of("en"), Set.of("online-banking"), false))
                    .withCapacity(10))
            .routing(RoutingPolicy.builder()
                    .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                    .autoAssign(true)
                    .businessUnitTeam("cards", BankSetup.CARDS)
                    .businessUnitTeam("online-banking", ONLINE_BANKING)
                    .build())
            .messagePolicies(MessagePolicies.builder().composer(composer).build())
            .clock(clock)
            .storage(storage)
            .publisher(BankSetup.TWITTER_CARDS, cards.publisher())
            .publisher(TWITTER_ONLINE, online.publisher())
            .build();
    private final PollingScheduler scheduler = PollingScheduler.builder(desk)
            .source(cards.mentions(), Duration.ofMinutes(1))
            .source(online.mentions(), Duration.ofMinutes(1))
            .build();

    @AfterEach
    void stop() {
        scheduler.close();
        cards.close();
        online.close();
    }

    @Test
    void eachBusinessUnitsStreamReachesItsTeamAndAnswersLinkTheFaq() {
        User gus = cards.emulator().user(9501, "gus_p", "Gus", 60, false);
        User hana = online.emulator().user(9502, "hana_b", "Hana", 75, false);
        long cardQuestion = cards.emulator().mention(gus, "got my new card in the post, how do I activate it?");
        long loginQuestion = online.emulator().mention(hana, "forgot my online banking password, help");

        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDuePass().opened()).isEqualTo(2);

        Conversation cardsConversation = storage.conversations()
                .findLatestOfCustomer(BankSetup.TWITTER_CARDS, "9501")
                .orElseThrow();
        Conversation onlineConversation = storage.conversations()
                .findLatestOfCustomer(TWITTER_ONLINE, "9502")
                .orElseThrow();
        assertThat(cardsConversation.team()).contains(BankSetup.CARDS);
        assertThat(desk.agent(cardsConversation.assignee().orElseThrow())
                        .orElseThrow()
                        .team())
                .isEqualTo(BankSetup.CARDS);
        assertThat(onlineConversation.team()).contains(ONLINE_BANKING);
        assertThat(cardsConversation.assignee().orElseThrow().value()).isIn("femi", "erin");
        assertThat(onlineConversation.assignee().orElseThrow().value()).isIn("omar", "pia");

        desk.replyWithTemplate(
                cardsConversation.id(),
                cardsConversation.assignee().orElseThrow(),
                "activate-card",
                ReplyKind.PUBLIC_REPLY,
                Map.of());
        desk.replyWithTemplate(
                onlineConversation.id(),
                onlineConversation.assignee().orElseThrow(),
                "reset-password",
                ReplyKind.PUBLIC_REPLY,
                Map.of());
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(2);

        assertThat(cards.emulator().postedStatuses()).singleElement().satisfies(s -> {
            assertThat(s.get("in_reply_to_status_id")).isEqualTo(cardQuestion);
            assertThat((String) s.get("text")).startsWith("Hi Gus,").contains(ACTIVATE_FAQ.toString());
        });
        assertThat(online.emulator().postedStatuses()).singleElement().satisfies(s -> {
            assertThat(s.get("in_reply_to_status_id")).isEqualTo(loginQuestion);
            assertThat((String) s.get("text")).startsWith("Hi Hana,").contains(PASSWORD_FAQ.toString());
        });
    }
}
