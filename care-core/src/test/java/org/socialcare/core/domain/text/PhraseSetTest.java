package org.socialcare.core.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhraseSetTest {
    @Test
    void matchesWholeWordsIgnoringCaseAccentsAndPunctuation() {
        PhraseSet fraud = PhraseSet.of("fraud");
        assertThat(fraud.matchesAny(NormalizedText.of("This is FRAUD!"))).isTrue();
        assertThat(fraud.matchesAny(NormalizedText.of("fráud, pure and simple")))
                .isTrue();
        assertThat(fraud.matchesAny(NormalizedText.of("#fraud"))).isTrue();
        assertThat(fraud.matchesAny(NormalizedText.of("they tried to defraud me")))
                .isFalse();
        assertThat(fraud.matchesAny(NormalizedText.of("defraudation"))).isFalse();
        assertThat(fraud.matchesAny(NormalizedText.of("fraudulent payments"))).isFalse();
    }

    @Test
    void trailingStarMatchesWordStems() {
        PhraseSet fraud = PhraseSet.of("fraud*");
        assertThat(fraud.matchesAny(NormalizedText.of("fraudulent payments"))).isTrue();
        assertThat(fraud.matchesAny(NormalizedText.of("a fraudster called"))).isTrue();
        assertThat(fraud.matchesAny(NormalizedText.of("defraudation"))).isFalse();
        assertThatThrownBy(() -> PhraseSet.of("ab*")).hasMessageContaining("'ab*'");
    }

    @Test
    void matchesMultiWordPhrasesAcrossPunctuationAndApostrophes() {
        PhraseSet phrases = PhraseSet.of("legal action", "close my account", "didnt authorise");
        assertThat(phrases.matchesIn(NormalizedText.of("I'm taking LEGAL   ACTION. Close my account!")))
                .containsExactly("legal action", "close my account");
        assertThat(phrases.matchesIn(NormalizedText.of("I didn't authorise this")))
                .containsExactly("didnt authorise");
        assertThat(phrases.matchesAny(NormalizedText.of("illegal actions"))).isFalse();
    }

    @Test
    void rejectsPhrasesWithoutWords() {
        assertThatThrownBy(() -> PhraseSet.of("!!!")).hasMessageContaining("'!!!'");
    }
}
