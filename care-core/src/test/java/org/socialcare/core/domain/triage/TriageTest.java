package org.socialcare.core.domain.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;

class TriageTest {
    private final Triage triage = Triage.ofDefaults();

    private TriageResult publicly(String text) {
        return triage.classify(text, Visibility.PUBLIC, Optional.empty(), 120);
    }

    @Test
    void customerOnHoldFortyMinutesIsANegativeComplaint() {
        TriageResult r = publicly("@MyBank been on hold for 40 minutes and still nobody answers. Ridiculous.");

        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.sentimentScore()).isLessThan(-0.5);
        assertThat(r.riskFlags()).isEmpty();
        assertThat(r.priority()).isEqualTo(Priority.NORMAL);
        assertThat(r.detectedLanguage()).contains("en");
    }

    @Test
    void fraudReportIsUrgent() {
        TriageResult r =
                publicly("Someone used my card in Lisbon last night, 3 payments I didn't make. Card is in my wallet!");

        assertThat(r.riskFlags()).containsExactly(RiskFlag.FRAUD);
        assertThat(r.priority()).isEqualTo(Priority.URGENT);
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("FRAUD: ") && s.contains("someone used my card"));
    }

    @Test
    void legalThreatIsAComplaintWithHighPriority() {
        TriageResult r = publicly("Third time you've charged me twice. My lawyer will hear about this and I will sue.");

        assertThat(r.riskFlags()).contains(RiskFlag.LEGAL_THREAT);
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
        assertThat(r.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void regulatorsAreRecognisedAsWordsOnly() {
        assertThat(publicly("Reporting you to the FCA and the Financial Ombudsman tomorrow")
                        .riskFlags())
                .containsExactly(RiskFlag.REGULATOR);
        assertThat(publicly("Filed a complaint with the CFPB today.").riskFlags())
                .containsExactly(RiskFlag.REGULATOR);
        assertThat(publicly("my friend's name is Francesca").riskFlags()).isEmpty();
    }

    @Test
    void journalistIsAMediaRisk() {
        TriageResult r =
                publicly("I'm a journalist at the Evening Post writing about your branch closures, who can I talk to?");
        assertThat(r.riskFlags()).containsExactly(RiskFlag.MEDIA);
        assertThat(r.category()).isEqualTo(Category.QUESTION);
        assertThat(r.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void cardNumberPostedInPublicRaisesSensitiveDataFlagWithMaskedFinding() {
        TriageResult r = publicly("why was 4539 1488 0343 6467 declined??");

        assertThat(r.riskFlags()).contains(RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(r.sensitiveKinds()).containsExactly(SensitiveDataKind.CARD_NUMBER);
        assertThat(r.priority()).isEqualTo(Priority.URGENT);
        assertThat(r.toString()).contains("**** **** **** 6467").doesNotContain("4539");
    }

    @Test
    void cardNumberInAPrivateMessageIsFoundButNotFlaggedPublic() {
        TriageResult r = triage.classify("my card is 4539 1488 0343 6467", Visibility.PRIVATE, Optional.of("en"), 0);
        assertThat(r.riskFlags()).doesNotContain(RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(r.sensitiveKinds()).containsExactly(SensitiveDataKind.CARD_NUMBER);
    }

    @Test
    void praiseIsPositiveAndLowPriority() {
        TriageResult r =
                publicly("Huge thanks to Sarah at @MyBank who sorted my mortgage in ten minutes. Brilliant service!");
        assertThat(r.category()).isEqualTo(Category.PRAISE);
        assertThat(r.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(r.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void negatedPraiseIsNegative() {
        TriageResult r = publicly("Not happy at all with the new app, not helpful either");
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
    }

    @Test
    void cryptoRecoveryScamReplyIsSpamWithoutRiskFlags() {
        TriageResult r =
                publicly("Lost funds to a scam? Contact RecoveryPro on WhatsApp, guaranteed returns https://bit.ly/x1");
        assertThat(r.category()).isEqualTo(Category.SPAM);
        assertThat(r.riskFlags()).isEmpty();
        assertThat(r.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void questionWithoutComplaintIsAQuestion() {
        TriageResult r = publicly("Hi, how do I order a new card while abroad?");
        assertThat(r.category()).isEqualTo(Category.QUESTION);
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void spanishComplaintIsDetectedAsSpanishWithFraudFlag() {
        TriageResult r = publicly(
                "Llevo esperando una semana y nadie contesta. Me han cobrado cargos que no reconozco. ¡Qué vergüenza!");

        assertThat(r.detectedLanguage()).contains("es");
        assertThat(r.language()).isEqualTo("es");
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.riskFlags()).contains(RiskFlag.FRAUD);
    }

    @Test
    void spanishCloseAccountAndRegulatorWithoutAccents() {
        TriageResult r =
                publicly("Pesimo servicio, voy a cerrar mi cuenta y poner una reclamacion en el Banco de Espana");
        assertThat(r.riskFlags()).contains(RiskFlag.CLOSE_ACCOUNT, RiskFlag.REGULATOR);
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
    }

    @Test
    void riskPhrasesOfEveryLanguageApplyEvenWhenThePlatformSaysEnglish() {
        TriageResult r = triage.classify("me han robado la tarjeta, fraude!", Visibility.PUBLIC, Optional.of("en"), 0);
        assertThat(r.riskFlags()).contains(RiskFlag.FRAUD);
        assertThat(r.detectedLanguage()).isEmpty();
        assertThat(r.language()).isEqualTo("en");
    }

    @Test
    void negationDoesNotCrossSentences() {
        TriageResult r = publicly("Me han clonado la tarjeta y el banco no hace nada. Vergonzoso.");
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.riskFlags()).contains(RiskFlag.FRAUD);
        assertThat(publicly("Not great. Happy to switch banks though").riskFlags())
                .contains(RiskFlag.CLOSE_ACCOUNT);
    }

    @Test
    void praiseMentioningFraudKeepsTheFlagButIsNotUrgent() {
        TriageResult r =
                publicly("Thank you @MyBank for refunding the fraudulent transactions so quickly, really impressed");
        assertThat(r.category()).isEqualTo(Category.PRAISE);
        assertThat(r.riskFlags()).contains(RiskFlag.FRAUD);
        assertThat(r.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void spanishSarcasticThanksIsNegative() {
        TriageResult r = publicly("Gracias por nada, tres semanas sin respuesta");
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
    }

    @Test
    void emailAloneInPublicIsFoundButNotFlagged() {
        TriageResult r = publicly("you can reach me at jane.doe@example.com");
        assertThat(r.sensitiveKinds()).containsExactly(SensitiveDataKind.EMAIL);
        assertThat(r.riskFlags()).doesNotContain(RiskFlag.SENSITIVE_DATA_PUBLIC);
    }

    @Test
    void vulnerableCustomerIsRecognised() {
        TriageResult r =
                publicly("My husband passed away last month and you keep sending letters in his name. Please help.");
        assertThat(r.riskFlags()).contains(RiskFlag.VULNERABLE_CUSTOMER);
        assertThat(r.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void unhappyHighProfileCustomerIsUrgentAndInfluenceUsesThresholds() {
        TriageResult r = triage.classify(
                "Worst bank ever, three weeks and still no refund.", Visibility.PUBLIC, Optional.of("en"), 250_000);
        assertThat(r.influence()).isEqualTo(InfluenceTier.HIGH_PROFILE);
        assertThat(r.priority()).isEqualTo(Priority.URGENT);

        Triage strict = Triage.of(TriageConfig.ofDefaults().toBuilder()
                .influence(new InfluenceThresholds(10, 20, 30))
                .build());
        assertThat(strict.classify("hello", Visibility.PUBLIC, Optional.empty(), 25)
                        .influence())
                .isEqualTo(InfluenceTier.INFLUENCER);
        assertThatThrownBy(() -> new InfluenceThresholds(100, 50, 1000))
                .hasMessageContaining("notable=100")
                .hasMessageContaining("influencer=50");
    }

    @Test
    void languageRulesLoadFromPropertiesAndRejectUnknownKeys() {
        LanguageRules fr = LanguageRules.load(
                new StringReader(
                        """
                language=fr
                detect.words=le, la, les, et, mon, est, pas, une
                category.complaint=inadmissible, toujours pas
                sentiment.negative=nul, honte
                risk.FRAUD=fraude, on a utilisé ma carte
                """),
                "fr-test");
        Triage withFrench =
                Triage.of(TriageConfig.ofDefaults().toBuilder().language(fr).build());

        TriageResult r = withFrench.classify(
                "On a utilisé ma carte et toujours pas de réponse, c'est inadmissible",
                Visibility.PUBLIC,
                Optional.empty(),
                0);

        assertThat(r.detectedLanguage()).contains("fr");
        assertThat(r.riskFlags()).containsExactly(RiskFlag.FRAUD);
        assertThat(r.category()).isEqualTo(Category.COMPLAINT);
        assertThatThrownBy(() -> LanguageRules.load(new StringReader("language=fr\nrisk.FRUAD=x"), "typo.properties"))
                .hasMessageContaining("typo.properties")
                .hasMessageContaining("risk.FRUAD");
        assertThatThrownBy(() -> LanguageRules.load(new StringReader("category.spam=x"), "nolang"))
                .hasMessageContaining("nolang")
                .hasMessageContaining("language");
        assertThatThrownBy(() -> LanguageRules.fromResource("/nope.properties"))
                .hasMessageContaining("/nope.properties");
    }

    @Test
    void applyingTriageKeepsComplaintRaisesPriorityAndCountsNegativeStreak() {
        InboundMessage first = message("I have been on hold for an hour, useless");
        Conversation c = Conversation.start(ConversationId.of("c1"), first);

        c = triage.classify(first).applyTo(c);
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(c.negativeStreak()).isEqualTo(1);
        assertThat(c.language()).contains("en");

        c = triage.classify(message("someone used my card, this is a disgrace")).applyTo(c);
        assertThat(c.negativeStreak()).isEqualTo(2);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.riskFlags()).contains(RiskFlag.FRAUD);

        c = triage.classify(message("ok thanks, that was quick and helpful")).applyTo(c);
        assertThat(c.negativeStreak()).isZero();
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void configRejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> TriageConfig.builder().build()).hasMessageContaining("at least one language");
        assertThatThrownBy(() -> TriageConfig.builder()
                        .language(LanguageRules.english())
                        .defaultLanguage("de")
                        .build())
                .hasMessageContaining("'de'");
        assertThatThrownBy(() -> TriageConfig.builder().sentimentThresholds(0.2, 0.5))
                .hasMessageContaining("negative=0.2");
        assertThatThrownBy(() -> LanguageRules.builder("English")).hasMessageContaining("'English'");
    }

    private static InboundMessage message(String text) {
        return InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "m" + text.hashCode()),
                        ChannelId.of("tw"),
                        Party.of("u1", "jane"))
                .text(text)
                .createdAt(Instant.parse("2026-03-02T10:00:00Z"))
                .build();
    }

    @Test
    void everyShippedListLoads() {
        for (LanguageRules r : List.of(LanguageRules.english(), LanguageRules.spanish())) {
            for (RiskFlag f : RiskFlag.values()) {
                if (f != RiskFlag.SENSITIVE_DATA_PUBLIC) {
                    assertThat(r.risk(f).isEmpty()).as(r.language() + " " + f).isFalse();
                }
            }
        }
    }
}
