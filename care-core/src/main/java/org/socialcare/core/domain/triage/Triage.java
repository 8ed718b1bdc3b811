package org.socialcare.core.domain.triage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
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
import org.socialcare.core.domain.text.FoldedText;
import org.socialcare.core.domain.text.PhraseDictionary;
import org.socialcare.core.domain.text.PhraseSet;

/**
 * Rule-based triage of one customer message into a {@link TriageResult}.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li><b>Language</b>: the message's own tag when triage has rules for it (or for its primary language);
 *       when the message has no tag (or "und"), the configured language whose {@code detect.words} occur most
 *       often (at least twice, or once in a text of at most four words, and strictly more than any other
 *       language) is detected and reported; otherwise the default language's rules apply.
 *   <li><b>Sensitive data</b> through the {@link SensitiveDataDetector}; in a PUBLIC message a configured kind
 *       raises {@link RiskFlag#SENSITIVE_DATA_PUBLIC}.
 *   <li><b>Risk flags</b> from the risk phrases of <em>every</em> configured language, not only the message's:
 *       a Spanish fraud report mislabelled as English must still raise FRAUD.
 *   <li><b>Sentiment</b>: each negative word counts -1 (strong ones -2), each positive word +1 (+2), each
 *       complaint phrase -1; a negator up to three words before, in the same clause, flips a word ("not
 *       happy"; clauses end at {@code . , ; : ! ?}), an intensifier right before multiplies it by 1.5; the sum
 *       {@code s} gives the score {@code tanh(s / 3)}.
 *   <li><b>Category</b>: SPAM when spam phrases occur twice, or once with a link, and no complaint phrase
 *       does (spam then drops keyword risk flags: scam bots use fraud vocabulary); else COMPLAINT on a
 *       complaint phrase, a NEGATIVE sentiment or a LEGAL_THREAT, REGULATOR or CLOSE_ACCOUNT flag; else PRAISE
 *       on a POSITIVE sentiment with a praise phrase; else QUESTION on a question mark or question phrase;
 *       else OTHER.
 *   <li><b>Priority</b>: LOW for spam and praise, NORMAL otherwise, raised to the highest priority any risk
 *       flag suggests and, for an unhappy customer (COMPLAINT or NEGATIVE), to the one their influence tier
 *       suggests (see {@link TriageConfig}); praise stays at most NORMAL whatever it mentions ("thanks for
 *       refunding the fraudulent payments" keeps its FRAUD flag but is not urgent).
 * </ol>
 *
 * <p>Immutable and thread-safe; never throws for any text.
 */
public final class Triage implements MessageClassifier {
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Set<RiskFlag> COMPLAINT_FLAGS =
            EnumSet.of(RiskFlag.LEGAL_THREAT, RiskFlag.REGULATOR, RiskFlag.CLOSE_ACCOUNT);

    private final TriageConfig config;
    private final SensitiveDataDetector detector;
    private final Engine engine;

    private Triage(TriageConfig config, SensitiveDataDetector detector) {
        this.config = config;
        this.detector = detector;
        this.engine = new Engine(config);
    }

    /** {@link TriageConfig#ofDefaults()} with {@link SensitiveDataDetector#ofDefaults()}. */
    public static Triage ofDefaults() {
        return new Triage(TriageConfig.ofDefaults(), SensitiveDataDetector.ofDefaults());
    }

    public static Triage of(TriageConfig config) {
        return new Triage(Checks.notNull(config, "config"), SensitiveDataDetector.ofDefaults());
    }

    public static Triage of(TriageConfig config, SensitiveDataDetector detector) {
        return new Triage(Checks.notNull(config, "config"), Checks.notNull(detector, "detector"));
    }

    public TriageConfig config() {
        return config;
    }

    public SensitiveDataDetector detector() {
        return detector;
    }

    /** Triage of a customer message: its text, visibility, language tag and author's follower count. */
    @Override
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
        PhraseDictionary.Scan scan = engine.dictionary.scan(FoldedText.of(text), engine.byClause);
        List<String> reasons = new ArrayList<>();

