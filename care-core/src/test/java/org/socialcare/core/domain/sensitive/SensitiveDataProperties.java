package org.socialcare.core.domain.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Generated card numbers and IBANs: valid ones are found in any grouping, one changed digit is not. */
class SensitiveDataProperties {
    private final SensitiveDataDetector detector = SensitiveDataDetector.ofDefaults();

    @Property(tries = 300)
    void validCardNumbersAreFoundInAnyGrouping(
            @ForAll("cards") String digits,
            @ForAll("separators") String sep,
            @ForAll @IntRange(min = 3, max = 6) int group) {
        String card = group(digits, group, sep);
        String text = "my card " + card + " got blocked";

        List<SensitiveFinding> found = detector.find(text);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.CARD_NUMBER);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(card);
            assertThat(f.masked()).endsWith(digits.substring(digits.length() - 4));
        });
    }

    @Property(tries = 300)
    void cardNumberWithOneDigitChangedIsNotFound(
            @ForAll("cards") String digits,
            @ForAll @IntRange(min = 0, max = 18) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta,
            @ForAll("separators") String sep) {
        int p = position % digits.length();
        char changed = (char) ('0' + (digits.charAt(p) - '0' + delta) % 10);
        String wrong = digits.substring(0, p) + changed + digits.substring(p + 1);

        List<SensitiveFinding> found = detector.find("my card " + group(wrong, 4, sep) + " got blocked");

        assertThat(found).noneMatch(f -> f.kind() == SensitiveDataKind.CARD_NUMBER);
    }

    @Property(tries = 300)
    void validIbansAreFoundInAnyGroupingAndCase(
            @ForAll("ibans") String iban, @ForAll("separators") String sep, @ForAll boolean lower) {
        String written = group(lower ? iban.toLowerCase() : iban, 4, sep);
        String text = "refund to " + written + " please";

        List<SensitiveFinding> found = detector.find(text);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.IBAN);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(written);
        });
    }

    @Property(tries = 300)
    void ibanWithOneDigitChangedIsNotFoundAsIban(
            @ForAll("ibans") String iban,
            @ForAll @IntRange(min = 2, max = 40) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        int p = 2 + position % (iban.length() - 2);
        char c = iban.charAt(p);
        String wrong = Character.isDigit(c)
                ? iban.substring(0, p) + (char) ('0' + (c - '0' + delta) % 10) + iban.substring(p + 1)
                : iban.substring(0, p) + (char) ('A' + (c - 'A' + delta) % 26) + iban.substring(p + 1);

        List<SensitiveFinding> found = detector.find("refund to " + group(wrong, 4, " ") + " please");

        assertThat(found).noneMatch(f -> f.kind() == SensitiveDataKind.IBAN);
    }

    @Property(tries = 300)
    void noFindingExposesMoreThanTheLastFourDigits(@ForAll("sensitiveTexts") String text) {
        for (SensitiveFinding f : detector.find(text)) {
            long digits = f.masked().chars().filter(Character::isDigit).count();
            assertThat(digits).as(f.toString()).isLessThanOrEqualTo(4);
            String raw = text.substring(f.start(), f.end()).replaceAll("\\D", "");
            if (raw.length() > 4) {
                assertThat(f.toString()).doesNotContain(raw.substring(0, raw.length() - 4));
            }
        }
        String masked = detector.mask(text);
        for (SensitiveFinding f : detector.find(text)) {
            assertThat(masked).doesNotContain(text.substring(f.start(), f.end()));
        }
    }

    @Provide
    Arbitrary<String> cards() {
        return Arbitraries.integers()
                .between(13, 19)
                .flatMap(
                        len -> Arbitraries.strings().numeric().ofLength(len - 2).map(body -> {
                            String payload = "4" + body;
                            return payload + Luhn.checkDigit(payload);
                        }));
    }

    @Provide
    Arbitrary<String> ibans() {
        Arbitrary<String> country =
                Arbitraries.of("GB", "DE", "ES", "FR", "IT", "NL", "BE", "NO", "PT", "IE", "CH", "MT");
        return country.flatMap(cc -> {
            int bbanLength = Iban.length(cc).orElseThrow() - 4;
            Arbitrary<String> bban = cc.equals("GB") || cc.equals("NL") || cc.equals("IE") || cc.equals("MT")
                    ? Combinators.combine(
                                    Arbitraries.strings()
                                            .withCharRange('A', 'Z')
                                            .ofLength(4),
                                    Arbitraries.strings().numeric().ofLength(bbanLength - 4))
                            .as(String::concat)
                    : Arbitraries.strings().numeric().ofLength(bbanLength);
            return bban.map(b -> cc + Iban.checkDigits(cc, b) + b);
        });
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "-", "");
    }

    @Provide
    Arbitrary<String> sensitiveTexts() {
        Arbitrary<String> card = cards().map(c -> group(c, 4, " "));
        Arbitrary<String> iban = ibans().map(i -> group(i, 4, " "));
        Arbitrary<String> sortAccount = Combinators.combine(
                        Arbitraries.strings().numeric().ofLength(6),
                        Arbitraries.strings().numeric().ofLength(8))
                .as((s, a) -> s.substring(0, 2) + "-" + s.substring(2, 4) + "-" + s.substring(4) + " acc " + a);
        Arbitrary<String> phone = Arbitraries.strings().numeric().ofLength(9).map(d -> "+44 7" + d);
        Arbitrary<String> words =
                Arbitraries.of("hi", "my card", "refund", "call me", "on hold", "thanks", "£40", "2024-03-01");
        return Arbitraries.oneOf(card, iban, sortAccount, phone, words)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(parts -> String.join(" ", parts));
    }

    private static String group(String s, int size, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }
}
