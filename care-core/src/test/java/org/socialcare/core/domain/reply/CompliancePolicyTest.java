package org.socialcare.core.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ComplianceViolationException;
import org.socialcare.core.error.ComplianceViolationException.Rule;
import org.socialcare.core.port.out.TextLimits;

class CompliancePolicyTest {
    private final Channel twitter = Channel.of(
            "tw-care", Platform.TWITTER, "MyBank_Help", "100", ChannelKind.DEDICATED_CARE, TeamId.of("care"));
    private final CompliancePolicy policy = CompliancePolicy.ofDefaults();
    private final TextLimits limits = TextLimits.defaultsFor(Platform.TWITTER);

    private ComplianceReview review(ReplyKind kind, String text, RiskFlag... flags) {
        return policy.review(new ReplyDraft(twitter, kind, text, Set.of(flags)), limits);
    }

    @Test
    void blocksPublicReplyContainingACardNumberWithoutEchoingIt() {
        assertThatThrownBy(() -> review(
                        ReplyKind.PUBLIC_REPLY,
                        "Hi Jane, is the card 4539 1488 0343 6467 the one that was declined? ^AB"))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.SENSITIVE_DATA_IN_PUBLIC);
                    assertThat(e.getMessage())
                            .contains("CARD_NUMBER")
                            .doesNotContain("4539")
                            .doesNotContain("6467");
                });
    }

    @Test
    void allowsTheBanksPhoneNumberInPublicAndCardDataInPrivate() {
        assertThat(review(ReplyKind.PUBLIC_REPLY, "Please call us on 0345 600 0000, we're open until 8pm ^AB")
                        .text())
                .contains("0345 600 0000");
        assertThat(review(ReplyKind.PRIVATE_MESSAGE, "The card ending 4539 1488 0343 6467 is now blocked")
                        .needsApproval())
                .isFalse();
    }

    @Test
    void blocksBannedPhrasesInPublicAndPrivate() {
        assertThatThrownBy(() ->
                        review(ReplyKind.PUBLIC_REPLY, "Sorry Jane! Please send us your card number and we'll check"))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.BANNED_PHRASE);
                    assertThat(e.getMessage()).contains("send us your card number");
                });
        assertThatThrownBy(() -> review(ReplyKind.PRIVATE_MESSAGE, "To verify you, what's your PIN?"))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> assertThat(e.rule())
                        .isEqualTo(Rule.BANNED_PHRASE));
        assertThatThrownBy(() -> review(ReplyKind.PRIVATE_MESSAGE, "Envíanos tu número de tarjeta por favor"))
                .isInstanceOf(ComplianceViolationException.class);
    }

    @Test
    void allowsSafetyStatementsThatNegateABannedPhrase() {
        assertThat(review(ReplyKind.PUBLIC_REPLY, "We'll never ask for your PIN or your full card number. ^AB")
                        .text())
                .isNotBlank();
        assertThat(review(ReplyKind.PUBLIC_REPLY, "Nunca te pediremos tu PIN ^AB")
                        .text())
                .isNotBlank();
        assertThatThrownBy(() -> review(ReplyKind.PUBLIC_REPLY, "Never mind that, just send us your PIN"))
                .isInstanceOf(ComplianceViolationException.class);
    }

    @Test
    void addsRequiredDisclosuresOnceAndChecksLengthWithThem() {
        CompliancePolicy withDisclosure = CompliancePolicy.builder()
                .disclosure(Disclosure.whenMentioned(
                        "credit", "Credit subject to status. T&Cs apply.", "loan", "overdraft", "credit card"))
                .build();

        ComplianceReview r = withDisclosure.review(
                new ReplyDraft(twitter, ReplyKind.PUBLIC_REPLY, "You can apply for a loan in the app ^AB", Set.of()),
                limits);
        assertThat(r.text()).isEqualTo("You can apply for a loan in the app ^AB Credit subject to status. T&Cs apply.");
        assertThat(r.disclosuresAdded()).containsExactly("credit");
        assertThat(withDisclosure
                        .review(
                                new ReplyDraft(twitter, ReplyKind.PUBLIC_REPLY, "Your card is on its way", Set.of()),
                                limits)
                        .text())
                .isEqualTo("Your card is on its way");

        String nearlyFull = "Loan " + "x".repeat(270);
        assertThatThrownBy(() -> withDisclosure.review(
                        new ReplyDraft(twitter, ReplyKind.PUBLIC_REPLY, nearlyFull, Set.of()), limits))
                .isInstanceOfSatisfying(ComplianceViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.TOO_LONG);
                    assertThat(e.getMessage()).contains("280").contains("[credit]");
                });
    }

    @Test
    void usesThePlatformsOwnLengthCounting() {
        TextLimits weighted = new TextLimits() {
            @Override
            public Platform platform() {
                return Platform.TWITTER;
            }

            @Override
            public int length(String text) {
                return text.codePointCount(0, text.length()) * 2; // e.g. all CJK
            }

            @Override
            public int maxLength(ReplyKind kind) {
                return 280;
            }
        };
        String text = "a".repeat(150);
        assertThat(policy.review(new ReplyDraft(twitter, ReplyKind.PUBLIC_REPLY, text, Set.of()), limits)
                        .text())
                .isEqualTo(text);
        assertThatThrownBy(
                        () -> policy.review(new ReplyDraft(twitter, ReplyKind.PUBLIC_REPLY, text, Set.of()), weighted))
                .hasMessageContaining("300");
    }

    @Test
    void demandsApprovalForLegalThreatsConfiguredChannelsAndGoodwillPayments() {
        assertThat(review(ReplyKind.PUBLIC_REPLY, "We're sorry, please DM us", RiskFlag.LEGAL_THREAT)
                        .approvalReasons())
                .containsExactly("conversation is flagged LEGAL_THREAT");
        assertThat(review(ReplyKind.PRIVATE_MESSAGE, "We'd like to offer a goodwill payment of £50")
                        .approvalReasons())
                .containsExactly("mentions 'goodwill payment'");
        assertThat(review(ReplyKind.PUBLIC_REPLY, "Hi!", RiskFlag.FRAUD).needsApproval())
                .isFalse();

        CompliancePolicy brand = CompliancePolicy.builder()
                .approvalChannelKind(ChannelKind.BRAND)
                .approvalFlags(Set.of())
                .build();
        Channel brandChannel =
                Channel.of("tw-brand", Platform.TWITTER, "MyBank", "1", ChannelKind.BRAND, TeamId.of("care"));
        assertThat(brand.review(
                                new ReplyDraft(
                                        brandChannel, ReplyKind.PUBLIC_REPLY, "Hi!", Set.of(RiskFlag.LEGAL_THREAT)),
                                limits)
                        .approvalReasons())
                .containsExactly("BRAND channels require approval");
    }
}
