package org.socialcare.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;

/**
 * Small builders of valid domain values for contract tests and integrators' own tests: channels, customers,
 * inbound messages, conversations (bare and fully populated), stored messages, replies, audit entries and
 * dead letters. Every instant is on a fixed day ({@link #T0}) with microsecond precision, which every
 * supported store must keep. Ids come from one counter, so values made in one JVM never collide.
 * Stateless apart from that counter; thread-safe.
 */
public final class TestData {
    /** 2026-03-02T09:00:00.123456Z: microseconds on purpose, a store must keep them. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");

    public static final TeamId CARE_TEAM = TeamId.of("care-team");
    public static final TeamId CARDS_TEAM = TeamId.of("cards-team");
    public static final AgentId AGENT_ANNA = AgentId.of("agent-anna");
    public static final AgentId AGENT_BEN = AgentId.of("agent-ben");

    /** The bank's dedicated Twitter care account. */
    public static final Channel TWITTER_CARE =
            Channel.of("twitter-care", Platform.TWITTER, "BankCare", "900100", ChannelKind.DEDICATED_CARE, CARE_TEAM);
    /** The bank's Facebook page, owned by the cards unit. */
    public static final Channel FACEBOOK_PAGE = Channel.of(
                    "facebook-page", Platform.FACEBOOK, "Bank", "500200", ChannelKind.BRAND, CARDS_TEAM)
            .withBusinessUnit("cards");

    private static final AtomicLong SEQUENCE = new AtomicLong(1000);

    private TestData() {}

    /** A fresh number, unique in this JVM. */
    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** {@code t0 + minutes}. */
    public static Instant at(long minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }

    /** A customer with a fresh numeric user id, handle {@code cust<id>}, no display name. */
    public static Party customer() {
        long n = next();
        return Party.of(String.valueOf(n), "cust" + n);
    }

    /** A customer with every field set: display name with accents, followers, verified. */
    public static Party influentialCustomer() {
        long n = next();
        return new Party(
                String.valueOf(n), "journo" + n, Optional.of("Jos\u00e9 M\u00fcller \uD83D\uDCF0"), 250_000, true);
    }

    /** A fresh message key on {@code platform}. */
    public static MessageKey messageKey(Platform platform) {
        return MessageKey.of(platform, String.valueOf(next()));
    }

    /** A public customer message on {@link #TWITTER_CARE} from a fresh customer at {@link #T0}. */
    public static InboundMessage inbound() {
        return inbound(TWITTER_CARE, customer(), "@BankCare 40 minutes on hold, seriously?", T0);
    }

    /** A public customer message with these parts and a fresh key on the channel's platform. */
    public static InboundMessage inbound(Channel channel, Party author, String text, Instant at) {
        return InboundMessage.builder(messageKey(channel.platform()), channel.id(), author)
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(at)
                .build();
    }

    /** A message with every optional field set: private, in reply to something, language, raw payload ref. */
    public static InboundMessage fullInbound(Channel channel) {
        return InboundMessage.builder(messageKey(channel.platform()), channel.id(), influentialCustomer())
                .text("Ma carte est bloqu\u00e9e \uD83D\uDE21 'quotes' \"double\" \\ back\nnew line")
                .visibility(Visibility.PRIVATE)
                .inReplyTo(String.valueOf(next()))
                .createdAt(T0.plusNanos(1_000))
                .language("fr")
                .rawPayloadRef("payload-" + next())
                .build();
    }

    /** A NEW conversation (version 0, never stored) started by a fresh customer's public message at {@code t0 + minutes}. */
    public static Conversation conversation(long minutes) {
        return Conversation.start(conversationId(), inbound(TWITTER_CARE, customer(), "help please", at(minutes)));
    }

    /** A NEW conversation (version 0) on {@link #TWITTER_CARE} started at {@link #T0}. */
    public static Conversation conversation() {
        return conversation(0);
    }

    /** A fresh conversation id. */
    public static ConversationId conversationId() {
        return ConversationId.of("conv-" + next());
    }

