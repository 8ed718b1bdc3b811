package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.TestData.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.testkit.TestData;

/**
 * Contract of an {@link AuditLog}.
 *
 * <p>Checks: entries come back in append order (not sorted by their time), every field intact (with and
 * without conversation or channel, unicode detail, microsecond instants); {@code forConversation} returns
 * only that conversation's entries; {@code recent(limit)} returns the last {@code limit} appended, in append
 * order; entries appended from several threads are all kept.
 *
 * <p>The subclass provides {@link #createLog()}: a fresh, empty log, called before each test. Calls are made
 * outside any transaction: each must then commit on its own.
 */
public abstract class AuditLogContract {
    /** The log under test, fresh for each test. */
    protected AuditLog log;

    /** A fresh, empty audit log. */
    protected abstract AuditLog createLog();

    @BeforeEach
    void createLogUnderTest() {
        log = createLog();
    }

    @Test
    void entriesComeBackInAppendOrderWithEveryField() {
        ConversationId conversation = TestData.conversationId();
        AuditEntry opened = TestData.audit(conversation, AuditAction.CONVERSATION_OPENED, at(5).plusNanos(1_000));
        AuditEntry earlierTimeAppendedLater = TestData.audit(conversation, AuditAction.TRIAGED, at(1));
        AuditEntry detailed = new AuditEntry(
                at(6).plusNanos(999_000),
                "supervisor:z\u00fcrich",
                AuditAction.ESCALATION_RULE_FIRED,
                Optional.of(conversation),
                Optional.empty(),
                "rule 'influencer' fired: followers=250000 \uD83D\uDCE2\nline 2");
        log.append(opened);
        log.append(earlierTimeAppendedLater);
        log.append(detailed);

        assertThat(log.forConversation(conversation)).containsExactly(opened, earlierTimeAppendedLater, detailed);
        assertThat(log.recent(10)).containsExactly(opened, earlierTimeAppendedLater, detailed);
    }

    @Test
    void entriesWithoutConversationAreKept() {
        AuditEntry channelPaused = new AuditEntry(
                at(0),
                "system",
                AuditAction.CHANNEL_PAUSED,
                Optional.empty(),
                Optional.of(ChannelId.of("twitter-care")),
                "kill switch by supervisor:x");
        AuditEntry webhookRejected =
                new AuditEntry(at(1), "system", AuditAction.WEBHOOK_REJECTED, Optional.empty(), Optional.empty(), "");

        log.append(channelPaused);
        log.append(webhookRejected);

        assertThat(log.recent(5)).containsExactly(channelPaused, webhookRejected);
    }

    @Test
    void forConversationReturnsOnlyThatConversation() {
        ConversationId mine = TestData.conversationId();
        ConversationId other = TestData.conversationId();
        AuditEntry a = TestData.audit(mine, AuditAction.MESSAGE_RECEIVED, at(0));
        AuditEntry b = TestData.audit(other, AuditAction.MESSAGE_RECEIVED, at(1));
        AuditEntry c = TestData.audit(mine, AuditAction.CLAIMED, at(2));
        log.append(a);
        log.append(b);
        log.append(c);

        assertThat(log.forConversation(mine)).containsExactly(a, c);
        assertThat(log.forConversation(other)).containsExactly(b);
        assertThat(log.forConversation(TestData.conversationId())).isEmpty();
    }

    @Test
    void recentReturnsTheLastEntriesInAppendOrder() {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AuditEntry e = TestData.audit(TestData.conversationId(), AuditAction.REPLY_QUEUED, at(100 - i));
            appended.add(e);
            log.append(e);
        }

        assertThat(log.recent(3)).containsExactlyElementsOf(appended.subList(9, 12));
        assertThat(log.recent(12)).containsExactlyElementsOf(appended);
        assertThat(log.recent(50)).containsExactlyElementsOf(appended);
    }

    @Test
    void appendsFromSeveralThreadsAreAllKept() {
        ConversationId conversation = TestData.conversationId();
        Concurrently.run(8, t -> () -> {
            for (int i = 0; i < 10; i++) {
                log.append(TestData.audit(conversation, AuditAction.MESSAGE_RECEIVED, at(t * 100 + i)));
            }
            return null;
        });

        assertThat(log.forConversation(conversation)).hasSize(80).doesNotHaveDuplicates();
    }

    @Test
    void emptyLogReadsEmpty() {
        assertThat(log.recent(10)).isEmpty();
        assertThat(log.forConversation(ConversationId.of("x"))).isEmpty();
    }
}
