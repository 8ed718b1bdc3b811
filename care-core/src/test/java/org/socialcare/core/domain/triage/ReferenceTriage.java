package org.socialcare.core.domain.triage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveFinding;
import org.socialcare.core.domain.text.NormalizedText;
import org.socialcare.core.domain.text.PhraseSet;

/** The triage algorithm before the single-pass text engine, kept as the reference the engine must equal. */
final class ReferenceTriage {
    private static final Pattern CLAUSE = Pattern.compile("[.,;:!?\u00a1\u00bf\\n]+");
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Set<RiskFlag> COMPLAINT_FLAGS =
            EnumSet.of(RiskFlag.LEGAL_THREAT, RiskFlag.REGULATOR, RiskFlag.CLOSE_ACCOUNT);

    private final TriageConfig config;
    private final SensitiveDataDetector detector;

    ReferenceTriage(TriageConfig config, SensitiveDataDetector detector) {
        this.config = config;
        this.detector = detector;
    }

    /** Triage of a customer message: its text, visibility, language tag and author's follower count. */
    public TriageResult classify(InboundMessage message) {
        Checks.notNull(message, "message");
        return classify(
                message.text(),
                message.visibility(),
                message.language(),
                message.author().followerCount());
    }

    /**
     * Triage of a text.
     *
     * @param language the platform's BCP 47 tag, if any ("und" counts as none)
     */
    public TriageResult classify(String text, Visibility visibility, Optional<String> language, long followers) {
        Checks.notNull(text, "text");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(language, "language");
        NormalizedText words = NormalizedText.of(text);
        List<String> reasons = new ArrayList<>();

        Optional<String> tag = language.filter(l -> !l.isBlank() && !l.equalsIgnoreCase("und"));
        Optional<String> detected = tag.isEmpty() ? detect(words) : Optional.empty();
        LanguageRules rules = tag.or(() -> detected).flatMap(config::rulesFor).orElse(config.defaultRules());

        List<SensitiveFinding> findings = detector.find(text);
        Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        if (visibility == Visibility.PUBLIC) {
            findings.stream()
                    .filter(f -> config.publicSensitiveKinds().contains(f.kind()))
                    .findFirst()
                    .ifPresent(f -> {
                        flags.add(RiskFlag.SENSITIVE_DATA_PUBLIC);
                        reasons.add("SENSITIVE_DATA_PUBLIC: " + f.kind());
                    });
        }
        Map<RiskFlag, List<String>> riskHits = riskHits(words);
        riskHits.forEach((flag, hits) -> {
            flags.add(flag);
            reasons.add(flag + ": " + String.join(", ", hits));
        });

        List<String> complaintHits = rules.complaint().matchesIn(words);
        double raw = -complaintHits.size();
        for (String clause : CLAUSE.split(text)) {
            raw += sentimentSum(NormalizedText.of(clause), rules);
        }
        double score = Math.tanh(raw / 3.0);
        Sentiment sentiment = score <= config.negativeThreshold()
                ? Sentiment.NEGATIVE
                : score >= config.positiveThreshold() ? Sentiment.POSITIVE : Sentiment.NEUTRAL;

        List<String> spamHits = rules.spam().matchesIn(words);
        boolean link = LINK.matcher(text).find();
        Category category;
        if (complaintHits.isEmpty() && (spamHits.size() >= 2 || (spamHits.size() == 1 && link))) {
            category = Category.SPAM;
            reasons.add("SPAM: " + String.join(", ", spamHits) + (link ? " with a link" : ""));
            flags.retainAll(EnumSet.of(RiskFlag.SENSITIVE_DATA_PUBLIC));
            reasons.removeIf(r -> !r.startsWith("SPAM") && !r.startsWith("SENSITIVE"));
        } else if (!complaintHits.isEmpty()
                || sentiment == Sentiment.NEGATIVE
                || flags.stream().anyMatch(COMPLAINT_FLAGS::contains)) {
            category = Category.COMPLAINT;
            if (!complaintHits.isEmpty()) {
                reasons.add("COMPLAINT: " + String.join(", ", complaintHits));
            }
        } else if (sentiment == Sentiment.POSITIVE && rules.praise().matchesAny(words)) {
            category = Category.PRAISE;
        } else if (text.indexOf('?') >= 0
                || text.indexOf('\u00bf') >= 0
                || rules.question().matchesAny(words)) {
            category = Category.QUESTION;
        } else {
            category = Category.OTHER;
        }

        InfluenceTier tier = config.influence().tierOf(followers);
        Priority priority = category == Category.SPAM || category == Category.PRAISE ? Priority.LOW : Priority.NORMAL;
        for (RiskFlag f : flags) {
            priority = max(priority, config.riskPriorities().get(f));
        }
        if (category == Category.COMPLAINT || sentiment == Sentiment.NEGATIVE) {
            priority = max(priority, config.unhappyInfluencePriorities().get(tier));
        }
        if (category == Category.PRAISE && priority.compareTo(Priority.NORMAL) > 0) {
            priority = Priority.NORMAL;
        }
        return new TriageResult(
                category, sentiment, score, flags, tier, rules.language(), detected, findings, priority, reasons);
    }

