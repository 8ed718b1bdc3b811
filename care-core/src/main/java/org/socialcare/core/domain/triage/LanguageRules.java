package org.socialcare.core.domain.triage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.text.ClasspathText;
import org.socialcare.core.domain.text.PhraseSet;

/**
 * The keyword lists triage uses for one language: words that identify the language, phrases per category,
 * sentiment words (with negators and intensifiers) and phrases per {@link RiskFlag}.
 *
 * <p>Build with {@link #builder(String)} or load a properties file with {@link #load(Reader, String)}; the
 * library ships {@link #english()} and {@link #spanish()} as resources
 * ({@code org/socialcare/core/domain/triage/triage-en.properties}, {@code triage-es.properties}), which also
 * document the format: keys {@code language}, {@code detect.words}, {@code category.complaint},
 * {@code category.question}, {@code category.praise}, {@code category.spam}, {@code sentiment.negative},
 * {@code sentiment.negative.strong}, {@code sentiment.positive}, {@code sentiment.positive.strong},
 * {@code sentiment.negators}, {@code sentiment.intensifiers} and {@code risk.<FLAG>}; values are comma-separated
 * phrases matched as in {@link PhraseSet} (whole words, case and accents folded, trailing {@code *} for stems).
 * {@link RiskFlag#SENSITIVE_DATA_PUBLIC} comes from the sensitive data detector, not from words.
 *
 * <p>Immutable and thread-safe.
 */
public final class LanguageRules {
    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final String RESOURCE_DIR = "/org/socialcare/core/domain/triage/";
    private static final Set<String> KEYS = Set.of(
            "language",
            "detect.words",
            "category.complaint",
            "category.question",
            "category.praise",
            "category.spam",
            "sentiment.negative",
            "sentiment.negative.strong",
            "sentiment.positive",
            "sentiment.positive.strong",
            "sentiment.negators",
            "sentiment.intensifiers");

    private final String language;
    private final PhraseSet detectWords;
    private final PhraseSet complaint;
    private final PhraseSet question;
    private final PhraseSet praise;
    private final PhraseSet spam;
    private final PhraseSet negative;
    private final PhraseSet strongNegative;
    private final PhraseSet positive;
    private final PhraseSet strongPositive;
    private final PhraseSet negators;
    private final PhraseSet intensifiers;
    private final Map<RiskFlag, PhraseSet> risks;

    private LanguageRules(Builder b) {
        language = b.language;
        detectWords = b.detectWords;
        complaint = b.complaint;
        question = b.question;
        praise = b.praise;
        spam = b.spam;
        negative = b.negative;
        strongNegative = b.strongNegative;
        positive = b.positive;
        strongPositive = b.strongPositive;
        negators = b.negators;
        intensifiers = b.intensifiers;
        risks = Map.copyOf(b.risks);
    }

    /** The shipped English rules. */
    public static LanguageRules english() {
        return fromResource(RESOURCE_DIR + "triage-en.properties");
    }

    /** The shipped Spanish rules. */
    public static LanguageRules spanish() {
        return fromResource(RESOURCE_DIR + "triage-es.properties");
    }

    /**
     * Loads rules from a UTF-8 properties resource on the class path.
     *
     * @throws IllegalArgumentException if the resource is missing or invalid, naming it
     */
    public static LanguageRules fromResource(String path) {
        Checks.notBlank(path, "path");
        return ClasspathText.read(LanguageRules.class, path, "triage rules", r -> load(r, path));
    }

