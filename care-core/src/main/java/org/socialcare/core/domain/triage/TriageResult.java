package org.socialcare.core.domain.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.sensitive.SensitiveFinding;

/**
 * What {@link Triage} made of one message.
 *
 * <p>Holds no customer text: {@code sensitiveData} carries masked forms only, and {@code reasons} name the
 * configured phrases that matched ("FRAUD: someone used my card"), so {@link #toString()} and
 * {@link #summary()} are safe for logs and audit lines. Immutable.
 *
 * @param category what the message is about
 * @param sentiment its tone, from {@code sentimentScore}
 * @param sentimentScore from -1 (very negative) to 1 (very positive)
 * @param riskFlags risks found
 * @param influence the author's tier from their follower count
 * @param language the language whose rules were applied (BCP 47)
 * @param detectedLanguage the language triage detected, present only when the message came without one
 * @param sensitiveData sensitive data found, masked, by position
 * @param priority the priority these findings suggest
 * @param reasons why: matched phrases per rule, in a stable order
 */
public record TriageResult(
        Category category,
        Sentiment sentiment,
        double sentimentScore,
        Set<RiskFlag> riskFlags,
        InfluenceTier influence,
        String language,
        Optional<String> detectedLanguage,
        List<SensitiveFinding> sensitiveData,
        Priority priority,
        List<String> reasons) {

    public TriageResult {
        Checks.notNull(category, "category");
        Checks.notNull(sentiment, "sentiment");
        if (!(sentimentScore >= -1 && sentimentScore <= 1)) {
            throw new IllegalArgumentException("sentimentScore must be within [-1, 1] but was " + sentimentScore);
        }
        riskFlags = Set.copyOf(Checks.notNull(riskFlags, "riskFlags"));
        Checks.notNull(influence, "influence");
        Checks.notBlank(language, "language");
        Checks.notNull(detectedLanguage, "detectedLanguage");
        sensitiveData = List.copyOf(Checks.notNull(sensitiveData, "sensitiveData"));
        Checks.notNull(priority, "priority");
        reasons = List.copyOf(Checks.notNull(reasons, "reasons"));
    }

    public boolean has(RiskFlag flag) {
        return riskFlags.contains(flag);
    }

    /** The kinds of sensitive data found, in position order without repeats. */
    public Set<SensitiveDataKind> sensitiveKinds() {
        Set<SensitiveDataKind> kinds = EnumSet.noneOf(SensitiveDataKind.class);
        sensitiveData.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    /**
     * The conversation with this result applied: risk flags added; priority raised to this one (never
     * lowered); category replaced, except that OTHER never replaces a known category and a COMPLAINT stays a
     * complaint; {@code negativeStreak} counted up on a NEGATIVE message and reset otherwise; the detected
     * language, when there is one, becomes the conversation's language.
     */
    public Conversation applyTo(Conversation c) {
        Checks.notNull(c, "conversation");
        Category newCategory =
                category == Category.OTHER || c.category() == Category.COMPLAINT ? c.category() : category;
        Priority newPriority = priority.compareTo(c.priority()) > 0 ? priority : c.priority();
        return c.withTriage(newCategory, riskFlags, newPriority)
                .copy()
                .negativeStreak(sentiment == Sentiment.NEGATIVE ? c.negativeStreak() + 1 : 0)
                .language(detectedLanguage.or(c::language))
                .build();
    }

    /** One line for logs and audit: category, sentiment, flags, influence, priority, language, masked data. */
    /**
     * {@code String.format(Locale.ROOT, "%.2f", value)} without a formatter per call (summary() runs for every
     * message): the shortest decimal of the double rounded half up, as the formatter does, "-0.00" included.
     */
    static String twoDecimals(double value) {
        if (!Double.isFinite(value)) {
            return String.format(java.util.Locale.ROOT, "%.2f", value);
        }
        String s = new java.math.BigDecimal(Double.toString(value))
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        return Math.copySign(1.0, value) < 0 && s.equals("0.00") ? "-0.00" : s;
    }

    public String summary() {
        StringBuilder b = new StringBuilder()
                .append("category=")
                .append(category)
                .append(" sentiment=")
                .append(sentiment)
                .append('(')
                .append(twoDecimals(sentimentScore))
                .append(')')
                .append(" flags=")
                .append(new java.util.TreeSet<>(riskFlags))
                .append(" influence=")
                .append(influence)
                .append(" priority=")
                .append(priority)
                .append(" language=")
                .append(language)
                .append(detectedLanguage.isPresent() ? " (detected)" : "");
        if (!sensitiveData.isEmpty()) {
            b.append(" sensitive=")
                    .append(sensitiveData.stream()
                            .map(f -> f.kind() + " " + f.masked())
                            .toList());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "TriageResult[" + summary() + ", reasons=" + reasons + "]";
    }
}
