package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.stories.StoryKit.FacebookPage;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 3: a harsh public comment on Northbank's Facebook page arrives by signed webhook, opens a conversation,
 * stays visible and is answered in public, through the real restfb publisher to the Graph API emulator.
 */
class HarshCommentStaysVisibleStoryTest {
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
    void harshCommentOpensAConversationStaysVisibleAndIsAnsweredInPublic() {
        String post = page.graph()
                .addPost(
                        "500",
                        "Northbank",
                        "Our new app is live: tell us what you think",
                        clock.instant().minus(Duration.ofHours(2)));
        String harsh =
                "This bank is a disgrace. Worst service I have ever had, your new app is useless and nobody cares. Shameful!";
        String comment = page.graph().addComment(post, Optional.empty(), "7001", "Mark Dunn", harsh, clock.instant());
        String body =
                WebhookPayloads.commentAdded("500", post, comment, post, "7001", "Mark Dunn", harsh, clock.instant());

        WebhookResult result = desk.webhook(
                page.adapter().webhookHandler(),
                WebhookPayloads.signedRequest("/webhooks/facebook", body, page.appSecret()));

        assertThat(result.status()).isEqualTo(200);
        Conversation c = storage.conversations()
                .findLatestOfCustomer(BankSetup.FACEBOOK_PAGE, "7001")
                .orElseThrow();
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(storage.outbox().findByConversation(c.id()))
                .extracting(Reply::kind)
                .doesNotContain(ReplyKind.HIDE_COMMENT);

        clock.advance(Duration.ofMinutes(6));
        AgentId agent = c.assignee().orElseThrow();
        desk.reply(
                c.id(),
                agent,
                "We hear you, Mark, and we're sorry the new app let you down. What is not working for you?");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);

        assertThat(page.graph().comment(comment).orElseThrow().hidden()).isFalse();
        assertThat(page.graph().requests())
                .noneSatisfy(r -> assertThat(r.params()).containsKey("is_hidden"));
        assertThat(page.graph().pageComments()).singleElement().satisfies(reply -> {
            assertThat(reply.repliedTo()).contains(comment);
            assertThat(reply.message()).startsWith("We hear you, Mark");
        });
        assertThat(storage.outbox().findByConversation(c.id()))
                .extracting(Reply::kind)
                .containsExactly(ReplyKind.PUBLIC_REPLY);
    }
}
