package org.socialcare.core.domain.triage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;

/**
 * The configuration of {@link Triage}: language rules, the default language, influence thresholds, sentiment
 * thresholds and the priority each finding suggests.
 *
 * <p>{@link #ofDefaults()}: English and Spanish shipped rules, default language {@code en},
 * {@link InfluenceThresholds#ofDefaults()}, sentiment NEGATIVE at a score of -0.25 or below and POSITIVE at
 * 0.25 or above, risk priorities FRAUD, ACCOUNT_SECURITY and SENSITIVE_DATA_PUBLIC URGENT, the other flags
 * HIGH; an unhappy customer (complaint or negative message) who is an INFLUENCER gets HIGH, HIGH_PROFILE gets
 * URGENT; card numbers, IBANs, sort code with account and phone numbers in a PUBLIC message raise
 * SENSITIVE_DATA_PUBLIC (an e-mail address alone does not: customers share them to be contacted).
 *
 * <p>Immutable and thread-safe; change with {@link #toBuilder()}.
 */
public final class TriageConfig {
    public static final double DEFAULT_NEGATIVE_THRESHOLD = -0.25;
    public static final double DEFAULT_POSITIVE_THRESHOLD = 0.25;

    private final Map<String, LanguageRules> languages;
    private final String defaultLanguage;
    private final InfluenceThresholds influence;
    private final double negativeThreshold;
    private final double positiveThreshold;
    private final Map<RiskFlag, Priority> riskPriorities;
    private final Map<InfluenceTier, Priority> unhappyInfluencePriorities;
    private final Set<SensitiveDataKind> publicSensitiveKinds;