        Optional<String> tag = language.filter(l -> !l.isBlank() && !l.equalsIgnoreCase("und"));
        Optional<String> detected = tag.isEmpty() ? detect(scan) : Optional.empty();
        LanguageRules rules = tag.or(() -> detected).flatMap(config::rulesFor).orElse(config.defaultRules());
        int base = engine.base(rules);

        List<SensitiveFinding> findings = detector.find(text);
        Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        if (visibility == Visibility.PUBLIC) {
            for (SensitiveFinding f : findings) { // a loop, not a stream: this runs for every public message
                if (config.publicSensitiveKinds().contains(f.kind())) {
                    flags.add(RiskFlag.SENSITIVE_DATA_PUBLIC);
                    reasons.add("SENSITIVE_DATA_PUBLIC: " + f.kind());
                    break;
                }
            }
        }
        Map<RiskFlag, List<String>> riskHits = riskHits(scan);
        riskHits.forEach((flag, hits) -> {
            flags.add(flag);
            reasons.add(flag + ": " + String.join(", ", hits));
        });

        List<String> complaintHits = scan.matches(base + Engine.COMPLAINT);
        double raw = -complaintHits.size() + sentiment(scan, base);
        double score = Math.tanh(raw / 3.0);
        Sentiment sentiment = score <= config.negativeThreshold()
                ? Sentiment.NEGATIVE
                : score >= config.positiveThreshold() ? Sentiment.POSITIVE : Sentiment.NEUTRAL;

