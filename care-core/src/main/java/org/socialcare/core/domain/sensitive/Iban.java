package org.socialcare.core.domain.sensitive;

import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * IBAN rules (ISO 13616): the length each country uses and the mod-97 check. The check catches every
 * single-character error. Stateless and thread-safe.
 */
public final class Iban {
    private Iban() {}

    /** Lengths from the SWIFT IBAN registry, by ISO 3166 country code. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    /** The IBAN length of the country (upper-case ISO code), if it uses IBANs. */
    public static Optional<Integer> length(String countryCode) {
        return Optional.ofNullable(LENGTHS.get(Checks.notNull(countryCode, "countryCode")));
    }

    /** The country codes with a known IBAN length. */
    public static java.util.Set<String> countries() {
        return LENGTHS.keySet();
    }

    /**
     * True if {@code iban} (no separators, any case) has its country's length, alphanumeric characters only
     * and a valid mod-97 check.
     */
    public static boolean isValid(String iban) {
        Checks.notNull(iban, "iban");
        String s = iban.toUpperCase(java.util.Locale.ROOT);
        if (s.length() < 5 || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))) {
            return false;
        }
        Optional<Integer> len = length(s.substring(0, 2));
        if (len.isEmpty() || len.get() != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    /**
     * The two check digits for {@code countryCode} and {@code bban} (upper-case letters and digits).
     *
     * @throws IllegalArgumentException if the input holds anything but letters and digits
     */
    public static String checkDigits(String countryCode, String bban) {
        String s = (Checks.notNull(bban, "bban") + Checks.notNull(countryCode, "countryCode") + "00")
                .toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            if (!isAlnum(s.charAt(i))) {
                throw new IllegalArgumentException(
                        "IBAN parts must be letters and digits but had '" + s.charAt(i) + "'");
            }
        }
        int check = 98 - mod97(s);
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** Remainder mod 97 of the number where letters read A=10 ... Z=35. */
    private static int mod97(String s) {
        int r = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                r = (r * 10 + (c - '0')) % 97;
            } else {
                int v = c - 'A' + 10;
                r = (r * 100 + v) % 97;
            }
        }
        return r;
    }
}