    private TriageConfig(Builder b) {
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(b.languages));
        defaultLanguage = b.defaultLanguage;
        influence = b.influence;
        negativeThreshold = b.negativeThreshold;
        positiveThreshold = b.positiveThreshold;
        riskPriorities = Collections.unmodifiableMap(new EnumMap<>(b.riskPriorities));
        unhappyInfluencePriorities = Collections.unmodifiableMap(new EnumMap<>(b.influencePriorities));
        publicSensitiveKinds = Collections.unmodifiableSet(EnumSet.copyOf(b.publicSensitiveKinds));
    }

    private static final class Defaults {
        static final TriageConfig INSTANCE = builder()
                .language(LanguageRules.english())
                .language(LanguageRules.spanish())
                .build();
    }

    /** English and Spanish rules with the defaults described above. */
    public static TriageConfig ofDefaults() {
        return Defaults.INSTANCE;
    }

    /** A builder with the default thresholds and priorities and no languages yet. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.languages.putAll(languages);
        b.defaultLanguage = defaultLanguage;
        b.influence = influence;
        b.negativeThreshold = negativeThreshold;
        b.positiveThreshold = positiveThreshold;
        b.riskPriorities.putAll(riskPriorities);
        b.influencePriorities.clear();
        b.influencePriorities.putAll(unhappyInfluencePriorities);
        b.publicSensitiveKinds = EnumSet.copyOf(publicSensitiveKinds);
        return b;
    }

    /** The configured languages' rules by tag, in configuration order. */
    public Map<String, LanguageRules> languages() {
        return languages;
    }

    /**
     * The rules for a BCP 47 tag: an exact match, else its primary language ("en-GB" uses "en").
     */
    public Optional<LanguageRules> rulesFor(String tag) {
        LanguageRules exact = languages.get(tag);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dash = tag.indexOf('-');
        return dash > 0
                ? Optional.ofNullable(languages.get(tag.substring(0, dash).toLowerCase(Locale.ROOT)))
                : Optional.ofNullable(languages.get(tag.toLowerCase(Locale.ROOT)));
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public LanguageRules defaultRules() {
        return languages.get(defaultLanguage);
    }

    public InfluenceThresholds influence() {
        return influence;
    }

    public double negativeThreshold() {
        return negativeThreshold;
    }

    public double positiveThreshold() {
        return positiveThreshold;
    }

    /** The priority a risk flag suggests; flags without an entry suggest nothing. */
    public Map<RiskFlag, Priority> riskPriorities() {
        return riskPriorities;
    }

    /** The priority an unhappy (complaining or negative) customer of each tier suggests. */
    public Map<InfluenceTier, Priority> unhappyInfluencePriorities() {
        return unhappyInfluencePriorities;
    }

    /** Kinds that raise {@link RiskFlag#SENSITIVE_DATA_PUBLIC} when found in a PUBLIC message. */
    public Set<SensitiveDataKind> publicSensitiveKinds() {
        return publicSensitiveKinds;
    }

    @Override
    public String toString() {
        return "TriageConfig[languages=" + languages.keySet() + ", default=" + defaultLanguage + ", " + influence + "]";
    }

    /** Builds a {@link TriageConfig}; setters validate eagerly and name the setting. Not thread-safe. */
    public static final class Builder {
        private final Map<String, LanguageRules> languages = new LinkedHashMap<>();
        private String defaultLanguage;
        private InfluenceThresholds influence = InfluenceThresholds.ofDefaults();
        private double negativeThreshold = DEFAULT_NEGATIVE_THRESHOLD;
        private double positiveThreshold = DEFAULT_POSITIVE_THRESHOLD;
        private final Map<RiskFlag, Priority> riskPriorities = new EnumMap<>(RiskFlag.class);
        private final Map<InfluenceTier, Priority> influencePriorities = new EnumMap<>(InfluenceTier.class);
        private Set<SensitiveDataKind> publicSensitiveKinds = EnumSet.of(
                SensitiveDataKind.CARD_NUMBER,
                SensitiveDataKind.IBAN,
                SensitiveDataKind.SORT_CODE_ACCOUNT,
                SensitiveDataKind.PHONE);

        private Builder() {
            for (RiskFlag f : RiskFlag.values()) {
                riskPriorities.put(f, Priority.HIGH);
            }
            riskPriorities.put(RiskFlag.FRAUD, Priority.URGENT);
            riskPriorities.put(RiskFlag.ACCOUNT_SECURITY, Priority.URGENT);
            riskPriorities.put(RiskFlag.SENSITIVE_DATA_PUBLIC, Priority.URGENT);
            influencePriorities.put(InfluenceTier.INFLUENCER, Priority.HIGH);
            influencePriorities.put(InfluenceTier.HIGH_PROFILE, Priority.URGENT);
        }

        /** Adds (or replaces) the rules of one language. The first language added is the default unless set. */
        public Builder language(LanguageRules rules) {
            Checks.notNull(rules, "rules");
            languages.put(rules.language(), rules);
            if (defaultLanguage == null) {
                defaultLanguage = rules.language();
            }
            return this;
        }

        /** The language whose rules apply when a message's language is unknown and cannot be detected. */
        public Builder defaultLanguage(String tag) {
            defaultLanguage = Checks.notBlank(tag, "defaultLanguage");
            return this;
        }

        public Builder influence(InfluenceThresholds value) {
            influence = Checks.notNull(value, "influence");
            return this;
        }

        /**
         * Scores at or below {@code negative} read NEGATIVE, at or above {@code positive} POSITIVE.
         *
         * @throws IllegalArgumentException unless {@code -1 <= negative < 0 < positive <= 1}
         */
        public Builder sentimentThresholds(double negative, double positive) {
            if (!(negative >= -1 && negative < 0 && positive > 0 && positive <= 1)) {
                throw new IllegalArgumentException(
                        "sentiment thresholds must satisfy -1 <= negative < 0 < positive <= 1 but were negative="
                                + negative + ", positive=" + positive);
            }
            negativeThreshold = negative;
            positiveThreshold = positive;
            return this;
        }

        /** The priority {@code flag} suggests. */
        public Builder riskPriority(RiskFlag flag, Priority priority) {
            riskPriorities.put(Checks.notNull(flag, "flag"), Checks.notNull(priority, "priority"));
            return this;
        }

        /** The priority an unhappy customer of {@code tier} suggests. */
        public Builder unhappyInfluencePriority(InfluenceTier tier, Priority priority) {
            influencePriorities.put(Checks.notNull(tier, "tier"), Checks.notNull(priority, "priority"));
            return this;
        }

        /**
         * Kinds that raise {@link RiskFlag#SENSITIVE_DATA_PUBLIC} in PUBLIC messages; may be empty to never raise it.
         */
        public Builder publicSensitiveKinds(Set<SensitiveDataKind> kinds) {
            Checks.notNull(kinds, "publicSensitiveKinds");
            publicSensitiveKinds = kinds.isEmpty() ? EnumSet.noneOf(SensitiveDataKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        /**
         * @throws IllegalStateException when no language is configured or the default language has no rules
         */
        public TriageConfig build() {
            if (languages.isEmpty()) {
                throw new IllegalStateException(
                        "triage needs the rules of at least one language; add them with language(...)");
            }
            if (!languages.containsKey(defaultLanguage)) {
                throw new IllegalStateException("defaultLanguage '" + defaultLanguage
                        + "' has no rules; configured languages are " + languages.keySet());
            }
            return new TriageConfig(this);
        }
    }
}
