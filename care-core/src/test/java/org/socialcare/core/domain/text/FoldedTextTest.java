package org.socialcare.core.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {
    @Test
    void englishAndSpanishTextWithEmojiAndTypographicApostrophesTakeTheTablePath() {
        assertThat(FoldedText.fastPathApplies("@AskBank I can’t log in!! 😡 ¿Qué pasa con mi tarjeta? Ñandú, café"))
                .isTrue();
        assertThat(FoldedText.fastPathApplies("❤️ thanks e\u0301 https://t.co/x"))
                .isTrue();
    }

    @Test
    void otherScriptsTakeTheReferencePath() {
        assertThat(FoldedText.fastPathApplies("Ωμέγα")).isFalse();
        assertThat(FoldedText.fastPathApplies("привет")).isFalse();
        assertThat(FoldedText.fastPathApplies("Tiếng Việt")).isFalse();
    }

    @Test
    void wordsAndClausesAreReadInOnePass() {
        FoldedText t = FoldedText.of("I CAN'T believe it. Not good, really: ¡Fráude!");
        assertThat(t.clauseTokens()).containsExactly("i", "cant", "believe", "it", "not", "good", "really", "fraude");
        assertThat(t.clause(3)).isLessThan(t.clause(4));
        assertThat(t.clause(4)).isEqualTo(t.clause(5));
        assertThat(t.clause(5)).isLessThan(t.clause(6));
        assertThat(t.clause(0)).isEqualTo(t.clause(3));
    }
}
