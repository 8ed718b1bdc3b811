package org.socialcare.core.domain.moderation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.sensitive.SensitiveFinding;
import org.socialcare.core.domain.text.ClasspathText;
import org.socialcare.core.domain.text.NormalizedText;
import org.socialcare.core.domain.text.PhraseSet;
import org.socialcare.core.domain.triage.TriageResult;

/**
 * Decides whether a public comment on the bank's page is hidden, following posted community guidelines:
 * <ol>
 *   <li>{@link ModerationReason#SENSITIVE_DATA}: the comment shows data of the configured kinds (default card
 *       numbers, IBANs, sort code with account, phone numbers); hidden to protect the customer, with
 *       {@code suggestPrivate} so the desk invites them to a private channel;
 *   <li>{@link ModerationReason#ABUSE}: an abuse phrase (insults and slurs aimed at people, threats) occurs;
 *   <li>{@link ModerationReason#SPAM}: a scam pattern occurs ("recover your funds", "whatsapp me"), or triage
 *       classified the comment SPAM and it links to a domain outside the allowed list.
 * </ol>
 * Everything else is kept, however harsh: "Worst bank ever, 3 weeks and still no refund. Shameful." stays
 * visible. Criticism words are deliberately not in the default abuse list, and no rule looks at sentiment.
 * Private messages are never moderated.
 *
 * <p>The policy is platform-agnostic: it only decides. Whether the decision can be carried out (Facebook pages
 * can hide comments; the desk's Twitter publisher cannot hide replies) is the desk's concern.
 *
 * <p>{@link #ofDefaults()} loads {@code org/socialcare/core/domain/moderation/moderation.properties} (keys
 * {@code abuse}, {@code scam}, {@code allowed.domains}). Immutable and thread-safe.
 */
public final class ModerationPolicy {
    /** The platforms a desk moderates by default: those whose pages can hide comments (Facebook). */
    public static final Set<Platform> DEFAULT_PLATFORMS = Set.of(Platform.FACEBOOK);

    private static final String RESOURCE = "/org/socialcare/core/domain/moderation/moderation.properties";
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([a-z0-9.-]+)");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final PhraseSet abuse;
    private final PhraseSet scam;
    private final Set<String> allowedDomains;
    private final Set<SensitiveDataKind> hiddenKinds;

    private ModerationPolicy(Builder b) {
        abuse = b.abuse;
        scam = b.scam;
        allowedDomains = Set.copyOf(b.allowedDomains);
        hiddenKinds = Set.copyOf(b.hiddenKinds);
    }

    private static final class Defaults {
        static final ModerationPolicy INSTANCE = loadDefaults();

        private static ModerationPolicy loadDefaults() {
            return ClasspathText.read(ModerationPolicy.class, RESOURCE, "moderation rules", r -> load(r, RESOURCE)
                    .build());
        }
    }

    /** The shipped English and Spanish abuse and scam lists, no allowed domains, financial data and phones hidden. */
    public static ModerationPolicy ofDefaults() {
        return Defaults.INSTANCE;
    }

    /** An empty builder (no phrases), hiding financial data and phone numbers. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.abuse = abuse;
        b.scam = scam;
        b.allowedDomains.addAll(allowedDomains);
        b.hiddenKinds = EnumSet.copyOf(hiddenKinds.isEmpty() ? EnumSet.noneOf(SensitiveDataKind.class) : hiddenKinds);
        return b;
    }

    /**
     * Reads rules in properties format into a builder.
     *
     * @throws IllegalArgumentException naming {@code source} and the key for unknown keys or bad values
     */
    public static Builder load(Reader reader, String source) {
        Checks.notNull(reader, "reader");
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read moderation rules from " + source, e);
        }
        Builder b = builder();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            List<String> values = new ArrayList<>();
            for (String v : p.getProperty(key).split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
            try {
                switch (key) {
                    case "abuse" -> b.abuse(values);
                    case "scam" -> b.scam(values);
                    case "allowed.domains" -> values.forEach(b::allowDomain);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown key '" + key + "'; keys are abuse, scam, allowed.domains");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("moderation rules " + source + ": " + e.getMessage(), e);
            }
        }
        return b;
    }

