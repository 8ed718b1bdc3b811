package org.socialcare.core.domain.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;

/**
 * Finds sensitive data in free text and masks it.
 *
 * <p>What it finds ({@link SensitiveDataKind}):
 * <ul>
 *   <li>card numbers: 13 to 19 digits, optionally separated by single spaces or dashes in any grouping
 *       ({@code 4111 1111 1111 1111}, {@code 4111-1111-1111-1111}, {@code 3782 822463 10005}), not glued to
 *       other letters or digits, starting with 2 to 6 (a payment brand's major industry identifier) and
 *       passing {@link Luhn}; a run of 13 to 19 digits is a card or nothing (one
 *       mistyped digit is not a card), a longer run (a card followed by its expiry, two cards in a row) is
 *       searched for Luhn-valid spans that start and end at group boundaries;
 *   <li>IBANs: two letters, two check digits and the rest, with single spaces or dashes allowed, exactly as
 *       long as the country's IBAN and passing mod-97 ({@link Iban}), in upper or lower case;
 *   <li>UK sort code ({@code 12-34-56}, {@code 12 34 56} or {@code 123456}) and an 8-digit account number
 *       within 25 non-digit characters of each other, in either order;
 *   <li>e-mail addresses;
 *   <li>phone numbers: with a {@code +} country code, 8 to 15 digits; without one, 9 to 11 digits that start
 *       with 0 or are written in groups ({@code 0345 600 0000}, {@code 612 345 678}). Dates, amounts and
 *       short reference numbers are not phones.
 * </ul>
 * Findings never overlap: where two kinds claim the same characters the earlier kind in the list above wins
 * (an IBAN's digits are not also a card number).
 *
 * <p>Masked forms show at most the last four digits: {@code **** **** **** 1234}, {@code GB** **** **** 5432},
 * {@code **-**-** ****5678}, {@code +** **** ***123}, {@code j***@***.com}. Neither findings nor errors ever
 * contain the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public final class SensitiveDataDetector {
    private static final SensitiveDataDetector DEFAULTS =
            new SensitiveDataDetector(EnumSet.allOf(SensitiveDataKind.class));

    /** A run of digit groups joined by single spaces or dashes, not glued to letters or digits. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[ -]\\d+)*(?![\\p{L}\\p{N}])");

    private static final Pattern GROUP = Pattern.compile("\\d+");
    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}");
    private static final String SORT = "(?:\\d{2}[- ]\\d{2}[- ]\\d{2}|\\d{6})";
    private static final Pattern SORT_ACCOUNT = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:(" + SORT
            + ")[^\\d\\n]{1,25}?(\\d{8})|(\\d{8})[^\\d\\n]{1,25}?(" + SORT + "))(?![\\p{L}\\p{N}])");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![\\p{L}\\p{N}])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{2,11}(?:[ .-]\\d{2,11}){0,5}(?![\\p{L}\\p{N}])");

    private final Set<SensitiveDataKind> kinds;

    private SensitiveDataDetector(Set<SensitiveDataKind> kinds) {
        this.kinds = kinds;
    }

    /** Detects every kind. */
    public static SensitiveDataDetector ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Detects only {@code kinds}.
     *
     * @throws IllegalArgumentException if {@code kinds} is empty
     */
    public static SensitiveDataDetector of(Set<SensitiveDataKind> kinds) {
        Checks.notNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one SensitiveDataKind");
        }
        return new SensitiveDataDetector(EnumSet.copyOf(kinds));
    }

    /** The kinds this detector looks for. */
    public Set<SensitiveDataKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /**
     * Every finding in {@code text}, ordered by position; empty when there is none. A text with fewer than two
     * ASCII digits and no '@' cannot hold any kind (every pattern needs two digits or an '@'): it is answered
     * without running the patterns.
     */
    public List<SensitiveFinding> find(String text) {
        Checks.notNull(text, "text");
        int digits = 0;
        boolean at = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            }
        }
        return digits >= 2 || at ? scan(text, digits, at) : List.of();
    }

    /** The cheap pre-check: at least two ASCII digits or an '@'. */
    static boolean mayHoldAny(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || (c >= '0' && c <= '9' && ++digits >= 2)) {
                return true;
            }
        }
        return false;
    }

    /** Every pattern over the whole text. */
    List<SensitiveFinding> scan(String text) {
        return scan(text, Integer.MAX_VALUE, true);
    }

    /**
     * The patterns that can match a text with this many ASCII digits ({@code \d} is ASCII here) and an '@' or
     * not: a card needs 13 digits, a sort code and account 14, an e-mail address an '@'; a message without them
     * (most) allocates no matcher for those kinds.
     */
    private List<SensitiveFinding> scan(String text, int digits, boolean at) {
        List<SensitiveFinding> found = new ArrayList<>();
        if (kinds.contains(SensitiveDataKind.IBAN) && digits >= 2) {
            findIbans(text, found);
        }
        if (kinds.contains(SensitiveDataKind.CARD_NUMBER) && digits >= 13) {
            findCards(text, found);
        }
        if (kinds.contains(SensitiveDataKind.SORT_CODE_ACCOUNT) && digits >= 14) {
            findSortCodeAccounts(text, found);
        }
        if (kinds.contains(SensitiveDataKind.EMAIL) && at) {
            findEmails(text, found);
        }
        if (kinds.contains(SensitiveDataKind.PHONE) && digits >= 2) {
            findPhones(text, found);
        }
        found.sort(Comparator.comparingInt(SensitiveFinding::start));
        return List.copyOf(found);
    }

    /** True if {@code text} holds any finding of one of {@code ofKinds}. */
    public boolean containsAny(String text, Set<SensitiveDataKind> ofKinds) {
        return find(text).stream().anyMatch(f -> ofKinds.contains(f.kind()));
    }

    /** {@code text} with every finding replaced by its masked form; safe for logs and audit lines. */
    public String mask(String text) {
        List<SensitiveFinding> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SensitiveFinding f : found) {
            out.append(text, at, f.start()).append(f.masked());
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    // ---------------------------------------------------------------- kinds

    private static void findIbans(String text, List<SensitiveFinding> found) {
        Matcher m = IBAN_START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            String country = text.substring(start, start + 2).toUpperCase(Locale.ROOT);
            Optional<Integer> length = Iban.length(country);
            int end = length.map(l -> ibanEnd(text, start, l)).orElse(-1);
            if (end > 0) {
                String compact = compact(text.substring(start, end)).toUpperCase(Locale.ROOT);
                if (Iban.isValid(compact)) {
                    add(found, new SensitiveFinding(SensitiveDataKind.IBAN, start, end, maskIban(compact)));
                    from = end;
                    continue;
                }
            }
            from = start + 1;
        }
    }

    /** End of an IBAN of {@code length} characters from {@code start}, or -1 if the text does not hold one. */
    private static int ibanEnd(String text, int start, int length) {
        int count = 0;
        int i = start;
        while (i < text.length() && count < length) {
            char c = text.charAt(i);
            if (isAsciiAlnum(c)) {
                count++;
                i++;
            } else if ((c == ' ' || c == '-')
                    && count >= 2
                    && i + 1 < text.length()
                    && isAsciiAlnum(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (count != length) {
            return -1;
        }
        if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            return -1; // glued to more characters: not this IBAN
        }
        return i;
    }

    /**
     * A digit run of 13 to 19 digits is a card exactly when it passes Luhn. A longer run (a card followed by
     * its expiry, two cards in a row) is searched for spans that start and end at group boundaries: from each
     * group the longest Luhn-valid span of 13 to 19 digits wins and the search continues after it.
     */
    private static void findCards(String text, List<SensitiveFinding> found) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            List<int[]> groups = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            Matcher g = GROUP.matcher(text).region(run.start(), run.end());
            while (g.find()) {
                groups.add(new int[] {g.start(), g.end()});
                all.append(g.group());
            }
            if (all.length() < 13) {
                continue;
            }
            if (all.length() <= 19) {
                if (paymentCard(all)) {
                    add(
                            found,
                            new SensitiveFinding(
                                    SensitiveDataKind.CARD_NUMBER, run.start(), run.end(), maskCard(all.toString())));
                }
                continue;
            }
            int i = 0;
            while (i < groups.size()) {
                int next = i + 1;
                StringBuilder digits = new StringBuilder();
                int bestEnd = -1;
                String best = null;
                for (int j = i; j < groups.size() && digits.length() <= 19; j++) {
                    digits.append(text, groups.get(j)[0], groups.get(j)[1]);
                    if (digits.length() >= 13 && digits.length() <= 19 && paymentCard(digits)) {
                        bestEnd = j;
                        best = digits.toString();
                    }
                }
                if (best != null) {
                    add(
                            found,
                            new SensitiveFinding(
                                    SensitiveDataKind.CARD_NUMBER,
                                    groups.get(i)[0],
                                    groups.get(bestEnd)[1],
                                    maskCard(best)));
                    next = bestEnd + 1;
                }
                i = next;
            }
        }
    }

    /**
     * Luhn-valid and issued by a payment brand: major industry identifier 2 to 6 (ISO/IEC 7812: Mastercard 2-series,
     * Amex/JCB/Diners, Visa, Mastercard, Discover/UnionPay/Maestro). Platform ids (tweet and Graph ids start with 1),
     * UUID tails and other Luhn-valid numbers of 13 to 19 digits are not cards.
     */
    private static boolean paymentCard(CharSequence digits) {
        char mii = digits.charAt(0);
        return mii >= '2' && mii <= '6' && Luhn.isValid(digits);
    }

    private static void findSortCodeAccounts(String text, List<SensitiveFinding> found) {
        Matcher m = SORT_ACCOUNT.matcher(text);
        while (m.find()) {
            String account = m.group(2) != null ? m.group(2) : m.group(3);
            add(
                    found,
                    new SensitiveFinding(
                            SensitiveDataKind.SORT_CODE_ACCOUNT,
                            m.start(),
                            m.end(),
                            "**-**-** ****" + account.substring(account.length() - 4)));
        }
    }

    private static void findEmails(String text, List<SensitiveFinding> found) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String email = m.group();
            String tld = email.substring(email.lastIndexOf('.') + 1);
            add(
                    found,
                    new SensitiveFinding(
                            SensitiveDataKind.EMAIL, m.start(), m.end(), email.charAt(0) + "***@***." + tld));
        }
    }

    private static void findPhones(String text, List<SensitiveFinding> found) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String phone = m.group();
            String digits = compact(phone).replaceAll("\\D", "");
            boolean international = phone.startsWith("+");
            boolean grouped = phone.chars().anyMatch(c -> c == ' ' || c == '-' || c == '.' || c == '(');
            boolean ok = international
                    ? digits.length() >= 8 && digits.length() <= 15
                    : digits.length() >= 9
                            && digits.length() <= 11
                            && (digits.charAt(0) == '0' || grouped)
                            && !looksLikeDate(phone);
            if (ok) {
                add(found, new SensitiveFinding(SensitiveDataKind.PHONE, m.start(), m.end(), maskPhone(phone)));
            }
        }
    }

    private static boolean looksLikeDate(String s) {
        return s.matches("\\d{4}[-.]\\d{1,2}[-.]\\d{1,2}.*") || s.matches("\\d{1,2}[-.]\\d{1,2}[-.]\\d{2,4}");
    }

    // ---------------------------------------------------------------- helpers

    private static void add(List<SensitiveFinding> found, SensitiveFinding f) {
        for (SensitiveFinding other : found) {
            if (other.overlaps(f.start(), f.end())) {
                return;
            }
        }
        found.add(f);
    }

    private static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '-') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String last4(String s) {
        return s.substring(Math.max(0, s.length() - 4));
    }

    private static String maskCard(String digits) {
        return "**** **** **** " + last4(digits);
    }

    private static String maskIban(String compact) {
        return compact.substring(0, 2) + "** **** **** " + last4(compact);
    }

    /** Every digit but the last three becomes '*'; the layout stays. */
    private static String maskPhone(String phone) {
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int keep = Math.min(3, digits);
        StringBuilder b = new StringBuilder(phone.length());
        int seen = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                b.append(seen > digits - keep ? c : '*');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "SensitiveDataDetector" + kinds;
    }
}
