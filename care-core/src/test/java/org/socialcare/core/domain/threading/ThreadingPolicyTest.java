package org.socialcare.core.domain.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.threading.ThreadDecision.Kind;

/** The threading rule on its own: in-memory lookups, no desk, no storage. */
class ThreadingPolicyTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final ChannelId CARE = ChannelId.of("askbank");
    static final Party ANNA = Party.of("u-anna", "anna");
    static final Party BEN = Party.of("u-ben", "ben");
    static final Duration REOPEN = Duration.ofDays(7);
    static final Duration PRIVATE_JOIN = Duration.ofDays(3);

    final ThreadingPolicy policy = new ThreadingPolicy(REOPEN, PRIVATE_JOIN);
    final Map<MessageKey, Conversation> byMessage = new HashMap<>();
    final Map<String, Conversation> latest = new HashMap<>();
    final ThreadingPolicy.Lookups lookups = new ThreadingPolicy.Lookups() {
        @Override
        public Optional<Conversation> conversationOf(MessageKey message) {
            return Optional.ofNullable(byMessage.get(message));
        }

        @Override
        public Optional<Conversation> latestOfCustomer(ChannelId channel, String platformUserId) {
            return Optional.ofNullable(latest.get(channel.value() + "/" + platformUserId));
        }
    };

    static InboundMessage message(String id, Party from, Visibility visibility, Instant at, String inReplyTo) {
        InboundMessage.Builder b = InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), CARE, from)
                .text("text of " + id)
                .visibility(visibility)
                .createdAt(at);
        return (inReplyTo == null ? b : b.inReplyTo(inReplyTo)).build();
    }

    /** Stores a conversation as the lookups see it: its first message and the customer's latest. */
    Conversation known(Conversation c, InboundMessage first) {
        byMessage.put(first.key(), c);
        latest.put(CARE.value() + "/" + c.customer().platformUserId(), c);
        return c;
    }

    Conversation openedBy(InboundMessage first) {
        return known(Conversation.start(ConversationId.of("c-" + first.key().messageId()), first), first);
    }

    @Test
    void aFirstMessageStartsANewConversation() {
        ThreadDecision d = policy.decide(message("1", ANNA, Visibility.PUBLIC, T0, null), lookups);

        assertThat(d.kind()).isEqualTo(Kind.NEW);
        assertThat(d.conversation()).isEmpty();
        assertThat(d.reason()).isEqualTo("new conversation");
    }

    @Test
    void aReplyToTheCustomersThreadJoinsIt() {
        Conversation c = openedBy(message("1", ANNA, Visibility.PUBLIC, T0, null));

        ThreadDecision d = policy.decide(message("2", ANNA, Visibility.PUBLIC, T0.plusSeconds(60), "1"), lookups);

        assertThat(d.kind()).isEqualTo(Kind.JOINED);
        assertThat(d.conversation()).contains(c);
        assertThat(d.reason()).isEqualTo("reply to 1");
    }

    @Test
    void someoneElseReplyingInTheThreadStartsTheirOwn() {
        openedBy(message("1", ANNA, Visibility.PUBLIC, T0, null));

        ThreadDecision d = policy.decide(message("2", BEN, Visibility.PUBLIC, T0.plusSeconds(60), "1"), lookups);

        assertThat(d.kind()).isEqualTo(Kind.NEW);
    }

    @Test
    void aPrivateMessageJoinsTheRecentPublicConversationOnlyWithinTheWindow() {
        InboundMessage tweet = message("1", ANNA, Visibility.PUBLIC, T0, null);
        Conversation c = openedBy(tweet);

        ThreadDecision soon =
                policy.decide(message("2", ANNA, Visibility.PRIVATE, T0.plus(PRIVATE_JOIN), null), lookups);
        ThreadDecision late = policy.decide(
                message("3", ANNA, Visibility.PRIVATE, T0.plus(PRIVATE_JOIN).plusSeconds(1), null), lookups);

        assertThat(soon.kind()).isEqualTo(Kind.JOINED);
        assertThat(soon.conversation()).contains(c);
        assertThat(soon.reason()).isEqualTo("private message joins the customer's public conversation");
        assertThat(late.kind()).isEqualTo(Kind.NEW);
    }

    @Test
    void theAgentsLaterAnswerRestartsThePrivateJoinWindow() {
        InboundMessage tweet = message("1", ANNA, Visibility.PUBLIC, T0, null);
        Conversation c = Conversation.start(ConversationId.of("c-1"), tweet).claim(AgentId.of("ab"));
        known(c.agentReplied(AgentId.of("ab"), Visibility.PUBLIC, T0.plus(Duration.ofDays(2))), tweet);

        ThreadDecision d =
                policy.decide(message("2", ANNA, Visibility.PRIVATE, T0.plus(Duration.ofDays(4)), null), lookups);

        assertThat(d.kind()).isEqualTo(Kind.JOINED);
    }

    @Property(tries = 200)
    void aResolvedConversationReopensExactlyWithinTheReopenWindow(
            @ForAll @LongRange(min = 0, max = 30 * 24 * 3600) long secondsAfterResolution, @ForAll boolean asReply) {
        InboundMessage tweet = message("1", ANNA, Visibility.PUBLIC, T0, null);
        Instant resolvedAt = T0.plus(Duration.ofHours(1));
        Conversation resolved = Conversation.start(ConversationId.of("c-1"), tweet)
                .claim(AgentId.of("ab"))
                .resolve(resolvedAt);
        known(resolved, tweet);

        ThreadDecision d = policy.decide(
                message(
                        "2",
                        ANNA,
                        Visibility.PUBLIC,
                        resolvedAt.plusSeconds(secondsAfterResolution),
                        asReply ? "1" : null),
                lookups);

        boolean within = secondsAfterResolution <= REOPEN.toSeconds();
        assertThat(d.kind()).isEqualTo(within ? Kind.REOPENED : Kind.NEW);
        if (within) {
            assertThat(d.conversation()).contains(resolved);
            assertThat(d.reason())
                    .isEqualTo((asReply ? "reply to 1" : "same customer on the same channel") + ", reopened");
        }
    }

    @Test
    void decisionsAndWindowsAreCheckedWithTheSettingNamed() {
        assertThatThrownBy(() -> new ThreadingPolicy(Duration.ZERO, PRIVATE_JOIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reopenWindow");
        assertThatThrownBy(() -> new ThreadDecision(
                        Kind.NEW, Optional.of(openedBy(message("1", ANNA, Visibility.PUBLIC, T0, null))), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEW");
    }
}