    /**
     * The decision for a comment with this text, visibility and triage result (whose sensitive data findings
     * and category are used).
     */
    public ModerationDecision decide(String text, Visibility visibility, TriageResult triage) {
        Checks.notNull(text, "text");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(triage, "triage");
        if (visibility != Visibility.PUBLIC) {
            return ModerationDecision.keep();
        }
        Set<SensitiveDataKind> shown = new LinkedHashSet<>();
        for (SensitiveFinding f : triage.sensitiveData()) {
            if (hiddenKinds.contains(f.kind())) {
                shown.add(f.kind());
            }
        }
        if (!shown.isEmpty()) {
            return ModerationDecision.hide(
                    ModerationReason.SENSITIVE_DATA, "the comment shows " + shown + " in public", true);
        }
        NormalizedText words = NormalizedText.of(text);
        List<String> abusive = abuse.matchesIn(words);
        if (!abusive.isEmpty()) {
            return ModerationDecision.hide(ModerationReason.ABUSE, "abuse list matched " + abusive, false);
        }
        List<String> scams = scam.matchesIn(words);
        if (!scams.isEmpty()) {
            return ModerationDecision.hide(ModerationReason.SPAM, "scam pattern matched " + scams, false);
        }
        if (triage.category() == Category.SPAM) {
            List<String> unknown = unknownDomains(text);
            if (!unknown.isEmpty()) {
                return ModerationDecision.hide(
                        ModerationReason.SPAM, "spam linking to unknown domains " + unknown, false);
            }
        }
        return ModerationDecision.keep();
    }

    /** Domains linked from {@code text} that are not allowed (nor subdomains of allowed ones), lower case. */
    public List<String> unknownDomains(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            if (!isAllowed(host) && !out.contains(host)) {
                out.add(host);
            }
        }
        return out;
    }

    private boolean isAllowed(String host) {
        for (String d : allowedDomains) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ModerationPolicy[" + abuse.size() + " abuse phrases, " + scam.size() + " scam patterns, allowed "
                + new TreeSet<>(allowedDomains) + ", hides " + hiddenKinds + "]";
    }

    /** Builds a {@link ModerationPolicy}; validates eagerly and names the bad value. Not thread-safe. */
    public static final class Builder {
        private PhraseSet abuse = PhraseSet.empty();
        private PhraseSet scam = PhraseSet.empty();
        private final Set<String> allowedDomains = new LinkedHashSet<>();
        private Set<SensitiveDataKind> hiddenKinds = EnumSet.of(
                SensitiveDataKind.CARD_NUMBER,
                SensitiveDataKind.IBAN,
                SensitiveDataKind.SORT_CODE_ACCOUNT,
                SensitiveDataKind.PHONE);

        private Builder() {}

        /** Replaces the abuse phrases (insults, slurs, threats). Never put criticism here. */
        public Builder abuse(List<String> phrases) {
            abuse = PhraseSet.of(phrases);
            return this;
        }

        /** Adds abuse phrases to the current ones. */
        public Builder addAbuse(String... phrases) {
            abuse = abuse.plus(PhraseSet.of(phrases));
            return this;
        }

        /** Replaces the scam patterns. */
        public Builder scam(List<String> phrases) {
            scam = PhraseSet.of(phrases);
            return this;
        }

        /**
         * A domain whose links (and subdomains' links) are never a spam signal, e.g. the bank's own.
         *
         * @throws IllegalArgumentException if {@code domain} is not a host name such as {@code mybank.com}
         */
        public Builder allowDomain(String domain) {
            Checks.notBlank(domain, "domain");
            String d = domain.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(d).matches()) {
                throw new IllegalArgumentException(
                        "allowed domain must be a host name such as mybank.com but was '" + domain + "'");
            }
            allowedDomains.add(d);
            return this;
        }

        /** Sensitive data kinds that get a comment hidden; may be empty. */
        public Builder hiddenKinds(Set<SensitiveDataKind> kinds) {
            Checks.notNull(kinds, "hiddenKinds");
            hiddenKinds = kinds.isEmpty() ? EnumSet.noneOf(SensitiveDataKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        public ModerationPolicy build() {
            return new ModerationPolicy(this);
        }
    }
}