    private static Priority max(Priority a, Priority b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }

    private Map<RiskFlag, List<String>> riskHits(NormalizedText words) {
        Map<RiskFlag, List<String>> hits = new LinkedHashMap<>();
        for (RiskFlag flag : RiskFlag.values()) {
            for (LanguageRules r : config.languages().values()) {
                for (String phrase : r.risk(flag).matchesIn(words)) {
                    List<String> list = hits.computeIfAbsent(flag, f -> new ArrayList<>());
                    if (!list.contains(phrase)) {
                        list.add(phrase);
                    }
                }
            }
        }
        return hits;
    }

    private Optional<String> detect(NormalizedText words) {
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (LanguageRules r : config.languages().values()) {
            int hits = r.detectWords().occurrencesIn(words).size();
            if (hits > bestHits) {
                second = bestHits;
                bestHits = hits;
                best = r.language();
            } else if (hits > second) {
                second = hits;
            }
        }
        boolean enough = bestHits >= 2 || (bestHits == 1 && words.size() <= 4);
        return best != null && enough && bestHits > second ? Optional.of(best) : Optional.empty();
    }

    private static double sentimentSum(NormalizedText words, LanguageRules rules) {
        List<String> tokens = words.tokens();
        boolean[] negator = mark(words, rules.negators(), tokens.size());
        boolean[] intensifier = mark(words, rules.intensifiers(), tokens.size());
        double sum = 0;
        sum += weigh(words, rules.negative(), rules.strongNegative(), -1, negator, intensifier);
        sum += weigh(words, rules.positive(), rules.strongPositive(), 1, negator, intensifier);
        return sum;
    }

    /** Sums matches of {@code plain} (weight 1) and {@code strong} phrases not in plain (weight 2). */
    private static double weigh(
            NormalizedText words,
            PhraseSet plain,
            PhraseSet strong,
            int sign,
            boolean[] negator,
            boolean[] intensifier) {
        double sum = 0;
        boolean[] counted = new boolean[words.size()];
        for (PhraseSet.Match m : strong.occurrencesIn(words)) {
            sum += sign * 2 * context(m, negator, intensifier);
            counted[m.startToken()] = true;
        }
        for (PhraseSet.Match m : plain.occurrencesIn(words)) {
            if (!counted[m.startToken()]) {
                sum += sign * context(m, negator, intensifier);
                counted[m.startToken()] = true;
            }
        }
        return sum;
    }

    private static double context(PhraseSet.Match m, boolean[] negator, boolean[] intensifier) {
        double factor = 1;
        int s = m.startToken();
        if (s > 0 && intensifier[s - 1]) {
            factor *= 1.5;
        }
        for (int i = Math.max(0, s - 3); i < s; i++) {
            if (negator[i]) {
                factor = -factor;
                break;
            }
        }
        return factor;
    }

    private static boolean[] mark(NormalizedText words, PhraseSet set, int size) {
        boolean[] marks = new boolean[size];
        for (PhraseSet.Match m : set.occurrencesIn(words)) {
            marks[m.startToken()] = true;
        }
        return marks;
    }

    @Override
    public String toString() {
        return "ReferenceTriage[" + config + "]";
    }
}
