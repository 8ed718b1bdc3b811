package org.socialcare.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void platformNamesAreValidatedAndEchoed() {
        assertThat(Platform.of("WebChat")).isEqualTo(new Platform("webchat"));
        assertThatThrownBy(() -> Platform.of("web chat")).hasMessageContaining("'web chat'");
    }

    @Test
    void preconditionsNameTheParameter() {
        assertThatThrownBy(() -> Party.of(" ", "x")).hasMessage("platformUserId must not be blank");
        assertThatThrownBy(() -> Party.of("1", "x").withFollowers(-1))
                .hasMessage("followerCount must be >= 0 but was -1");
    }

    @Test
    void replyNeedsATargetForPublicRepliesAndARecipientForPrivateMessages() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> Reply.queued(
                        ReplyId.of("r"),
                        ConversationId.of("c"),
                        ChannelId.of("ch"),
                        ReplyKind.PUBLIC_REPLY,
                        Optional.empty(),
                        Optional.empty(),
                        "hi",
                        Optional.empty(),
                        now))
                .hasMessageContaining("needs a target");
        assertThatThrownBy(() -> Reply.queued(
                        ReplyId.of("r"),
                        ConversationId.of("c"),
                        ChannelId.of("ch"),
                        ReplyKind.PRIVATE_MESSAGE,
                        Optional.empty(),
                        Optional.empty(),
                        "hi",
                        Optional.empty(),
                        now))
                .hasMessageContaining("needs a recipient");
    }

    @Test
    void callbackRequestNeverPrintsThePhoneNumber() {
        CallbackRequest r = new CallbackRequest(
                ConversationId.of("c"),
                Party.of("1", "anna"),
                "+44 7700 900123",
                Optional.empty(),
                AgentId.of("alice"),
                Instant.EPOCH);
        assertThat(r.toString()).doesNotContain("900123").contains("*********123");
        assertThat(r.maskedPhoneNumber()).endsWith("123");
    }

    @Test
    void unhealthyOrWaitingChannelIsNotPublishable() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ChannelHealth waiting = new ChannelHealth(
                ChannelId.of("c"),
                HealthState.DEGRADED,
                Optional.empty(),
                Optional.of(now),
                Optional.of("429"),
                Optional.of(now.plusSeconds(60)));
        assertThat(waiting.isPublishable(now)).isFalse();
        assertThat(waiting.isPublishable(now.plusSeconds(60))).isTrue();
        assertThat(ChannelHealth.healthy(ChannelId.of("c")).isPublishable(now)).isTrue();
    }

    @Test
    void aSparseNewerViewOfACustomerKeepsWhatAnEarlierMessageToldUs() {
        Party fromTweet = new Party("42", "anna_k", Optional.of("Anna K."), 1200, true);
        Party fromDm = Party.of("42", "");
        assertThat(fromTweet.updatedWith(fromDm)).isEqualTo(fromTweet);
        Party renamed = new Party("42", "anna_k2", Optional.empty(), 1300, false);
        assertThat(fromTweet.updatedWith(renamed))
                .isEqualTo(new Party("42", "anna_k2", Optional.of("Anna K."), 1300, true));
    }
}
