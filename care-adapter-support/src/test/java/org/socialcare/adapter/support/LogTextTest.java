package org.socialcare.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void aHugeValueBecomesOneShortLineThatSaysHowLongItWas() {
        String shown = LogText.of("a".repeat(500_000));

        assertThat(shown).hasSizeLessThan(LogText.MAX_CHARS + 24).endsWith("...(500000 chars)");
    }

    @Test
    void lineBreaksAndEscapesCannotForgeALogLine() {
        assertThat(LogText.of("feed\nERROR fake line\r\u001b[31m\u2028x")).isEqualTo("feed?ERROR fake line??[31m?x");
    }

    @Test
    void cardNumbersAndIbansAreMasked() {
        String shown = LogText.of("kind 4111 1111 1111 1111 and DE89370400440532013000");

        assertThat(shown).doesNotContain("4111 1111 1111 1111").doesNotContain("0532013000");
    }

    @Test
    void aShortPlainValueIsUnchangedAndNullIsNamed() {
        assertThat(LogText.of("feed/comment/add")).isEqualTo("feed/comment/add");
        assertThat(LogText.of(null)).isEqualTo("null");
    }
}
