package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.ApprovalException;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Four-eyes approval with {@link JdbcApprovalGateway} across desks on one database (each desk with its own
 * pool, as separate nodes would have): a reply one desk holds is pending on every desk and after a restart,
 * a supervisor on another desk approves it into the shared outbox, two supervisors deciding at once on two
 * desks queue it once, and a desk transaction that rolls back takes its pending request with it. One subclass
 * per database.
 */
abstract class ApprovalsAcrossDesksTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final TeamId CARE = TeamId.of("care");
    private static final Channel TWITTER =
            Channel.of("tw-care", Platform.TWITTER, "MyBank_Help", "100", ChannelKind.DEDICATED_CARE, CARE);
    private static final AgentId ANNA = AgentId.of("ab1");
    private static final AgentId SAM = AgentId.of("sup1");
    private static final AgentId KIM = AgentId.of("sup2");

    private TestDatabase db;
    private JdbcCareStorage nodeA;
    private JdbcCareStorage nodeB;
    private CareDesk deskA;
    private CareDesk deskB;

    abstract TestDatabase open();

    @BeforeEach
    void twoDesksOnOneDatabase() {
        db = open();
        nodeA = JdbcCareStorage.builder(db.newDataSource(4)).createSchema(true).build();
        nodeB = JdbcCareStorage.builder(db.newDataSource(4)).build();
        deskA = desk(nodeA);
        deskB = desk(nodeB);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void replyHeldOnOneDeskIsApprovedOnAnotherAndQueuedInTheSharedOutbox() {
        ConversationId c = legalThreat();
        deskA.claim(c, ANNA);

        Reply held = deskA.reply(c, ANNA, "We're sorry Jane, please DM us so we can look into this today ^AB");

        assertThat(deskA.replies(c)).isEmpty();
        assertThat(deskB.pendingApprovals()).singleElement().satisfies(r -> {
            assertThat(r.reply()).isEqualTo(held);
            assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("LEGAL_THREAT"));
        });
        assertThat(desk(JdbcCareStorage.builder(db.newDataSource(2)).build()).pendingApprovals())
                .as("a desk started later (a restart) sees the held reply")
                .extracting(ApprovalRequest::reply)
                .containsExactly(held);

        Reply approved = deskB.approve(held.id(), SAM);

        assertThat(approved.id()).isEqualTo(held.id());
        assertThat(nodeA.storage().outbox().find(held.id())).hasValueSatisfying(r -> {
            assertThat(r.isQueued()).isTrue();
            assertThat(r.text()).isEqualTo(held.text());
            assertThat(r.author()).contains(ANNA);
        });
        assertThat(deskA.replies(c)).extracting(Reply::id).containsExactly(held.id());
        assertThat(deskA.pendingApprovals()).isEmpty();
        assertThat(desk(JdbcCareStorage.builder(db.newDataSource(2)).build()).pendingApprovals())
                .as("a desk started after the decision")
                .isEmpty();
        assertThat(deskA.history(c).stream().map(e -> e.action()))
                .containsSubsequence(
                        AuditAction.APPROVAL_REQUESTED, AuditAction.APPROVAL_DECIDED, AuditAction.REPLY_QUEUED);
        assertThat(nodeA.audit().verify().intact()).isTrue();
        assertThatThrownBy(() -> deskA.approve(held.id(), KIM))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("not awaiting approval");
    }

    @Test
    void twoSupervisorsApprovingAtOnceOnTwoDesksQueueTheReplyOnce() throws Exception {
        ConversationId c = legalThreat();
        deskA.claim(c, ANNA);
        Reply held = deskA.reply(c, ANNA, "We're sorry Jane, please DM us so we can look into this today ^AB");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> decisions = new ArrayList<>();
        try {
            decisions.add(pool.submit(() -> {
                go.await();
                return deskA.approve(held.id(), SAM);
            }));
            decisions.add(pool.submit(() -> {
                go.await();
                return deskB.approve(held.id(), KIM);
            }));
            go.countDown();
            int approved = 0;
            for (Future<Reply> f : decisions) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    approved++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ApprovalException.class);
                }
            }
            assertThat(approved).as("supervisors whose approval went through").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(deskB.replies(c)).extracting(Reply::id).containsExactly(held.id());
        assertThat(deskB.pendingApprovals()).isEmpty();
        assertThat(deskB.history(c).stream().filter(e -> e.action() == AuditAction.APPROVAL_DECIDED))
                .hasSize(1);
    }

    @Test
    void heldReplyRollsBackWithTheTransactionThatHeldIt() {
        ConversationId c = legalThreat();
        deskA.claim(c, ANNA);

        assertThatThrownBy(() -> nodeA.transactions().inTransaction(() -> {
                    deskA.reply(c, ANNA, "We're sorry Jane, please DM us so we can look into this today ^AB");
                    throw new IllegalStateException("the surrounding unit of work fails after the reply was held");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(deskB.pendingApprovals())
                .as("no pending request without its audit line")
                .isEmpty();
        assertThat(deskB.history(c).stream().filter(e -> e.action() == AuditAction.APPROVAL_REQUESTED))
                .isEmpty();
        assertThat(deskB.replies(c)).isEmpty();
    }

    // ------------------------------------------------------------ set-up

    /** A customer threatens legal action: replies in the conversation need approval by default. */
    private ConversationId legalThreat() {
        InboundMessage m = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "t1"), TWITTER.id(), Party.of("42", "janedoe"))
                .text("Charged twice AGAIN. My lawyer will be in touch, I will sue you.")
                .createdAt(T0)
                .build();
        ConversationId c = deskA.ingest(Batch.of(List.of(m))).touched().get(0);
        assertThat(deskA.conversation(c).orElseThrow().riskFlags()).contains(RiskFlag.LEGAL_THREAT);
        return c;
    }

    private static CareDesk desk(JdbcCareStorage node) {
        return CareDesk.builder()
                .clock(Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC))
                .storage(node.storage())
                .escalationFirings(node.escalationFirings())
                .messagePolicies(
                        MessagePolicies.builder().approvals(node.approvals()).build())
                .team(Team.of(CARE.value(), "Social care"))
                .channel(TWITTER)
                .publishers(RecordingPublisher.twitterAndFacebook())
                .agent(Agent.of(ANNA.value(), "Anna Bell", "AB", CARE))
                .agent(Agent.of(SAM.value(), "Sam Price", "SP", CARE).asSupervisor())
                .agent(Agent.of(KIM.value(), "Kim Lee", "KL", CARE).asSupervisor())
                .build();
    }
}
