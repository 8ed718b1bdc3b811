package org.socialcare.core.domain.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.triage.Triage;

class ModerationPolicyTest {
    private final Triage triage = Triage.ofDefaults();
    private final ModerationPolicy policy = ModerationPolicy.ofDefaults();

    private ModerationDecision decide(String comment) {
        return policy.decide(
                comment, Visibility.PUBLIC, triage.classify(comment, Visibility.PUBLIC, Optional.empty(), 50));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Worst bank ever, 3 weeks and still no refund. Shameful.",
                "You lot are thieves and crooks, £35 for a 1p overdraft. Absolute rip-off.",
                "Closed the branch in our town, 80 year old mum now has to take two buses. Disgraceful decision.",
                "Your app has been down ALL DAY. Useless. I can't pay my rent. Sort it out!!!",
                "I've been on hold for 40 minutes, this is a joke. Moving my money elsewhere.",
                "Pésimo servicio, una vergüenza de banco. Llevo un mes esperando la devolución.",
                "Here's the BBC article about your outage: https://www.bbc.co.uk/news/business-123 shameful",
                "Anyone else getting charged twice? @MyBank fix this, it's appalling"
            })
    void neverHidesHarshButLegitimateCriticism(String comment) {
        ModerationDecision d = decide(comment);
        assertThat(d.hides()).as(comment).isFalse();
        assertThat(d.action()).isEqualTo(ModerationDecision.Action.KEEP);
    }

    @Test
    void hidesInsultsAimedAtStaff() {
        ModerationDecision d = decide("the woman in the Leeds branch is a stupid bitch and your staff are idiots");
        assertThat(d.hides()).isTrue();
        assertThat(d.reason()).contains(ModerationReason.ABUSE);
        assertThat(d.explanation()).contains("idiots");
        assertThat(d.suggestPrivate()).isFalse();
    }

    @Test
    void hidesThreatsAndSpanishInsults() {
        assertThat(decide("I know where your manager lives, I will find you").reason())
                .contains(ModerationReason.ABUSE);
        assertThat(decide("sois unos gilipollas").reason()).contains(ModerationReason.ABUSE);
    }

    @Test
    void hidesRecoveryScamRepliesUnderBankPosts() {
        ModerationDecision d =
                decide("Lost money to fraud? Contact Mr Adams, a recovery expert, whatsapp me +1 555 0100 100% legit");
        assertThat(d.reason()).isPresent();
        assertThat(d.hides()).isTrue();
    }

    @Test
    void hidesSpamLinkingToUnknownDomainsButNotToAllowedOnes() {
        String spam = "Free followers and crypto giveaway!!! click here https://free-crypto.example.xyz/win";
        assertThat(decide(spam).reason()).contains(ModerationReason.SPAM);
        assertThat(decide(spam).explanation()).contains("free-crypto.example.xyz");

        ModerationPolicy allowing =
                policy.toBuilder().allowDomain("example.xyz").build();
        assertThat(allowing.decide(
                                spam, Visibility.PUBLIC, triage.classify(spam, Visibility.PUBLIC, Optional.empty(), 0))
                        .hides())
                .isFalse();
    }

    @Test
    void hidesVisibleCardNumberAndSuggestsMovingToPrivate() {
        ModerationDecision d = decide("why did you decline 4539 1488 0343 6467 at the petrol station??");
        assertThat(d.reason()).contains(ModerationReason.SENSITIVE_DATA);
        assertThat(d.suggestPrivate()).isTrue();
        assertThat(d.explanation())
                .contains("CARD_NUMBER")
                .doesNotContain("4539")
                .doesNotContain("6467");
    }

    @Test
    void neverModeratesPrivateMessages() {
        String text = "you idiots, my card is 4539 1488 0343 6467";
        assertThat(policy.decide(
                                text,
                                Visibility.PRIVATE,
                                triage.classify(text, Visibility.PRIVATE, Optional.empty(), 0))
                        .hides())
                .isFalse();
    }

    @Test
    void rulesLoadFromPropertiesAndRejectUnknownKeysAndBadDomains() {
        ModerationPolicy custom = ModerationPolicy.load(
                        new StringReader("abuse=numpty\nscam=\nallowed.domains=mybank.co.uk"), "test")
                .build();
        assertThat(custom.decide(
                                "you numpty",
                                Visibility.PUBLIC,
                                triage.classify("you numpty", Visibility.PUBLIC, Optional.empty(), 0))
                        .hides())
                .isTrue();
        assertThat(custom.unknownDomains("see https://help.mybank.co.uk/x and www.other.com"))
                .containsExactly("other.com");
        assertThatThrownBy(() -> ModerationPolicy.load(new StringReader("abuses=x"), "typo"))
                .hasMessageContaining("typo")
                .hasMessageContaining("'abuses'");
        assertThatThrownBy(() -> ModerationPolicy.builder().allowDomain("not a domain"))
                .hasMessageContaining("'not a domain'");
    }
}