        List<String> spamHits = scan.matches(base + Engine.SPAM);
        boolean link =
                (text.indexOf("://") >= 0 || hasWww(text)) && LINK.matcher(text).find();
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
        } else if (sentiment == Sentiment.POSITIVE && scan.any(base + Engine.PRAISE)) {
            category = Category.PRAISE;
        } else if (text.indexOf('?') >= 0 || text.indexOf('\u00bf') >= 0 || scan.any(base + Engine.QUESTION)) {
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

    /** Whether "www." occurs anywhere (case-insensitively), the cheap test before the link pattern. */
    private static boolean hasWww(String text) {
        for (int i = text.indexOf('.'); i >= 3; i = text.indexOf('.', i + 1)) {
            if (text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static Priority max(Priority a, Priority b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }

    private Map<RiskFlag, List<String>> riskHits(PhraseDictionary.Scan scan) {
        Map<RiskFlag, List<String>> hits = new LinkedHashMap<>();
        for (RiskFlag flag : RiskFlag.values()) {
            for (int base : engine.bases) {
                for (String phrase : scan.matches(base + Engine.RISK + flag.ordinal())) {
                    List<String> list = hits.computeIfAbsent(flag, f -> new ArrayList<>());
                    if (!list.contains(phrase)) {
                        list.add(phrase);
                    }
                }
            }
        }
        return hits;
    }

    private Optional<String> detect(PhraseDictionary.Scan scan) {
        String best = null;
        int bestHits = 0;
        int second = 0;
        int i = 0;
        for (LanguageRules r : config.languages().values()) {
            int hits = scan.occurrences(engine.bases[i++] + Engine.DETECT);
            if (hits > bestHits) {
                second = bestHits;
                bestHits = hits;
                best = r.language();
            } else if (hits > second) {
                second = hits;
            }
        }
        boolean enough = bestHits >= 2 || (bestHits == 1 && scan.text().wholeTokenCount() <= 4);
        return best != null && enough && bestHits > second ? Optional.of(best) : Optional.empty();
    }

    /**
     * The sum over clauses of the sentiment phrases' weights: negative and positive phrases count 1 (strong ones
     * 2, a phrase counted once per start word), times 1.5 after an intensifier, negated by a negator up to three
     * words before, all within the clause.
     */
    private static double sentiment(PhraseDictionary.Scan scan, int base) {
        FoldedText text = scan.text();
        int n = text.size();
        if (n == 0) {
            return 0;
        }
        boolean[] negator = marks(scan, base + Engine.NEGATORS, n);
        boolean[] intensifier = marks(scan, base + Engine.INTENSIFIERS, n);
        return weigh(scan, base + Engine.NEGATIVE, base + Engine.STRONG_NEGATIVE, -1, negator, intensifier, text)
                + weigh(scan, base + Engine.POSITIVE, base + Engine.STRONG_POSITIVE, 1, negator, intensifier, text);
    }

    private static double weigh(
            PhraseDictionary.Scan scan,
            int plain,
            int strong,
            int sign,
            boolean[] negator,
            boolean[] intensifier,
            FoldedText text) {
        double sum = 0;
        boolean[] counted = new boolean[text.size()];
        for (int s : scan.starts(strong)) {
            sum += sign * 2 * context(s, negator, intensifier, text);
            counted[s] = true;
        }
        for (int s : scan.starts(plain)) {
            if (!counted[s]) {
                sum += sign * context(s, negator, intensifier, text);
                counted[s] = true;
            }
        }
        return sum;
    }

    private static double context(int s, boolean[] negator, boolean[] intensifier, FoldedText text) {
        double factor = 1;
        int clause = text.clause(s);
        if (s > 0 && text.clause(s - 1) == clause && intensifier[s - 1]) {
            factor *= 1.5;
        }
        for (int i = Math.max(0, s - 3); i < s; i++) {
            if (negator[i] && text.clause(i) == clause) {
                factor = -factor;
                break;
            }
        }
        return factor;
    }

    private static boolean[] marks(PhraseDictionary.Scan scan, int set, int size) {
        boolean[] marks = new boolean[size];
        for (int s : scan.starts(set)) {
            marks[s] = true;
        }
        return marks;
    }

    /**
     * Every phrase set of every configured language in one {@link PhraseDictionary}: a text is folded and scanned
     * once for language detection, risks, categories and sentiment.
     */
    private static final class Engine {
        static final int DETECT = 0;
        static final int COMPLAINT = 1;
        static final int QUESTION = 2;
        static final int PRAISE = 3;
        static final int SPAM = 4;
        static final int NEGATIVE = 5;
        static final int STRONG_NEGATIVE = 6;
        static final int POSITIVE = 7;
        static final int STRONG_POSITIVE = 8;
        static final int NEGATORS = 9;
        static final int INTENSIFIERS = 10;
        static final int RISK = 11;
        static final int PER_LANGUAGE = RISK + RiskFlag.values().length;

        final PhraseDictionary dictionary;
        final boolean[] byClause;
        final int[] bases;
        private final Map<LanguageRules, Integer> baseOf = new IdentityHashMap<>();

        Engine(TriageConfig config) {
            List<PhraseSet> sets = new ArrayList<>();
            List<Boolean> clause = new ArrayList<>();
            bases = new int[config.languages().size()];
            int i = 0;
            for (LanguageRules r : config.languages().values()) {
                bases[i++] = sets.size();
                baseOf.put(r, sets.size());
                List<PhraseSet> own = new ArrayList<>(List.of(
                        r.detectWords(),
                        r.complaint(),
                        r.question(),
                        r.praise(),
                        r.spam(),
                        r.negative(),
                        r.strongNegative(),
                        r.positive(),
                        r.strongPositive(),
                        r.negators(),
                        r.intensifiers()));
                for (RiskFlag flag : RiskFlag.values()) {
                    own.add(r.risk(flag));
                }
                for (int k = 0; k < own.size(); k++) {
                    sets.add(own.get(k));
                    clause.add(k >= NEGATIVE && k <= INTENSIFIERS);
                }
            }
            dictionary = PhraseDictionary.of(sets);
            byClause = new boolean[clause.size()];
            for (int k = 0; k < byClause.length; k++) {
                byClause[k] = clause.get(k);
            }
        }

        int base(LanguageRules rules) {
            Integer b = baseOf.get(rules);
            if (b == null) {
                throw new IllegalStateException("rules of language " + rules.language() + " are not configured");
            }
            return b;
        }
    }

    @Override
    public String toString() {
        return "Triage[" + config + "]";
    }
}
