package org.socialcare.core.domain.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensitiveDataDetectorTest {
    private final SensitiveDataDetector detector = SensitiveDataDetector.ofDefaults();

    @Test
    void findsCardNumberPostedInPublicAndMasksAllButLastFour() {
        String tweet = "@MyBank my card 4539 1488 0343 6467 was declined AGAIN at Tesco, sort it out";

        List<SensitiveFinding> found = detector.find(tweet);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.CARD_NUMBER);
            assertThat(tweet.substring(f.start(), f.end())).isEqualTo("4539 1488 0343 6467");
            assertThat(f.masked()).isEqualTo("**** **** **** 6467");
            assertThat(f.toString()).doesNotContain("4539").doesNotContain("1488 0343");
        });
        assertThat(detector.mask(tweet))
                .isEqualTo("@MyBank my card **** **** **** 6467 was declined AGAIN at Tesco, sort it out");
    }

    @Test
    void findsCardsWithDashesOrNoSeparatorsAndAmexGrouping() {
        assertThat(kinds("card 4539-1488-0343-6467 please")).containsExactly(SensitiveDataKind.CARD_NUMBER);
        assertThat(kinds("card:4539148803436467")).containsExactly(SensitiveDataKind.CARD_NUMBER);
        assertThat(kinds("amex 3782 822463 10005 blocked")).containsExactly(SensitiveDataKind.CARD_NUMBER);
    }

    @Test
    void ignoresDigitRunsThatFailLuhn() {
        assertThat(detector.find("ref 4539 1488 0343 6468 from the letter")).isEmpty();
    }

    @Test
    void leavesLuhnValidPlatformIdsAndUuidTailsAlone() {
        // Luhn-valid, but no payment brand issues numbers starting with 1, 7, 8, 9 or 0 (ISO/IEC 7812)
        assertThat(Luhn.isValid("1730000000000000001")).isTrue();
        assertThat(detector.find("PUBLIC_REPLY sent as 1730000000000000001")).isEmpty();
        assertThat(Luhn.isValid("8000000000000003")).isTrue();
        assertThat(detector.find("reply 019cadca-4400-7000-8000-000000000003 queued"))
                .isEmpty();
        assertThat(kinds("card 2223 0000 4841 0010 declined")).containsExactly(SensitiveDataKind.CARD_NUMBER);
    }

    @Test
    void takesTheCardWhenItsExpiryFollows() {
        String text = "4539 1488 0343 6467 03 27 cvv on the back";
        List<SensitiveFinding> found = detector.find(text);
        assertThat(found).extracting(SensitiveFinding::kind).contains(SensitiveDataKind.CARD_NUMBER);
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo("4539 1488 0343 6467");
    }

    @Test
    void findsIbanInAnyCaseAndGroupingButNotItsDigitsAsCard() {
        String text = "please refund to GB82 WEST 1234 5698 7654 32 asap";
        List<SensitiveFinding> found = detector.find(text);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.IBAN);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("GB82 WEST 1234 5698 7654 32");
            assertThat(f.masked()).isEqualTo("GB** **** **** 5432");
        });
        assertThat(kinds("iban es9121000418450200051332")).containsExactly(SensitiveDataKind.IBAN);
        assertThat(kinds("IBAN DE89-3704-0044-0532-0130-00.")).containsExactly(SensitiveDataKind.IBAN);
    }

    @Test
    void rejectsIbanWithWrongCheckDigitsOrLength() {
        assertThat(kinds("GB83 WEST 1234 5698 7654 32")).doesNotContain(SensitiveDataKind.IBAN);
        assertThat(kinds("GB82 WEST 1234 5698 7654 321")).doesNotContain(SensitiveDataKind.IBAN);
    }

    @Test
    void findsSortCodeWithAccountNumberInEitherOrder() {
        String text = "sort code 20-00-00 account 31926819, why was my transfer returned";
        List<SensitiveFinding> found = detector.find(text);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.SORT_CODE_ACCOUNT);
            assertThat(f.masked()).isEqualTo("**-**-** ****6819");
        });
        assertThat(kinds("acc no 31926819 sort 200000")).containsExactly(SensitiveDataKind.SORT_CODE_ACCOUNT);
    }

    @Test
    void findsPhoneNumbersButNotDatesAmountsOrDurations() {
        assertThat(kinds("call me on 07700 900123 after 5")).containsExactly(SensitiveDataKind.PHONE);
        assertThat(kinds("ring +44 20 7946 0958 now")).containsExactly(SensitiveDataKind.PHONE);
        assertThat(kinds("llámame al 612 345 678 por favor")).containsExactly(SensitiveDataKind.PHONE);
        assertThat(detector.find("on hold 40 minutes since 2024-03-15, charged £1,250.00 twice, ref 123456"))
                .isEmpty();
        assertThat(detector.mask("call me on 07700 900123")).isEqualTo("call me on ***** ***123");
    }

    @Test
    void findsEmailAndMasksLocalPartAndDomain() {
        List<SensitiveFinding> found = detector.find("email me at jane.doe@example.co.uk thanks");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SensitiveDataKind.EMAIL);
            assertThat(f.masked()).isEqualTo("j***@***.uk");
        });
        assertThat(detector.find("thanks @MyBank_Help for the help")).isEmpty();
    }

    @Test
    void masksEveryFindingInOneText() {
        String text = "card 4539148803436467, phone +34 612 345 678, mail a.b@c.com";
        assertThat(detector.mask(text)).isEqualTo("card **** **** **** 6467, phone +** *** *** 678, mail a***@***.com");
    }

    @Test
    void detectorLimitedToFinancialKindsIgnoresPhones() {
        SensitiveDataDetector financial = SensitiveDataDetector.of(SensitiveDataKind.financial());
        assertThat(financial.find("call 07700 900123")).isEmpty();
        assertThat(financial.containsAny("card 4539148803436467", Set.of(SensitiveDataKind.CARD_NUMBER)))
                .isTrue();
        assertThatThrownBy(() -> SensitiveDataDetector.of(Set.of())).hasMessageContaining("kinds");
    }

    private List<SensitiveDataKind> kinds(String text) {
        return detector.find(text).stream().map(SensitiveFinding::kind).toList();
    }
}