    /**
     * Parses rules in properties format from {@code reader} (not closed). {@code source} names the input in errors.
     *
     * @throws IllegalArgumentException naming the source and key for a missing {@code language}, an unknown key
     *     (typos are errors, not silently ignored) or a bad phrase
     */
    public static LanguageRules load(Reader reader, String source) {
        Checks.notNull(reader, "reader");
        Checks.notBlank(source, "source");
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read triage rules from " + source, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "triage rules " + source + " are not valid properties: " + e.getMessage(), e);
        }
        String language = p.getProperty("language");
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException(
                    "triage rules " + source + " must set 'language' (a BCP 47 tag such as en)");
        }
        Builder b;
        try {
            b = builder(language.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("triage rules " + source + ": " + e.getMessage(), e);
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.equals("language")) {
                continue;
            }
            List<String> values = split(p.getProperty(key));
            try {
                if (key.startsWith("risk.")) {
                    b.risk(riskFlag(key), values);
                } else if (KEYS.contains(key)) {
                    b.set(key, values);
                } else {
                    throw new IllegalArgumentException("unknown key '" + key + "'; known keys are "
                            + new TreeSet<>(KEYS) + " and risk.<FLAG> for " + Arrays.toString(RiskFlag.values()));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("triage rules " + source + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    private static RiskFlag riskFlag(String key) {
        String name = key.substring("risk.".length());
        for (RiskFlag flag : RiskFlag.values()) {
            if (flag.name().equals(name)) {
                return flag;
            }
        }
        throw new IllegalArgumentException(
                "unknown risk flag in key '" + key + "'; flags are " + Arrays.toString(RiskFlag.values()));
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** A builder for rules of {@code language} (BCP 47, e.g. "en", "es", "pt-BR"), every list empty. */
    public static Builder builder(String language) {
        return new Builder(language);
    }

    /** A builder starting from these rules, to add or replace lists. */
    public Builder toBuilder() {
        Builder b = new Builder(language);
        b.detectWords = detectWords;
        b.complaint = complaint;
        b.question = question;
        b.praise = praise;
        b.spam = spam;
        b.negative = negative;
        b.strongNegative = strongNegative;
        b.positive = positive;
        b.strongPositive = strongPositive;
        b.negators = negators;
        b.intensifiers = intensifiers;
        b.risks.putAll(risks);
        return b;
    }

    public String language() {
        return language;
    }

    public PhraseSet detectWords() {
        return detectWords;
    }

    public PhraseSet complaint() {
        return complaint;
    }

    public PhraseSet question() {
        return question;
    }

    public PhraseSet praise() {
        return praise;
    }

    public PhraseSet spam() {
        return spam;
    }

    public PhraseSet negative() {
        return negative;
    }

    public PhraseSet strongNegative() {
        return strongNegative;
    }

    public PhraseSet positive() {
        return positive;
    }

    public PhraseSet strongPositive() {
        return strongPositive;
    }

    public PhraseSet negators() {
        return negators;
    }

    public PhraseSet intensifiers() {
        return intensifiers;
    }

    /** The phrases of one risk flag; empty when none are configured. */
    public PhraseSet risk(RiskFlag flag) {
        return risks.getOrDefault(flag, PhraseSet.empty());
    }

    @Override
    public String toString() {
        return "LanguageRules[" + language + ", " + risks.size() + " risk lists]";
    }

    /** Builds {@link LanguageRules}; each setter replaces a list and validates its phrases. Not thread-safe. */
    public static final class Builder {
        private final String language;
        private PhraseSet detectWords = PhraseSet.empty();
        private PhraseSet complaint = PhraseSet.empty();
        private PhraseSet question = PhraseSet.empty();
        private PhraseSet praise = PhraseSet.empty();
        private PhraseSet spam = PhraseSet.empty();
        private PhraseSet negative = PhraseSet.empty();
        private PhraseSet strongNegative = PhraseSet.empty();
        private PhraseSet positive = PhraseSet.empty();
        private PhraseSet strongPositive = PhraseSet.empty();
        private PhraseSet negators = PhraseSet.empty();
        private PhraseSet intensifiers = PhraseSet.empty();
        private final Map<RiskFlag, PhraseSet> risks = new EnumMap<>(RiskFlag.class);

        private Builder(String language) {
            Checks.notBlank(language, "language");
            if (!TAG.matcher(language).matches()) {
                throw new IllegalArgumentException(
                        "language must be a BCP 47 tag such as en or pt-BR but was '" + language + "'");
            }
            this.language = language;
        }

        private void set(String key, List<String> values) {
            PhraseSet s = PhraseSet.of(values);
            switch (key) {
                case "detect.words" -> detectWords = s;
                case "category.complaint" -> complaint = s;
                case "category.question" -> question = s;
                case "category.praise" -> praise = s;
                case "category.spam" -> spam = s;
                case "sentiment.negative" -> negative = s;
                case "sentiment.negative.strong" -> strongNegative = s;
                case "sentiment.positive" -> positive = s;
                case "sentiment.positive.strong" -> strongPositive = s;
                case "sentiment.negators" -> negators = s;
                case "sentiment.intensifiers" -> intensifiers = s;
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }

        /** Frequent words that identify the language (for detection when the platform gives none). */
        public Builder detectWords(String... words) {
            detectWords = PhraseSet.of(words);
            return this;
        }

        public Builder complaint(String... phrases) {
            complaint = PhraseSet.of(phrases);
            return this;
        }

        public Builder question(String... phrases) {
            question = PhraseSet.of(phrases);
            return this;
        }

        public Builder praise(String... phrases) {
            praise = PhraseSet.of(phrases);
            return this;
        }

        public Builder spam(String... phrases) {
            spam = PhraseSet.of(phrases);
            return this;
        }

        /** Negative words (weight 1) and strong ones (weight 2; list them in both or only here). */
        public Builder negative(List<String> words, List<String> strong) {
            negative = PhraseSet.of(words);
            strongNegative = PhraseSet.of(strong);
            return this;
        }

        /** Positive words (weight 1) and strong ones (weight 2). */
        public Builder positive(List<String> words, List<String> strong) {
            positive = PhraseSet.of(words);
            strongPositive = PhraseSet.of(strong);
            return this;
        }

        /** Words that flip the sentiment of the next three words ("not happy"). */
        public Builder negators(String... words) {
            negators = PhraseSet.of(words);
            return this;
        }

        /** Words that strengthen the next word ("very slow"). */
        public Builder intensifiers(String... words) {
            intensifiers = PhraseSet.of(words);
            return this;
        }

        /**
         * The phrases that raise {@code flag}.
         *
         * @throws IllegalArgumentException for {@link RiskFlag#SENSITIVE_DATA_PUBLIC}, which the detector raises
         */
        public Builder risk(RiskFlag flag, List<String> phrases) {
            Checks.notNull(flag, "flag");
            if (flag == RiskFlag.SENSITIVE_DATA_PUBLIC) {
                throw new IllegalArgumentException(
                        "SENSITIVE_DATA_PUBLIC comes from the sensitive data detector, not keywords");
            }
            risks.put(flag, PhraseSet.of(phrases));
            return this;
        }

        public LanguageRules build() {
            return new LanguageRules(this);
        }
    }
}
