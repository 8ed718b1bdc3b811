package org.socialcare.persistence.jdbc;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Direction;
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

/** Test data: values with every optional field filled, at microsecond precision. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");
    static final ChannelId CHANNEL = ChannelId.of("twitter-care");

    private Samples() {}

    static Conversation fullConversation(String id) {
        return new Conversation(
                ConversationId.of(id),
                CHANNEL,
                new Party("u-" + id, "@cust_" + id, Optional.of("Zoë Ünïcödé 🙂"), 12_345, true),
                ConversationState.ESCALATED,
                Priority.HIGH,
                Category.COMPLAINT,
                EnumSet.of(RiskFlag.FRAUD, RiskFlag.MEDIA, RiskFlag.SENSITIVE_DATA_PUBLIC),
                Optional.of(TeamId.of("cards")),
                Optional.of(AgentId.of("ab1")),
                T0,
                T0.plusSeconds(60),
                Optional.of(T0.plusSeconds(61)),
                Optional.of(T0.plusSeconds(120)),
                Optional.of(T0.plusSeconds(180)),
                Optional.of(T0.plusSeconds(240)),
                true,
                true,
                Optional.of(T0.plusSeconds(3600)),
                Optional.of(T0.plusSeconds(7200)),
                7,
                Optional.of("de-CH"),
                2,
                0);
    }

    /** A NEW conversation with every optional empty. */
    static Conversation bareConversation(String id, Instant openedAt) {
        return new Conversation(
                ConversationId.of(id),
                CHANNEL,
                Party.of("u-" + id, "@c" + id),
                ConversationState.NEW,
                Priority.NORMAL,
                Category.OTHER,
                EnumSet.noneOf(RiskFlag.class),
                Optional.empty(),
                Optional.empty(),
                openedAt,
                openedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty(),
                0,
                0);
    }

    static StoredMessage message(String id, String conversation, Instant at) {
        return new StoredMessage(
                MessageKey.of(Platform.TWITTER, id),
                ConversationId.of(conversation),
                CHANNEL,
                Direction.INBOUND,
                "u-1",
                "@cust",
                "text of " + id + " with ünïcödé 🙂",
                Visibility.PUBLIC,
                Optional.of("parent-" + id),
                at);
    }

    static Reply reply(String id, String conversation, Instant at) {
        return Reply.queued(
                ReplyId.of(id),
                ConversationId.of(conversation),
                CHANNEL,
                ReplyKind.PUBLIC_REPLY,
                Optional.of("m-" + id),
                Optional.empty(),
                "Sorry to hear that ^AB",
                Optional.of(AgentId.of("ab1")),
                at);
    }

    static AuditEntry audit(String conversation, String detail, Instant at) {
        return AuditEntry.of(
                at, "system", AuditAction.MESSAGE_RECEIVED, ConversationId.of(conversation), CHANNEL, detail);
    }
}
