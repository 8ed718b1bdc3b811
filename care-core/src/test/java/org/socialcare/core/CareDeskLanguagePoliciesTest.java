package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.ApprovalException;
import org.socialcare.core.error.ComplianceViolationException;
import org.socialcare.core.error.ComplianceViolationException.Rule;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

/** The desk end to end with its language policies: triage at ingest, moderation, compliance, approval. */
class CareDeskLanguagePoliciesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final TeamId CARE = TeamId.of("care");
    private static final Channel TWITTER =
            Channel.of("tw-care", Platform.TWITTER, "MyBank_Help", "100", ChannelKind.DEDICATED_CARE, CARE);
    private static final Channel FACEBOOK =
            Channel.of("fb-page", Platform.FACEBOOK, "MyBank", "200", ChannelKind.BRAND, CARE);
    private static final AgentId ANNA = AgentId.of("ab1");
    private static final AgentId SAM = AgentId.of("sup1");

    private final CareStorage storage = InMemoryStorage.create();
    private final AtomicInteger ids = new AtomicInteger();
    private final CareDesk desk = CareDesk.builder()
            .clock(Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC))
            .ids(() -> "id" + ids.incrementAndGet())
            .storage(storage)
            .team(Team.of("care", "Social care"))
            .channel(TWITTER)
            .channel(FACEBOOK)
            .publishers(TestPublisher.twitterAndFacebook())
            .agent(Agent.of("ab1", "Anna Bell", "AB", CARE))
            .agent(Agent.of("sup1", "Sam Price", "SP", CARE).asSupervisor())
            .build();

    private int seq;

    private InboundMessage tweet(String text) {
        return InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "t" + (++seq)),
                        TWITTER.id(),
                        Party.of("42", "janedoe").withFollowers(310))
                .text(text)
                .createdAt(T0.plusSeconds(seq))
                .build();
    }

    private InboundMessage comment(String userId, String text) {
        return InboundMessage.builder(
                        MessageKey.of(Platform.FACEBOOK, "c" + (++seq)),
                        FACEBOOK.id(),
                        Party.of(userId, "Commenter " + userId))
                .text(text)
                .createdAt(T0.plusSeconds(seq))
                .build();
    }

    private Conversation ingestOne(InboundMessage m) {
        ConversationId id = desk.ingest(Batch.of(List.of(m))).touched().get(0);
        return desk.conversation(id).orElseThrow();
    }

    private List<AuditEntry> audit(ConversationId id, AuditAction action) {
        return desk.history(id).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void ingestTriagesTheMessageOntoTheConversationAndAuditsWithoutRawText() {
        Conversation c = ingestOne(
                tweet(
                        "@MyBank_Help someone used my card in Lisbon last night, 4539 1488 0343 6467, I didn't make these payments!"));

        assertThat(c.riskFlags()).contains(RiskFlag.FRAUD, RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.language()).contains("en");
        List<AuditEntry> triaged = audit(c.id(), AuditAction.TRIAGED);
        assertThat(triaged).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("FRAUD")
                .contains("SENSITIVE_DATA_PUBLIC")
                .contains("**** **** **** 6467")
                .doesNotContain("4539")
                .doesNotContain("Lisbon"));
        // Twitter is not a moderated platform: the desk notes the data but queues no HIDE_COMMENT
        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(audit(c.id(), AuditAction.MODERATION_ACTION)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("not hidden")
                .contains("suggest moving the customer to a private channel"));
    }

    @Test
    void negativeStreakAndComplaintCategoryBuildUpOverTheThread() {
        Conversation c = ingestOne(tweet("I have been on hold for 40 minutes and nobody answers. Ridiculous."));
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(c.negativeStreak()).isEqualTo(1);

        c = ingestOne(tweet("Still waiting. This is the worst bank I have ever used, absolutely useless"));
        assertThat(c.negativeStreak()).isEqualTo(2);
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
    }

    @Test
    void publicReplyWithACardNumberIsBlockedAuditedAndNothingIsQueued() {
        Conversation c = ingestOne(tweet("my card keeps getting declined, why?"));
        desk.claim(c.id(), ANNA);

        assertThatThrownBy(() -> desk.reply(c.id(), ANNA, "Hi Jane, is it 4539 1488 0343 6467? ^AB"))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> assertThat(e.rule())
                        .isEqualTo(Rule.SENSITIVE_DATA_IN_PUBLIC));

        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(desk.conversation(c.id()).orElseThrow().firstResponseAt()).isEmpty();
        assertThat(audit(c.id(), AuditAction.COMPLIANCE_BLOCKED))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("agent:ab1");
                    assertThat(e.detail())
                            .contains("SENSITIVE_DATA_IN_PUBLIC")
                            .doesNotContain("4539")
                            .doesNotContain("6467");
                });
    }

    @Test
    void moveToPrivateChecksBothTextsBeforeQueuingAnything() {
        Conversation c = ingestOne(tweet("my card keeps getting declined, why?"));
        desk.claim(c.id(), ANNA);

        assertThatThrownBy(() -> desk.moveToPrivate(
                        c.id(),
                        ANNA,
                        "Sorry Jane, DM us and we'll call you ^AB",
                        Optional.of("Hi Jane, please send us your card number so we can check")))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> assertThat(e.rule())
                        .isEqualTo(Rule.BANNED_PHRASE));

        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(audit(c.id(), AuditAction.COMPLIANCE_BLOCKED)).hasSize(1);
        assertThat(audit(c.id(), AuditAction.MOVED_TO_PRIVATE)).isEmpty();
    }

    @Test
    void moveToPrivateQueuesBothLegsWhenTheyPassCompliance() {
        Conversation c = ingestOne(tweet("I have been on hold for 40 minutes, my card was swallowed by the ATM"));
        desk.claim(c.id(), ANNA);

        List<Reply> out = desk.moveToPrivate(
                c.id(),
                ANNA,
                "So sorry Jane, we've sent you a DM so we can call you ^AB",
                Optional.of("Hi Jane, what's a good number and time to call you? We'll never ask for your PIN."));

        assertThat(out).extracting(Reply::kind).containsExactly(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE);
        assertThat(desk.replies(c.id())).hasSize(2);
        assertThat(audit(c.id(), AuditAction.MOVED_TO_PRIVATE)).hasSize(1);
        assertThat(audit(c.id(), AuditAction.COMPLIANCE_BLOCKED)).isEmpty();
    }

    @Test
    void unassignedAgentIsRefusedBeforeComplianceIsConsidered() {
        Conversation c = ingestOne(tweet("my card keeps getting declined, why?"));

        assertThatThrownBy(() -> desk.moveToPrivate(c.id(), ANNA, "DM us your card number", Optional.empty()))
                .isInstanceOf(org.socialcare.core.error.NotAssignedException.class);
        assertThatThrownBy(() -> desk.reply(c.id(), ANNA, "send us your card number"))
                .isInstanceOf(org.socialcare.core.error.NotAssignedException.class);
        assertThat(audit(c.id(), AuditAction.COMPLIANCE_BLOCKED)).isEmpty();
    }

    @Test
    void harshCriticismCommentOnTheFacebookPageIsNotHidden() {
        Conversation c = ingestOne(comment("900", "Worst bank ever, 3 weeks and still no refund. Shameful."));

        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(audit(c.id(), AuditAction.MODERATION_ACTION)).isEmpty();
    }

    @Test
    void abusiveCommentIsHiddenThroughTheOutboxWithItsReason() {
        InboundMessage abusive = comment("901", "Your staff are useless idiots, I hope the lot of you get sacked");
        Conversation c = ingestOne(abusive);

        List<Reply> replies = desk.replies(c.id());
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.HIDE_COMMENT);
            assertThat(r.target()).contains(abusive.key().messageId());
            assertThat(r.author()).isEmpty();
            assertThat(r.isQueued()).isTrue();
            assertThat(r.text()).contains("ABUSE").contains("idiots");
        });
        assertThat(audit(c.id(), AuditAction.MODERATION_ACTION)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("HIDE_COMMENT " + replies.get(0).id())
                .contains("ABUSE"));
    }

    @Test
    void cardNumberCommentIsHiddenAndTheDeskSuggestsMovingToPrivate() {
        Conversation c = ingestOne(comment("902", "Why was 4539 1488 0343 6467 declined at Tesco? Sort it out"));

        assertThat(desk.replies(c.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.HIDE_COMMENT);
            assertThat(r.text()).contains("SENSITIVE_DATA").doesNotContain("4539");
        });
        assertThat(audit(c.id(), AuditAction.MODERATION_ACTION)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("suggest moving the customer to a private channel")
                .doesNotContain("4539"));
        assertThat(c.riskFlags()).contains(RiskFlag.SENSITIVE_DATA_PUBLIC);
    }

    @Test
    void templateReplyIsComposedInTheCustomersLanguageAndSigned() {
        Conversation c = ingestOne(
                InboundMessage.builder(MessageKey.of(Platform.TWITTER, "es1"), TWITTER.id(), Party.of("77", "pepe"))
                        .text("Llevo una hora esperando al teléfono y nadie contesta")
                        .createdAt(T0)
                        .build());
        assertThat(c.language()).contains("es");
        desk.claim(c.id(), ANNA);

        Reply r = desk.replyWithTemplate(c.id(), ANNA, "on-hold-apology", ReplyKind.PUBLIC_REPLY, Map.of());

        assertThat(r.text()).startsWith("Hola @pepe, sentimos mucho la espera").endsWith(" ^AB");
        assertThat(desk.replies(c.id())).containsExactly(r);
        assertThatThrownBy(() -> desk.replyWithTemplate(c.id(), ANNA, "nope", ReplyKind.PUBLIC_REPLY, Map.of()))
                .hasMessageContaining("'nope'");
    }

    @Test
    void replyToALegalThreatIsHeldUntilAnotherSupervisorApprovesIt() {
        Conversation c = ingestOne(tweet("Charged twice AGAIN. My lawyer will be in touch, I will sue you."));
        assertThat(c.riskFlags()).contains(RiskFlag.LEGAL_THREAT);
        desk.claim(c.id(), ANNA);

        Reply held = desk.reply(c.id(), ANNA, "We're sorry Jane, please DM us so we can look into this today ^AB");

        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(desk.pendingApprovals()).extracting(ApprovalRequest::reply).containsExactly(held);
        assertThat(audit(c.id(), AuditAction.APPROVAL_REQUESTED))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.detail()).contains(held.id().value()).contains("LEGAL_THREAT"));
        assertThatThrownBy(() -> desk.approve(held.id(), ANNA))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("not a supervisor");

        Reply approved = desk.approve(held.id(), SAM);

        assertThat(desk.pendingApprovals()).isEmpty();
        assertThat(desk.replies(c.id())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(held.id());
            assertThat(r.text()).isEqualTo(held.text());
            assertThat(r.author()).contains(ANNA);
            assertThat(r.isQueued()).isTrue();
        });
        assertThat(approved.id()).isEqualTo(held.id());
        assertThat(desk.conversation(c.id()).orElseThrow().firstResponseAt()).isPresent();
        assertThat(audit(c.id(), AuditAction.APPROVAL_DECIDED)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("supervisor:sup1");
            assertThat(e.detail()).startsWith("approved");
        });
        assertThatThrownBy(() -> desk.approve(held.id(), SAM))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("not awaiting approval");
    }

    @Test
    void supervisorCannotApproveTheirOwnReplyButCanRejectOne() {
        Conversation c = ingestOne(tweet("I'm reporting you to the FCA and the ombudsman"));
        desk.claim(c.id(), SAM);
        Reply own = desk.reply(c.id(), SAM, "Sorry to hear that, please DM us ^SP");

        assertThatThrownBy(() -> desk.approve(own.id(), SAM))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("four eyes");
        assertThat(desk.pendingApprovals()).hasSize(1);

        desk.rejectReply(own.id(), SAM, "use the regulator template instead");

        assertThat(desk.pendingApprovals()).isEmpty();
        assertThat(desk.replies(c.id())).isEmpty();
        assertThat(audit(c.id(), AuditAction.APPROVAL_DECIDED))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("rejected").contains("regulator template"));
    }

    @Test
    void customPoliciesReplaceTheDefaults() {
        CareDesk quiet = CareDesk.builder()
                .clock(Clock.fixed(T0, ZoneOffset.UTC))
                .team(Team.of("care", "Social care"))
                .channel(FACEBOOK)
                .publisher(TestPublisher.on(Platform.FACEBOOK))
                .messagePolicies(MessagePolicies.builder()
                        .moderatedPlatforms(java.util.Set.of())
                        .build())
                .build();
        InboundMessage abusive = comment("903", "you idiots");
        ConversationId id = quiet.ingest(Batch.of(List.of(abusive))).touched().get(0);
        assertThat(quiet.replies(id)).isEmpty();
        assertThat(quiet.history(id))
                .anyMatch(e -> e.action() == AuditAction.MODERATION_ACTION
                        && e.detail().contains("not hidden"));
    }

    @Test
    void privateMessagesAreTriagedButNeverModerated() {
        InboundMessage dm = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "dm1"), TWITTER.id(), Party.of("42", "janedoe"))
                .text("you idiots, my card is 4539 1488 0343 6467")
                .visibility(Visibility.PRIVATE)
                .createdAt(T0)
                .build();
        Conversation c = ingestOne(dm);
        assertThat(c.riskFlags()).doesNotContain(RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(audit(c.id(), AuditAction.MODERATION_ACTION)).isEmpty();
        assertThat(audit(c.id(), AuditAction.TRIAGED)).singleElement().satisfies(e -> assertThat(e.detail())
                .doesNotContain("4539"));
    }
}
