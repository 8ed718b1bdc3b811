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
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.facebook.GraphApiEmulator.CommentView;
import org.socialcare.emulators.facebook.GraphApiEmulator.RecordedRequest;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.FacebookPage;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 8: Northbank moderates its Facebook page by its posted guidelines. Abuse, a scam bot and a posted card
 * number are hidden (HIDE_COMMENT reaches the Graph API emulator through restfb); criticism stays visible.
 * Comments arrive by signed feed webhooks.
 */
class FacebookModerationStoryTest {
    private final SimulatedClock clock = StoryKit.clock();
    private final FacebookPage page = FacebookPage.start(BankSetup.FACEBOOK_PAGE, "500", "Northbank", clock);
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk = new BankSetup()
            .configure(CareDesk.builder())
            // the bank's other channels: their replies are recorded, not sent
            .publishers(RecordingPublisher.twitterAndFacebook())
            .clock(clock)
            .storage(storage)
            .publisher(BankSetup.FACEBOOK_PAGE, page.adapter().publisher())
            .build();

    @AfterEach
    void stop() {
        page.close();
    }

    @Test
    void abuseScamsAndPostedCardNumbersAreHiddenWhileCriticismStaysVisible() {
        Instant t = clock.instant().minus(Duration.ofMinutes(30));
        String post = page.graph()
                .addPost("500", "Northbank", "Card payments are back to normal. Thanks for your patience.", t);
        String abuse = page.graph()
                .addComment(
                        post, Optional.empty(), "7101", "Troll", "You are all idiots, go to hell", t.plusSeconds(60));
        String card = page.graph()
                .addComment(
                        post,
                        Optional.empty(),
                        "7102",
                        "Ben Lee",
                        "Still charged twice on my card 4111 1111 1111 1111, fix it!",
                        t.plusSeconds(120));
        String scam = page.graph()
                .addComment(
                        post,
                        Optional.empty(),
                        "7103",
                        "Funds Expert",
                        "Lost money? A recovery expert can recover your funds, message me on whatsapp",
                        t.plusSeconds(180));
        String criticism = page.graph()
                .addComment(
                        post,
                        Optional.empty(),
                        "7104",
                        "Ann Fox",
                        "Back to normal? Three days of declined payments. Your service is a joke and your fees are a rip-off.",
                        t.plusSeconds(240));

        for (String comment : List.of(abuse, card, scam, criticism)) {
            CommentView c = page.graph().comment(comment).orElseThrow();
            String body = WebhookPayloads.commentAdded(
                    "500", post, c.id(), post, c.fromId(), c.fromId(), c.message(), clock.instant());
            assertThat(desk.webhook(
                                    page.adapter().webhookHandler(),
                                    WebhookPayloads.signedRequest("/webhooks/facebook", body, page.appSecret()))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(3);

        assertThat(page.graph().comment(abuse).map(CommentView::hidden)).contains(true);
        assertThat(page.graph().comment(card).map(CommentView::hidden)).contains(true);
        assertThat(page.graph().comment(scam).map(CommentView::hidden)).contains(true);
        assertThat(page.graph().comment(criticism).map(CommentView::hidden)).contains(false);
        List<RecordedRequest> hides = page.graph().requests().stream()
                .filter(r -> "true".equals(r.params().get("is_hidden")))
                .toList();
        assertThat(hides)
                .extracting(RecordedRequest::path)
                .containsExactlyInAnyOrder("/" + abuse, "/" + card, "/" + scam);
        assertThat(storage.audit().recent(10_000))
                .filteredOn(a -> a.action() == AuditAction.MODERATION_ACTION)
                .noneSatisfy(a -> assertThat(a.detail()).contains("4111 1111 1111 1111"));

        // The card owner is helped in private, the critic in public: moderation never replaces an answer.
        Conversation cardOwner = conversationOf("7102");
        desk.privateReplyToComment(
                cardOwner.id(),
                cardOwner.assignee().orElseThrow(),
                "Hi Ben, we hid your comment to protect your card. Let's sort out the double charge here.");
        Conversation critic = conversationOf("7104");
        assertThat(storage.outbox().findByConversation(critic.id()))
                .extracting(Reply::kind)
                .doesNotContain(ReplyKind.HIDE_COMMENT);
        desk.reply(
                critic.id(),
                critic.assignee().orElseThrow(),
                "Ann, three days is far too long and we're sorry. We'll refund the fees you paid.");
        clock.advance(Duration.ofMinutes(2));
        desk.dispatchOutbox();

        assertThat(page.graph().sentMessages()).singleElement().satisfies(m -> assertThat(m.commentId())
                .contains(card));
        assertThat(page.graph().pageComments()).singleElement().satisfies(c -> assertThat(c.repliedTo())
                .contains(criticism));
        assertThat(page.graph().comment(criticism).map(CommentView::hidden)).contains(false);
    }

    private Conversation conversationOf(String customer) {
        return storage.conversations()
                .findLatestOfCustomer(BankSetup.FACEBOOK_PAGE, customer)
                .orElseThrow();
    }

    /** The first poll's look-back returns the page's own post of 30 minutes ago: recorded, not judged (HijackGuard freshness). */
    @Test
    void pollingAPageWhoseOwnPostPredatesTheDeskStillHidesAbuse() {
        Instant t = clock.instant().minus(Duration.ofMinutes(30));
        String post = page.graph()
                .addPost("500", "Northbank", "Card payments are back to normal. Thanks for your patience.", t);
        String abuse = page.graph()
                .addComment(
                        post, Optional.empty(), "7101", "Troll", "You are all idiots, go to hell", t.plusSeconds(60));

        desk.poll(page.adapter().source(BankSetup.FACEBOOK_PAGE));
        desk.dispatchOutbox();

        assertThat(desk.channel(BankSetup.FACEBOOK_PAGE).isActive()).isTrue();
        assertThat(page.graph().comment(abuse).map(CommentView::hidden)).contains(true);
        assertThat(storage.audit().recent(10_000))
                .filteredOn(a -> a.action() == AuditAction.ECHO_UNMATCHED)
                .singleElement()
                .satisfies(a -> assertThat(a.detail()).contains(post, "predates"));
        assertThat(storage.audit().recent(10_000))
                .extracting(a -> a.action())
                .doesNotContain(AuditAction.HIJACK_SUSPECTED);
    }
}
