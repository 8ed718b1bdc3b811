package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.error.CareException;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * What a platform can do is asked of its publisher, not of a list of platform names in the desk: a custom adapter
 * that can hide comments gets escalation hides, and one that cannot reply privately to a public message has such
 * a reply refused when the agent asks, on any platform.
 */
class PlatformNeutralityDeskTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final Platform FORUM = Platform.of("bank-forum");
    static final Channel BOARD = Channel.of("forum", FORUM, "Bank Forum", "board-7", ChannelKind.BRAND, CARE);
    static final AgentId ALICE = AgentId.of("ab");

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger ids = new AtomicInteger();

    /** A custom platform's publisher that does exactly {@code kinds}. */
    static ChannelPublisher forum(Set<ReplyKind> kinds) {
        return new ChannelPublisher() {
            @Override
            public Platform platform() {
                return FORUM;
            }

            @Override
            public boolean supports(ReplyKind kind) {
                return kinds.contains(kind);
            }

            @Override
            public Optional<String> publish(Channel channel, Reply reply) {
                return Optional.of("p-" + reply.id());
            }
        };
    }

    CareDesk desk(ChannelPublisher publisher) {
        return CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .team(Team.of("care", "Care"))
                .channel(BOARD)
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .publisher(publisher)
                .escalation(EscalationPolicy.parse("rule card-in-public when sensitive-data-public then hide-comment"))
                .build();
    }

    ConversationId post(CareDesk desk, String id, String text) {
        InboundMessage m = InboundMessage.builder(MessageKey.of(FORUM, id), BOARD.id(), Party.of("u1", "carla"))
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(clock.instant())
                .build();
        return desk.ingest(Batch.of(List.of(m))).touched().get(0);
    }

    /** Marks the conversation as triage would for a card number in public, so the next message fires the rule. */
    static void sensitiveInPublic(CareDesk desk, ConversationId id) {
        Conversation c = desk.conversation(id).orElseThrow();
        desk.storage()
                .conversations()
                .save(c.withTriage(Category.COMPLAINT, Set.of(RiskFlag.SENSITIVE_DATA_PUBLIC), c.priority()));
    }

    @Test
    void aCustomAdapterThatCanHideCommentsGetsEscalationHides() {
        CareDesk desk = desk(forum(Set.of(ReplyKind.PUBLIC_REPLY, ReplyKind.HIDE_COMMENT)));
        ConversationId id = post(desk, "f1", "charged twice");
        sensitiveInPublic(desk, id);
        clock.advance(Duration.ofMinutes(1));
        post(desk, "f2", "still waiting");

        assertThat(desk.replies(id)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.HIDE_COMMENT);
            assertThat(r.target()).contains("f2");
        });
    }

    @Test
    void aPublisherThatSaysNothingGetsWhatTheDomainAssumesOfItsPlatform() {
        ChannelPublisher silent = new ChannelPublisher() {
            @Override
            public Platform platform() {
                return FORUM;
            }

            @Override
            public Optional<String> publish(Channel channel, Reply reply) {
                return Optional.empty();
            }
        };
        ChannelPublisher twitter = new ChannelPublisher() {
            @Override
            public Platform platform() {
                return Platform.TWITTER;
            }

            @Override
            public Optional<String> publish(Channel channel, Reply reply) {
                return Optional.empty();
            }
        };

        assertThat(silent.supports(ReplyKind.PRIVATE_REPLY_TO_COMMENT)).isTrue();
        assertThat(silent.supports(ReplyKind.HIDE_COMMENT)).isFalse();
        assertThat(twitter.supports(ReplyKind.PRIVATE_REPLY_TO_COMMENT)).isFalse();
        assertThat(twitter.supports(ReplyKind.HIDE_COMMENT)).isFalse();
        assertThat(twitter.supports(ReplyKind.PUBLIC_REPLY)).isTrue();
        assertThat(ReplyKind.HIDE_COMMENT.assumedAvailableOn(Platform.FACEBOOK)).isTrue();
    }

    @Test
    void aCustomAdapterThatCannotHideGetsTheFiringSayingSo() {
        CareDesk desk = desk(forum(Set.of(ReplyKind.PUBLIC_REPLY)));
        ConversationId id = post(desk, "f1", "charged twice");
        sensitiveInPublic(desk, id);
        post(desk, "f2", "still waiting");

        assertThat(desk.replies(id)).isEmpty();
        assertThat(desk.history(id))
                .filteredOn(e -> e.action() == AuditAction.ESCALATION_RULE_FIRED)
                .singleElement()
                .extracting(AuditEntry::detail)
                .asString()
                .contains("hiding comments is not available on bank-forum");
    }

    @Test
    void aPrivateReplyToAPostIsRefusedUpFrontWhereThePublisherCannotDoIt() {
        CareDesk desk = desk(forum(Set.of(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE)));
        ConversationId id = post(desk, "f1", "charged twice");
        desk.claim(id, ALICE);

        assertThatThrownBy(() -> desk.privateReplyToComment(id, ALICE, "Hi Carla, we sent you a message"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("bank-forum")
                .hasMessageContaining("sendPrivate");
        assertThat(desk.replies(id)).isEmpty();
    }

    @Test
    void aPrivateReplyToAPostIsQueuedWhereThePublisherCanDoIt() {
        CareDesk desk = desk(forum(Set.of(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_REPLY_TO_COMMENT)));
        ConversationId id = post(desk, "f1", "charged twice");
        desk.claim(id, ALICE);

        Reply r = desk.privateReplyToComment(id, ALICE, "Hi Carla, we sent you a message");

        assertThat(r.kind()).isEqualTo(ReplyKind.PRIVATE_REPLY_TO_COMMENT);
        assertThat(r.target()).contains("f1");
        assertThat(desk.replies(id)).containsExactly(r);
    }
}
