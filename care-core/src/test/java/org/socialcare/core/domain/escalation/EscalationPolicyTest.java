package org.socialcare.core.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.OpsFixtures.conversation;
import static org.socialcare.core.domain.escalation.EscalationAction.hideComment;
import static org.socialcare.core.domain.escalation.EscalationAction.notifyPeople;
import static org.socialcare.core.domain.escalation.EscalationAction.openComplaint;
import static org.socialcare.core.domain.escalation.EscalationAction.raisePriority;
import static org.socialcare.core.domain.escalation.EscalationAction.reassignToSupervisor;
import static org.socialcare.core.domain.escalation.EscalationAction.reassignToTeam;
import static org.socialcare.core.domain.escalation.EscalationAction.requireApproval;
import static org.socialcare.core.domain.escalation.EscalationAction.suggestPrivateWithCallback;
import static org.socialcare.core.domain.escalation.EscalationCondition.allOf;
import static org.socialcare.core.domain.escalation.EscalationCondition.category;
import static org.socialcare.core.domain.escalation.EscalationCondition.followersAtLeast;
import static org.socialcare.core.domain.escalation.EscalationCondition.negativeStreak;
import static org.socialcare.core.domain.escalation.EscalationCondition.repeatContact;
import static org.socialcare.core.domain.escalation.EscalationCondition.riskFlag;
import static org.socialcare.core.domain.escalation.EscalationCondition.sensitiveDataInPublic;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaAtRisk;
import static org.socialcare.core.domain.escalation.EscalationCondition.slaBreached;
import static org.socialcare.core.domain.escalation.EscalationCondition.unansweredFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.sla.SlaPolicy;

class EscalationPolicyTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final SlaPolicy SLA = SlaPolicy.wallClock(Duration.ofMinutes(60));

    static EscalationPolicy bankRules() {
        return EscalationPolicy.builder()
                .rule("fraud-report")
                .when(riskFlag(RiskFlag.FRAUD))
                .then(raisePriority(Priority.URGENT), reassignToTeam(TeamId.of("fraud-ops")), notifyPeople())
                .rule("influencer-complaint")
                .when(allOf(followersAtLeast(10_000), category(Category.COMPLAINT)))
                .then(raisePriority(Priority.URGENT), reassignToSupervisor(), notifyPeople())
                .rule("card-number-in-public")
                .when(sensitiveDataInPublic())
                .then(hideComment(), suggestPrivateWithCallback())
                .rule("legal-threat")
                .when(riskFlag(RiskFlag.LEGAL_THREAT))
                .then(requireApproval(), openComplaint())
                .rule("sla-at-risk")
                .when(slaAtRisk())
                .then(raisePriority())
                .rule("sla-breached")
                .when(slaBreached())
                .then(notifyPeople())
                .rule("angry-again")
                .when(negativeStreak(3))
                .then(suggestPrivateWithCallback())
                .rule("third-contact")
                .when(repeatContact(3, Duration.ofDays(7)))
                .then(reassignToSupervisor())
                .rule("forgotten")
                .when(unansweredFor(Duration.ofHours(4)))
                .then(notifyPeople())
                .build();
    }

    static EscalationContext at(Conversation c, Instant now) {
        return new EscalationContext(c, now, SLA.clocks(c), EscalationContext.ContactHistory.none());
    }

    static Set<String> fired(EscalationPolicy policy, EscalationContext ctx) {
        return Set.copyOf(policy.decide(ctx, Set.of()).fire().stream()
                .map(EscalationRule::id)
                .toList());
    }

    @Test
    void onHoldComplaintFromAnInfluencerFiresTheInfluencerRuleOnly() {
        Conversation c = conversation("c1", "askbank", "u1", T0)
                .copy()
                .customer(Party.of("u1", "@famous").withFollowers(250_000))
                .category(Category.COMPLAINT)
                .build();
        assertThat(fired(bankRules(), at(c, T0))).containsExactly("influencer-complaint");
    }

    @Test
    void complaintFromSmallAccountDoesNotFireTheInfluencerRule() {
        Conversation c = conversation("c1", "askbank", "u1", T0)
                .copy()
                .customer(Party.of("u1", "@someone").withFollowers(312))
                .category(Category.COMPLAINT)
                .build();
        assertThat(fired(bankRules(), at(c, T0))).isEmpty();
    }

    @Test
    void fraudReportAndCardNumberInPublicFireTheirRules() {
        Conversation c = conversation("c1", "askbank", "u1", T0)
                .copy()
                .riskFlags(Set.of(RiskFlag.FRAUD, RiskFlag.SENSITIVE_DATA_PUBLIC))
                .build();
        assertThat(fired(bankRules(), at(c, T0))).containsExactlyInAnyOrder("fraud-report", "card-number-in-public");
    }

    @Test
    void slaRulesFollowTheClock() {
        Conversation c = conversation("c1", "askbank", "u1", T0);
        assertThat(fired(bankRules(), at(c, T0.plus(Duration.ofMinutes(44))))).isEmpty();
        assertThat(fired(bankRules(), at(c, T0.plus(Duration.ofMinutes(45))))).containsExactly("sla-at-risk");
        assertThat(fired(bankRules(), at(c, T0.plus(Duration.ofMinutes(60)))))
                .containsExactlyInAnyOrder("sla-at-risk", "sla-breached");
        assertThat(fired(bankRules(), at(c, T0.plus(Duration.ofHours(4))))).contains("forgotten");
    }

    @Test
    void openEpisodeDoesNotFireAgainAndEndsWhenTheConditionStops() {
        EscalationPolicy policy = bankRules();
        Conversation c = conversation("c1", "askbank", "u1", T0);
        EscalationPolicy.Decision stillBreached =
                policy.decide(at(c, T0.plus(Duration.ofMinutes(90))), Set.of("sla-at-risk", "sla-breached"));
        assertThat(stillBreached.fire()).isEmpty();
        assertThat(stillBreached.end()).isEmpty();

        Conversation answered =
                c.copy().awaitingResponseSince(java.util.Optional.empty()).build();
        EscalationPolicy.Decision afterAnswer =
                policy.decide(at(answered, T0.plus(Duration.ofMinutes(95))), Set.of("sla-at-risk", "sla-breached"));
        assertThat(afterAnswer.end()).containsExactly("sla-at-risk", "sla-breached");
    }

    @Test
    void repeatContactAsksTheHistory() {
        Conversation c = conversation("c1", "askbank", "u1", T0);
        EscalationContext third = new EscalationContext(c, T0, SLA.clocks(c), (conv, since) -> {
            assertThat(since).isEqualTo(T0.minus(Duration.ofDays(7)));
            return 3;
        });
        assertThat(fired(bankRules(), third)).containsExactly("third-contact");
        assertThat(bankRules().usesContactHistory()).isTrue();
        assertThat(bankRules().hasTimeBasedRules()).isTrue();
        assertThat(EscalationPolicy.builder()
                        .rule("fraud")
                        .when(riskFlag(RiskFlag.FRAUD))
                        .then(notifyPeople())
                        .build()
                        .hasTimeBasedRules())
                .isFalse();
        assertThat(EscalationPolicy.builder()
                        .rule("vip-late")
                        .when(allOf(followersAtLeast(5000), unansweredFor(Duration.ofMinutes(30))))
                        .then(notifyPeople())
                        .build()
                        .hasTimeBasedRules())
                .isTrue();
    }

    @Test
    void nextTimeBasedCheckIsTheEarliestUnansweredThreshold() {
        Conversation c = conversation("c1", "askbank", "u1", T0);
        assertThat(bankRules().nextTimeBasedCheck(at(c, T0))).contains(T0.plus(Duration.ofHours(4)));
        assertThat(bankRules().nextTimeBasedCheck(at(c, T0.plus(Duration.ofHours(5)))))
                .isEmpty();
    }

    @Test
    void rulesFileRoundTripsThroughDescribe() {
        EscalationPolicy policy = bankRules();
        assertThat(EscalationPolicy.parse(policy.describe())).isEqualTo(policy);
    }

    @Test
    void loadsARulesFileWithCommentsAndShortDurations(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("escalation.rules");
        Files.writeString(
                file,
                """
                # Escalation rules of the care desk, evaluated in order.

                rule fraud-report when risk FRAUD then priority URGENT, team fraud-ops, notify
                rule influencer-complaint when followers >= 10000 and category COMPLAINT then priority URGENT, supervisor, notify
                rule forgotten when unanswered 90m then notify
                rule regular when repeat-contact 3 within 7d then suggest-private
                """);
        EscalationPolicy policy = EscalationPolicy.load(file);
        assertThat(policy.rules())
                .extracting(EscalationRule::id)
                .containsExactly("fraud-report", "influencer-complaint", "forgotten", "regular");
        assertThat(policy.rule("forgotten").orElseThrow().when()).isEqualTo(unansweredFor(Duration.ofMinutes(90)));
        assertThat(policy.rule("influencer-complaint").orElseThrow().then())
                .containsExactly(raisePriority(Priority.URGENT), reassignToSupervisor(), notifyPeople());
    }

    @Test
    void badRulesFileNamesTheLineAndTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("escalation.rules");
        Files.writeString(file, "rule ok when risk FRAUD then notify\n\nrule bad when risk ROBBERY then notify\n");
        assertThatThrownBy(() -> EscalationPolicy.load(file))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("ROBBERY")
                .hasMessageContaining("LEGAL_THREAT")
                .satisfies(
                        e -> assertThat(((EscalationConfigException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> EscalationPolicy.parse("rule x when unanswered soon then notify"))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> EscalationPolicy.parse("rule x when sla breached then shout"))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining("unknown action 'shout'");
        assertThatThrownBy(() -> EscalationPolicy.parse("rule x when sla breached"))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining("then");
        assertThatThrownBy(() -> EscalationPolicy.parse(
                        "rule x when sla breached then notify\nrule x when sla at-risk then notify"))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("used twice");
    }

    @Test
    void recommendedRulesLoadAndHandleTheClassicBankingCases() {
        EscalationPolicy recommended = EscalationPolicy.recommended();
        assertThat(recommended.rules()).hasSizeGreaterThan(10);
        Conversation fraud = conversation("c1", "askbank", "u1", T0)
                .copy()
                .riskFlags(Set.of(RiskFlag.FRAUD))
                .build();
        assertThat(fired(recommended, at(fraud, T0))).containsExactly("fraud-report");
        Conversation cardInPublic = conversation("c2", "askbank", "u2", T0)
                .copy()
                .riskFlags(Set.of(RiskFlag.SENSITIVE_DATA_PUBLIC))
                .build();
        assertThat(fired(recommended, at(cardInPublic, T0))).containsExactly("sensitive-data-public");
        Conversation praise = conversation("c3", "askbank", "famous", T0)
                .copy()
                .customer(Party.of("famous", "@famous").withFollowers(90_000))
                .category(Category.PRAISE)
                .build();
        assertThat(fired(recommended, at(praise, T0)))
                .as("praise from an influencer is no escalation")
                .isEmpty();
        assertThat(recommended.rule("legal-threat").orElseThrow().requiresApproval())
                .isTrue();
    }

    @Test
    void builderRejectsDuplicateIdsAndRulesWithoutActions() {
        assertThatThrownBy(() -> EscalationPolicy.builder()
                        .rule("a")
                        .when(slaBreached())
                        .then(notifyPeople())
                        .rule("a")
                        .when(slaAtRisk())
                        .then(notifyPeople()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() ->
                        EscalationPolicy.builder().rule("a").when(slaBreached()).then())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one action");
        assertThatThrownBy(() -> EscalationPolicy.builder().rule("Bad Id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
