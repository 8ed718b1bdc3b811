package org.socialcare.core.domain.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.Luhn;

class TriageProperties {
    private final Triage triage = Triage.ofDefaults();

    @Property(tries = 500)
    void anyTextInAnyLanguageIsClassifiedWithABoundedScore(
            @ForAll String text, @ForAll("tags") Optional<String> tag, @ForAll Visibility visibility) {
        TriageResult r = triage.classify(text, visibility, tag, 0);
        assertThat(r.sentimentScore()).isBetween(-1.0, 1.0);
        assertThat(r.language()).isIn("en", "es");
    }

    @Property(tries = 300)
    void riskPhrasesAreFoundWhateverTheCaseAccentsAndPunctuationAround(
            @ForAll("riskPhrases") String phrase,
            @ForAll boolean upper,
            @ForAll("punctuation") String before,
            @ForAll("punctuation") String after) {
        String written = upper ? phrase.toUpperCase() : phrase;
        TriageResult r =
                triage.classify("Hello" + before + written + after + "thanks", Visibility.PUBLIC, Optional.empty(), 0);
        assertThat(r.riskFlags()).isNotEmpty();
    }

    @Property(tries = 200)
    void triageOutputNeverCarriesACardNumberPostedInTheMessage(@ForAll("cardDigits") String digits) {
        String card = digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " "
                + digits.substring(12);
        TriageResult r = triage.classify("my card " + card + " was declined", Visibility.PUBLIC, Optional.empty(), 0);
        assertThat(r.riskFlags()).contains(RiskFlag.SENSITIVE_DATA_PUBLIC);
        assertThat(r.toString()).doesNotContain(card).doesNotContain(digits.substring(0, 12));
    }

    @Provide
    Arbitrary<Optional<String>> tags() {
        return Arbitraries.of("en", "es", "es-MX", "und", "fr", "")
                .map(Optional::of)
                .injectNull(0.2)
                .map(o -> o == null ? Optional.empty() : o);
    }

    @Provide
    Arbitrary<String> riskPhrases() {
        return Arbitraries.of(
                "fraud",
                "Fráud",
                "someone used my card",
                "legal action",
                "my lawyer",
                "the FCA",
                "ombudsman",
                "CFPB",
                "a journalist",
                "close my account",
                "passed away",
                "hacked",
                "fraude",
                "abogado",
                "cerrar mi cuenta",
                "Banco de España");
    }

    @Provide
    Arbitrary<String> punctuation() {
        return Arbitraries.of(" ", ", ", "! ", " #", " @", "... ", " (", ") ", "\n", " ¡", "? ");
    }

    @Provide
    Arbitrary<String> cardDigits() {
        return Arbitraries.strings().numeric().ofLength(14).map(body -> {
            String payload = "5" + body;
            return payload + Luhn.checkDigit(payload);
        });
    }
}
