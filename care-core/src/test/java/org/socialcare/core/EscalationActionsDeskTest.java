package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.socialcare.core.domain.EscalationNotice;
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
import org.socialcare.core.domain.escalation.ComplaintRequest;
import org.socialcare.core.domain.escalation.EscalationPolicy;

/** The escalation actions that reach outside the conversation, through the desk, with a rules file. */
class EscalationActionsDeskTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final Channel PAGE = Channel.of("bankpage", Platform.FACEBOOK, "Bank", "page-1", ChannelKind.BRAND, CARE);
    static final Channel TWITTER =
            Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE);

    static final String RULES =
            """
            # the bank's escalation rules
            rule card-number-in-public when sensitive-data-public then hide-comment, suggest-private
            rule legal-threat when risk LEGAL_THREAT then require-approval, open-complaint, notify
            rule regular-caller when repeat-contact 3 within 7d then suggest-private
            rule forgotten when unanswered 2h then notify
            """;

    final MutableClock clock = new MutableClock(T0);
    final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
    final List<ComplaintRequest> complaints = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger();
    int messageIds = 100;

    CareDesk desk() {
        return CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .notifier(notices::add)
                .complaintGateway(r -> {
                    complaints.add(r);
                    return "CMP-2026-" + complaints.size();
                })
                .team(Team.of("care", "Care"))
                .channel(PAGE)
                .channel(TWITTER)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .escalation(EscalationPolicy.parse(RULES))
                .build();
    }

    ConversationId comment(CareDesk desk, Channel channel, String user, String text) {
        InboundMessage m = InboundMessage.builder(
                        MessageKey.of(channel.platform(), "m" + (++messageIds)), channel.id(), Party.of(user, user))
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(clock.instant())
                .build();
        return desk.ingest(Batch.of(List.of(m))).touched().get(0);
    }

    /** Stands in for triage, which sets these at ingest on the merged desk. */
    static void triage(CareDesk desk, ConversationId id, RiskFlag... flags) {
        Conversation c = desk.conversation(id).orElseThrow();
        desk.storage().conversations().save(c.withTriage(Category.COMPLAINT, Set.of(flags), c.priority()));
    }

    @Test
    void cardNumberPostedOnThePageGetsTheCommentHiddenAndAPrivateMoveSuggested() {
        CareDesk desk = desk();
        ConversationId id = comment(desk, PAGE, "fb-1", "why was I charged twice?");
        triage(desk, id, RiskFlag.SENSITIVE_DATA_PUBLIC);
        clock.advance(Duration.ofMinutes(1));
        comment(desk, PAGE, "fb-1", "my card is 4539 1488 0343 6467 check it");

        List<Reply> replies = desk.replies(id);
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.HIDE_COMMENT);
            assertThat(r.target()).contains("m102");
            assertThat(r.author()).isEmpty();
        });
        assertThat(desk.history(id))
                .filteredOn(e -> e.action() == AuditAction.ESCALATION_RULE_FIRED)
                .singleElement()
                .extracting(AuditEntry::detail)
                .asString()
                .contains(
                        "rule card-number-in-public",
                        "comment m102",
                        "suggestion for the agent: move to a private channel and offer a callback");
        assertThat(desk.history(id)).extracting(AuditEntry::action).contains(AuditAction.MODERATION_ACTION);
    }

    @Test
    void onTwitterHidingIsNotAvailableAndTheFiringSaysSo() {
        CareDesk desk = desk();
        ConversationId id = comment(desk, TWITTER, "tw-1", "here is my account number");
        triage(desk, id, RiskFlag.SENSITIVE_DATA_PUBLIC);
        comment(desk, TWITTER, "tw-1", "hello?");
        assertThat(desk.replies(id)).isEmpty();
        assertThat(desk.history(id))
                .filteredOn(e -> e.action() == AuditAction.ESCALATION_RULE_FIRED)
                .singleElement()
                .extracting(AuditEntry::detail)
                .asString()
                .contains("hiding comments is not available on twitter");
    }

    @Test
    void legalThreatOpensAFormalComplaintAndRequiresApproval() {
        CareDesk desk = desk();
        ConversationId id = comment(desk, TWITTER, "tw-2", "You have stolen my savings");
        triage(desk, id, RiskFlag.LEGAL_THREAT);
        comment(desk, TWITTER, "tw-2", "My solicitor will be in touch. See you in court.");

        assertThat(complaints).singleElement().satisfies(r -> {
            assertThat(r.conversation()).isEqualTo(id);
            assertThat(r.ruleId()).isEqualTo("legal-threat");
            assertThat(r.riskFlags()).contains(RiskFlag.LEGAL_THREAT);
        });
        assertThat(desk.requiresApproval(id)).isTrue();
        assertThat(notices).hasSize(1);
        assertThat(desk.history(id)).extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d)
                .contains("formal complaint opened: CMP-2026-1"));
    }

    @Test
    void thirdContactInAWeekIsSpottedAcrossConversations() {
        CareDesk desk = desk();
        // Spread over more than a week: three conversations, never three within 7 days.
        ConversationId last = null;
        for (int i = 0; i < 3; i++) {
            last = contactAndClose(desk, "tw-3", "replacement card still not here, attempt " + i);
            clock.advance(Duration.ofDays(4));
        }
        assertThat(desk.escalations(last)).isEmpty();

        contactAndClose(desk, "tw-4", "card declined");
        clock.advance(Duration.ofDays(2));
        ConversationId second = contactAndClose(desk, "tw-4", "card declined again");
        assertThat(desk.escalations(second)).isEmpty();
        clock.advance(Duration.ofDays(3));
        ConversationId third = comment(desk, TWITTER, "tw-4", "third time this week!!");
        assertThat(desk.escalations(third)).extracting(f -> f.ruleId()).containsExactly("regular-caller");
    }

    /** A closed conversation does not reopen: the customer's next message starts a new one. */
    ConversationId contactAndClose(CareDesk desk, String user, String text) {
        ConversationId id = comment(desk, TWITTER, user, text);
        desk.claim(id, AgentId.of("ab"));
        desk.resolve(id, AgentId.of("ab"));
        desk.close(id);
        return id;
    }

    @Test
    void unansweredForTwoHoursComesDueInTheSweep() {
        CareDesk desk = desk();
        ConversationId id = comment(desk, TWITTER, "tw-5", "anyone there?");
        clock.advance(Duration.ofMinutes(45));
        desk.sweep(); // at risk (default 60-minute policy): checkpoint moves to the breach
        clock.advance(Duration.ofMinutes(15));
        desk.sweep(); // breached: next checkpoint is the 2-hour rule
        assertThat(desk.conversation(id).orElseThrow().responseDueAt()).contains(T0.plus(Duration.ofHours(2)));
        assertThat(notices).isEmpty();
        clock.set(T0.plus(Duration.ofHours(2)));
        assertThat(desk.sweep().fired()).isEqualTo(1);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("unanswered 2h"));
        assertThat(desk.conversation(id).orElseThrow().responseDueAt()).isEqualTo(Optional.empty());
    }
}
