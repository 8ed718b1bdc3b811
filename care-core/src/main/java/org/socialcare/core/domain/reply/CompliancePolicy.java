package org.socialcare.core.domain.reply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.sensitive.SensitiveFinding;
import org.socialcare.core.domain.text.NormalizedText;
import org.socialcare.core.domain.text.PhraseSet;
import org.socialcare.core.error.ComplianceViolationException;
import org.socialcare.core.error.ComplianceViolationException.Rule;
import org.socialcare.core.port.out.TextLimits;

/**
 * The checks every reply passes before it is queued, in this order:
 * <ol>
 *   <li>{@link Rule#SENSITIVE_DATA_IN_PUBLIC}: a public reply must not contain data of the blocked kinds
 *       (default: card numbers, IBANs, sort code with account; a bank's own phone number or e-mail address in
 *       a public reply is fine);
 *   <li>{@link Rule#BANNED_PHRASE}: no reply, public or private, may contain a banned phrase ("send us your
 *       card number", "your PIN", "CVV"), except after a configured negation ("never", "nunca") in the same
 *       clause: "we will never ask for your PIN or your full card number" is allowed, "never mind, send us your
 *       PIN" is not (clauses end at {@code . , ; : ! ?} and line breaks);
 *   <li>required {@link Disclosure}s are added at the end;
 *   <li>{@link Rule#TOO_LONG}: the final text must fit the platform's {@link TextLimits};
 *   <li>four-eyes approval is demanded when the conversation carries an approval risk flag (default
 *       LEGAL_THREAT and REGULATOR), the channel or its kind requires it, or the text mentions an approval
 *       phrase (default: goodwill and compensation payments).
 * </ol>
 * Violations throw {@link ComplianceViolationException} naming the rule and never repeating sensitive data.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompliancePolicy {
    private static final List<String> DEFAULT_BANNED = List.of(
            "send us your card number",
            "send your card number",
            "dm us your card number",
            "dm your card number",
            "your full card number",
            "full card number",
            "your long card number",
            "send us your card details",
            "dm us your card details",
            "confirm your card details",
            "card number and expiry",
            "cvv",
            "cvc",
            "security code on the back",
            "your pin",
            "pin number",
            "your password",
            "your passcode",
            "one time passcode",
            "your online banking password",
            "your memorable word",
            "tu numero de tarjeta",
            "su numero de tarjeta",
            "numero completo de la tarjeta",
            "tu pin",
            "su pin",
            "tu contrasena",
            "su contrasena",
            "codigo de seguridad",
            "clave de acceso",
            "clave de firma");
    private static final List<String> DEFAULT_NEGATIONS = List.of("never", "nunca", "jamas");
    private static final List<String> DEFAULT_APPROVAL_PHRASES = List.of(
            "goodwill payment",
            "goodwill gesture",
            "compensation payment",
            "compensate you",
            "pago de cortesia",
            "compensacion economica");

    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile("[.,;:!?\u00a1\u00bf\\n]+");

    private final SensitiveDataDetector detector;
    private final Set<SensitiveDataKind> publicBlockedKinds;
    private final PhraseSet banned;
    private final PhraseSet negations;
    private final List<Disclosure> disclosures;
    private final Set<RiskFlag> approvalFlags;
    private final Set<ChannelId> approvalChannels;
    private final Set<ChannelKind> approvalChannelKinds;
    private final PhraseSet approvalPhrases;

    private CompliancePolicy(Builder b) {
        detector = b.detector;
        publicBlockedKinds = Set.copyOf(b.publicBlockedKinds);
        banned = b.banned;
        negations = b.negations;
        disclosures = List.copyOf(b.disclosures);
        approvalFlags = Set.copyOf(b.approvalFlags);
        approvalChannels = Set.copyOf(b.approvalChannels);
        approvalChannelKinds = Set.copyOf(b.approvalChannelKinds);
        approvalPhrases = b.approvalPhrases;
    }

    /** The defaults described above: English and Spanish banned phrases, no disclosures, no approval channels. */
    public static CompliancePolicy ofDefaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reviews a draft.
     *
     * @param limits the platform's text limits for the draft's channel
     * @return the text to publish and any approval reasons
     * @throws ComplianceViolationException naming the broken rule
     */
    public ComplianceReview review(ReplyDraft draft, TextLimits limits) {
        Checks.notNull(draft, "draft");
        Checks.notNull(limits, "limits");
        ReplyKind kind = draft.kind();
        String text = draft.text();
        if (kind.visibility() == Visibility.PUBLIC) {
            for (SensitiveFinding f : detector.find(text)) {
                if (publicBlockedKinds.contains(f.kind())) {
                    throw new ComplianceViolationException(
                            Rule.SENSITIVE_DATA_IN_PUBLIC,
                            "a " + kind + " must not contain a " + f.kind() + " (characters " + f.start() + "-"
                                    + f.end() + "); remove it, or send it in a private message");
                }
            }
        }
        NormalizedText words = NormalizedText.of(text);
        List<String> bannedFound = bannedIn(text);
        if (!bannedFound.isEmpty()) {
            throw new ComplianceViolationException(
                    Rule.BANNED_PHRASE,
                    "a " + kind + " must not contain the banned phrase '" + bannedFound.get(0)
                            + "'; never ask customers for card numbers, PINs or passwords");
        }
        StringBuilder out = new StringBuilder(text);
        List<String> added = new ArrayList<>();
        for (Disclosure d : disclosures) {
            if (d.appliesTo(draft.channel(), kind)
                    && (d.triggers().isEmpty() || d.triggers().matchesAny(words))
                    && !NormalizedText.fold(text).contains(NormalizedText.fold(d.text()))) {
                out.append(' ').append(d.text());
                added.add(d.id());
            }
        }
        String finalText = out.toString();
        if (kind.carriesText()) {
            int length = limits.length(finalText);
            int max = limits.maxLength(kind);
            if (length > max) {
                throw new ComplianceViolationException(
                        Rule.TOO_LONG,
                        "a " + kind + " on " + limits.platform() + " may be " + max + " long but this one is " + length
                                + (added.isEmpty() ? "" : " with disclosures " + added) + "; shorten it");
            }
        }
        return new ComplianceReview(finalText, approvalReasons(draft, words), added);
    }

    private List<String> bannedIn(String text) {
        List<String> found = new ArrayList<>();
        for (String clause : CLAUSE.split(text)) {
            NormalizedText words = NormalizedText.of(clause);
            int firstNegation = Integer.MAX_VALUE;
            for (PhraseSet.Match m : negations.occurrencesIn(words)) {
                firstNegation = Math.min(firstNegation, m.startToken());
            }
            for (PhraseSet.Match m : banned.occurrencesIn(words)) {
                if (m.startToken() < firstNegation && !found.contains(m.phrase())) {
                    found.add(m.phrase());
                }
            }
        }
        return found;
    }

    private List<String> approvalReasons(ReplyDraft draft, NormalizedText words) {
        List<String> reasons = new ArrayList<>();
        for (RiskFlag f : EnumSet.allOf(RiskFlag.class)) {
            if (approvalFlags.contains(f) && draft.conversationFlags().contains(f)) {
                reasons.add("conversation is flagged " + f);
            }
        }
        if (approvalChannels.contains(draft.channel().id())) {
            reasons.add("channel " + draft.channel().id() + " requires approval");
        }
        if (approvalChannelKinds.contains(draft.channel().kind())) {
            reasons.add(draft.channel().kind() + " channels require approval");
        }
        for (String phrase : approvalPhrases.matchesIn(words)) {
            reasons.add("mentions '" + phrase + "'");
        }
        return reasons;
    }

    public SensitiveDataDetector detector() {
        return detector;
    }

    public Set<SensitiveDataKind> publicBlockedKinds() {
        return publicBlockedKinds;
    }

    public PhraseSet bannedPhrases() {
        return banned;
    }

    public List<Disclosure> disclosures() {
        return disclosures;
    }

    public Set<RiskFlag> approvalFlags() {
        return approvalFlags;
    }

    @Override
    public String toString() {
        return "CompliancePolicy[blocked in public " + publicBlockedKinds + ", " + banned.size() + " banned phrases, "
                + disclosures.size() + " disclosures, approval for " + approvalFlags + " " + approvalChannels + " "
                + approvalChannelKinds + "]";
    }

    /** Builds a {@link CompliancePolicy} from the defaults; setters replace a setting and validate it. Not thread-safe. */
    public static final class Builder {
        private SensitiveDataDetector detector = SensitiveDataDetector.ofDefaults();
        private Set<SensitiveDataKind> publicBlockedKinds = SensitiveDataKind.financial();
        private PhraseSet banned = PhraseSet.of(DEFAULT_BANNED);
        private PhraseSet negations = PhraseSet.of(DEFAULT_NEGATIONS);
        private final List<Disclosure> disclosures = new ArrayList<>();
        private Set<RiskFlag> approvalFlags = EnumSet.of(RiskFlag.LEGAL_THREAT, RiskFlag.REGULATOR);
        private final Set<ChannelId> approvalChannels = new HashSet<>();
        private final Set<ChannelKind> approvalChannelKinds = EnumSet.noneOf(ChannelKind.class);
        private PhraseSet approvalPhrases = PhraseSet.of(DEFAULT_APPROVAL_PHRASES);

        private Builder() {}

        public Builder detector(SensitiveDataDetector value) {
            detector = Checks.notNull(value, "detector");
            return this;
        }

        /** Kinds a public reply must not contain; may be empty (not recommended). */
        public Builder publicBlockedKinds(Set<SensitiveDataKind> kinds) {
            Checks.notNull(kinds, "publicBlockedKinds");
            publicBlockedKinds = kinds.isEmpty() ? EnumSet.noneOf(SensitiveDataKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        /** Replaces the banned phrases. */
        public Builder bannedPhrases(List<String> phrases) {
            banned = PhraseSet.of(phrases);
            return this;
        }

        /** Adds banned phrases to the current ones. */
        public Builder banPhrases(String... phrases) {
            banned = banned.plus(PhraseSet.of(phrases));
            return this;
        }

        /** Words that, up to three words before a banned phrase, make it a safe statement ("never"). */
        public Builder negations(List<String> words) {
            negations = PhraseSet.of(words);
            return this;
        }

        public Builder disclosure(Disclosure value) {
            Checks.notNull(value, "disclosure");
            if (disclosures.stream().anyMatch(d -> d.id().equals(value.id()))) {
                throw new IllegalArgumentException("disclosure id '" + value.id() + "' is configured twice");
            }
            disclosures.add(value);
            return this;
        }

        /** Replies in conversations carrying one of these flags need approval; may be empty. */
        public Builder approvalFlags(Set<RiskFlag> flags) {
            Checks.notNull(flags, "approvalFlags");
            approvalFlags = flags.isEmpty() ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(flags);
            return this;
        }

        /** Every reply on this channel needs approval (e.g. the main brand account). */
        public Builder approvalChannel(ChannelId channel) {
            approvalChannels.add(Checks.notNull(channel, "channel"));
            return this;
        }

        /** Every reply on channels of this kind needs approval. */
        public Builder approvalChannelKind(ChannelKind kind) {
            approvalChannelKinds.add(Checks.notNull(kind, "kind"));
            return this;
        }

        /** Replaces the phrases whose mention needs approval. */
        public Builder approvalPhrases(List<String> phrases) {
            approvalPhrases = PhraseSet.of(phrases);
            return this;
        }

        public CompliancePolicy build() {
            return new CompliancePolicy(this);
        }
    }
}
