package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.TwitterAccount;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 1: a customer on hold for 40 minutes tweets; an agent answers in public within minutes, asks for a phone
 * number by DM, the bank calls back and the conversation is resolved. Northbank's care account over the Twitter
 * emulator, polled (mentions and DMs) by the PollingScheduler through real twitter4j.
 */
class OnHoldCustomerStoryTest {
    private static final String PHONE = "07700 900123";

    private final SimulatedClock clock = StoryKit.clock();
    private final TwitterAccount care = TwitterAccount.start(BankSetup.TWITTER_CARE, 101, "NorthbankHelp", clock);
    private final CareStorage storage = InMemoryStorage.create();
    private final List<CallbackRequest> callbacks = new ArrayList<>();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .clock(clock)
            .storage(storage)
            .publisher(BankSetup.TWITTER_CARE, care.publisher())
            .callbackGateway(callbacks::add)
            .build();
    private final PollingScheduler scheduler = PollingScheduler.builder(desk)
            .source(care.mentions(), Duration.ofMinutes(1))
            .source(care.directMessages(), Duration.ofMinutes(1))
            .build();

    @AfterEach
    void stop() {
        scheduler.close();
        care.close();
    }

    @Test
    void customerOnHoldIsAnsweredInPublicMovedToDmCalledBackAndResolved() {
        User anna = care.emulator().user(9001, "anna_k", "Anna K.", 312, false);
        long mention = care.emulator()
                .mention(anna, "I've been on hold for 40 minutes to report a blocked card. Is anyone there?!");

        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDuePass().stored()).isEqualTo(1);
        Conversation opened = storage.conversations()
                .findLatestOfCustomer(BankSetup.TWITTER_CARE, "9001")
                .orElseThrow();
        assertThat(opened.team()).contains(BankSetup.SOCIAL_CARE);
        AgentId agent = opened.assignee().orElseThrow(); // skills routing assigned someone of the social care team

        clock.advance(Duration.ofMinutes(3));
        desk.reply(opened.id(), agent, "@anna_k So sorry about the wait, Anna. We're on it right now");
        desk.sendPrivate(
                opened.id(),
                agent,
                "Hi Anna, which number can we call you on in the next few minutes? Please don't post it publicly.");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(2);

        assertThat(care.emulator().postedStatuses()).singleElement().satisfies(s -> {
            assertThat(s.get("in_reply_to_status_id")).isEqualTo(mention);
            assertThat((String) s.get("text")).startsWith("@anna_k So sorry about the wait");
        });
        assertThat(care.emulator().sentDirectMessages()).singleElement().satisfies(d -> {
            assertThat(d.get("recipient_id")).isEqualTo(9001L);
            assertThat((String) d.get("text")).contains("which number can we call you on");
        });

        clock.advance(Duration.ofMinutes(4));
        care.emulator().directMessageFromCustomer(anna, PHONE + ", thanks");
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDuePass().stored()).isEqualTo(1);
        assertThat(desk.messages(opened.id()))
                .filteredOn(m -> m.direction() == Direction.INBOUND)
                .extracting(m -> m.visibility())
                .containsExactly(Visibility.PUBLIC, Visibility.PRIVATE);

        CallbackRequest callback = desk.requestCallback(opened.id(), agent, PHONE, Optional.empty());
        clock.advance(Duration.ofMinutes(15));
        desk.sendPrivate(opened.id(), agent, "Thanks for talking to us, Anna. Your new card is on its way.");
        desk.dispatchOutbox();
        Conversation resolved = desk.resolve(opened.id(), agent);

        assertThat(callbacks).containsExactly(callback);
        assertThat(callback.phoneNumber()).isEqualTo(PHONE);
        assertThat(callback.customer().platformUserId()).isEqualTo("9001");
        assertThat(desk.history(opened.id()))
                .filteredOn(a -> a.action() == AuditAction.CALLBACK_REQUESTED)
                .singleElement()
                .satisfies(a -> assertThat(a.detail())
                        .contains(callback.maskedPhoneNumber())
                        .doesNotContain(PHONE)
                        .doesNotContain("900123"));
        assertThat(storage.audit().recent(10_000))
                .noneSatisfy(a -> assertThat(a.detail()).contains("900123"));
        assertThat(resolved.state()).isEqualTo(ConversationState.RESOLVED);
        assertThat(Duration.between(
                        resolved.openedAt(), resolved.firstResponseAt().orElseThrow()))
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(care.emulator().sentDirectMessages()).hasSize(2).allSatisfy(d -> assertThat(d.get("recipient_id"))
                .isEqualTo(9001L));
    }
}