    /**
     * A conversation (version 0) with every field set to a non-default value: ESCALATED, URGENT, COMPLAINT,
     * three risk flags, team, assignee, every optional instant present (microsecond precision), both legs,
     * language "de", negative streak 3, seven customer messages.
     */
    public static Conversation fullConversation() {
        Conversation start = Conversation.start(conversationId(), fullInbound(FACEBOOK_PAGE));
        return start.copy()
                .state(org.socialcare.core.domain.ConversationState.ESCALATED)
                .priority(Priority.URGENT)
                .category(Category.COMPLAINT)
                .riskFlags(EnumSet.of(RiskFlag.FRAUD, RiskFlag.MEDIA, RiskFlag.SENSITIVE_DATA_PUBLIC))
                .team(Optional.of(CARDS_TEAM))
                .assignee(Optional.of(AGENT_ANNA))
                .lastCustomerMessageAt(T0.plusSeconds(600).plusNanos(654_321_000))
                .awaitingResponseSince(Optional.of(T0.plusSeconds(300).plusNanos(1_000)))
                .firstResponseAt(Optional.of(T0.plusSeconds(120).plusNanos(999_999_000)))
                .lastAgentReplyAt(Optional.of(T0.plusSeconds(240).plusNanos(7_000)))
                .resolvedAt(Optional.of(T0.plusSeconds(900)))
                .publicLeg(true)
                .privateLeg(true)
                .responseDueAt(Optional.of(T0.plusSeconds(1800).plusNanos(42_000)))
                .resolutionDueAt(Optional.of(T0.plusSeconds(86_400).plusNanos(43_000)))
                .customerMessageCount(7)
                .language(Optional.of("de"))
                .negativeStreak(3)
                .build();
    }

    /** The stored form of {@code message} threaded into {@code conversation}. */
    public static StoredMessage stored(InboundMessage message, ConversationId conversation) {
        return StoredMessage.inbound(message, conversation);
    }

    /** A stored inbound message of {@code conversation} on {@link #TWITTER_CARE} created at {@code at}. */
    public static StoredMessage stored(ConversationId conversation, Instant at) {
        return StoredMessage.inbound(inbound(TWITTER_CARE, customer(), "message at " + at, at), conversation);
    }

    /** A fresh reply id. */
    public static ReplyId replyId() {
        return ReplyId.of("reply-" + next());
    }

    /** A QUEUED public reply on {@link #TWITTER_CARE} by {@link #AGENT_ANNA}, due at {@code at}. */
    public static Reply publicReply(ConversationId conversation, Instant at) {
        return Reply.queued(
                replyId(),
                conversation,
                TWITTER_CARE.id(),
                ReplyKind.PUBLIC_REPLY,
                Optional.of(String.valueOf(next())),
                Optional.empty(),
                "Sorry for the wait, we're on it ^AA",
                Optional.of(AGENT_ANNA),
                at);
    }

    /** A QUEUED public reply of a fresh conversation, due at {@code t0 + minutes}. */
    public static Reply publicReply(long minutes) {
        return publicReply(conversationId(), at(minutes));
    }

    /** A QUEUED private message on {@code channel} to a fresh customer, text with unicode and quotes, no author. */
    public static Reply privateMessage(Channel channel, ConversationId conversation, Instant at) {
        return Reply.queued(
                replyId(),
                conversation,
                channel.id(),
                ReplyKind.PRIVATE_MESSAGE,
                Optional.empty(),
                Optional.of(String.valueOf(next())),
                "Bonjour Jos\u00e9, appelez-nous \uD83D\uDCDE 'au' \"0800\"",
                Optional.empty(),
                at);
    }

    /** An audit entry for {@code conversation} on {@link #TWITTER_CARE}. */
    public static AuditEntry audit(ConversationId conversation, AuditAction action, Instant at) {
        return AuditEntry.of(at, "agent:" + AGENT_ANNA, action, conversation, TWITTER_CARE.id(), action + " at " + at);
    }

    /** A dead letter with a fresh id holding {@code raw} byte for byte. */
    public static DeadLetter deadLetter(String raw, Instant at) {
        return new DeadLetter("dl-" + next(), "twitter:webhook", raw, "malformed payload: $.text: missing", at);
    }
}
