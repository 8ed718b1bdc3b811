package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;

class OnHoldStoryTest {
    @Test
    void angryCustomerIsAnsweredInPublicWithinMinutesMovedToPrivateCalledBackAndResolved() {
        OnHoldStory story = new OnHoldStory();
        Conversation c = story.play();
        assertThat(c.state()).isEqualTo(ConversationState.RESOLVED);
        assertThat(Duration.between(c.openedAt(), c.firstResponseAt().orElseThrow()))
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(c.hasPublicLeg()).isTrue();
        assertThat(c.hasPrivateLeg()).isTrue();
        assertThat(story.desk().replies(c.id()))
                .extracting(Reply::kind)
                .containsExactly(
                        ReplyKind.PUBLIC_REPLY,
                        ReplyKind.PUBLIC_REPLY,
                        ReplyKind.PRIVATE_MESSAGE,
                        ReplyKind.PRIVATE_MESSAGE);
        assertThat(story.desk().replies(c.id())).allMatch(Reply::isSent);
        assertThat(story.callbacks()).singleElement().satisfies(r -> assertThat(r.phoneNumber())
                .isEqualTo("07700 900123"));
        // the customer's number came in private and never went out in public
        assertThat(story.desk().replies(c.id()))
                .filteredOn(r -> r.visibility() == Visibility.PUBLIC)
                .noneMatch(r -> r.text().contains("900123"));
    }

    @Test
    void printedTimelineMasksThePhoneNumber() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new OnHoldStory().run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("on hold for 40 minutes")
                .contains("CALLBACK_REQUESTED")
                .contains("RESOLVED")
                .doesNotContain("900123")
                .contains("********123");
    }
}
