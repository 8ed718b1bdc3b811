package org.socialcare.core.domain.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pre-checks never hide a finding: whenever they skip the patterns (all of them, or those of a kind that needs
 * more digits or an '@' than the text has), the patterns find nothing.
 */
class SensitivePreCheckProperties {
    private final SensitiveDataDetector detector = SensitiveDataDetector.ofDefaults();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of(
                "4",
                "1",
                " ",
                "-",
                "+",
                "(",
                ")",
                ".",
                "@",
                "x",
                "GB",
                "ES",
                "card ",
                "sort code ",
                "\n",
                "a.b",
                "+44 ",
                "4539 1488 0343 6467",
                "jo@example.org",
                "20-00-00",
                "12345678",
                "4539148803436467",
                "123456",
                " account ",
                "DE89 3704 0044 0532 0130 00",
                "٣",
                "７");
        return Arbitraries.oneOf(
                piece.list().ofMaxSize(25).map(l -> String.join("", l)),
                Arbitraries.strings().withChars("0123456789 -+@.()abcGBES\n").ofMaxLength(40));
    }

    @Property(tries = 5000)
    void whatThePreCheckSkipsHoldsNothing(@ForAll("texts") String text) {
        if (!SensitiveDataDetector.mayHoldAny(text)) {
            assertThat(detector.scan(text)).isEmpty();
        }
        assertThat(detector.find(text)).isEqualTo(detector.scan(text));
    }
}
