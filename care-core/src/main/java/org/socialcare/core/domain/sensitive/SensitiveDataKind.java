package org.socialcare.core.domain.sensitive;

import java.util.EnumSet;
import java.util.Set;

/** What a {@link SensitiveFinding} is. The first three are financial; phone and e-mail are personal data. */
public enum SensitiveDataKind {
    /** A payment card number: 13 to 19 digits, spaces or dashes allowed between them, passing the Luhn check. */
    CARD_NUMBER,
    /** An IBAN: country code, check digits and account, with the country's length and a valid mod-97 check. */
    IBAN,
    /** A UK sort code (12-34-56) with an 8-digit account number next to it, in either order. */
    SORT_CODE_ACCOUNT,
    /** A phone number: international (+44 ...) or national with a leading 0 or grouped digits. */
    PHONE,
    /** An e-mail address. */
    EMAIL;

    /** Card numbers, IBANs and sort code with account: data a bank must never leave visible in public. */
    public static Set<SensitiveDataKind> financial() {
        return EnumSet.of(CARD_NUMBER, IBAN, SORT_CODE_ACCOUNT);
    }

    public boolean isFinancial() {
        return this == CARD_NUMBER || this == IBAN || this == SORT_CODE_ACCOUNT;
    }
}
