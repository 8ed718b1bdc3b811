package org.socialcare.core.domain.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.Checks;

/**
 * A set of words and phrases matched on word boundaries in a {@link NormalizedText}. Each entry is folded
 * like the text (case and accents ignored) and split into words; it matches where its words appear as
 * consecutive tokens. "legal action" matches "LEGAL ACTION!" and "légal action", never "illegal actions".
 *
 * <p>Word boundaries are strict: "fraud" does not match "defraud", "fraudulent" or "defraudation". An entry
 * whose last word ends with {@code *} matches any word starting with that stem: "fraud*" matches "fraud",
 * "fraudulent" and "fraudster" (still not "defraud"). Stems need at least three letters, so a stray
 * {@code a*} cannot match half of every text.
 *
 * <p>Immutable and thread-safe. Cost is proportional to text length times the number of entries, which is
 * fine for tens to hundreds of entries and social-media-sized texts.
 *
 * @see NormalizedText
 */
public final class PhraseSet {
    private static final PhraseSet EMPTY = new PhraseSet(List.of());

    private final List<Entry> entries;

    private record Entry(String original, List<String> words, boolean prefix) {}

    private PhraseSet(List<Entry> entries) {
        this.entries = entries;
    }

    /** No entries: matches nothing. */
    public static PhraseSet empty() {
        return EMPTY;
    }

    /**
     * A set of the given phrases; blank ones are skipped.
     *
     * @throws IllegalArgumentException naming the phrase when it has no letters or digits, or a stem shorter
     *     than three characters
     */
    public static PhraseSet of(Collection<String> phrases) {
        Checks.notNull(phrases, "phrases");
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (String phrase : phrases) {
            Checks.notNull(phrase, "phrase");
            String trimmed = phrase.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean prefix = trimmed.endsWith("*");
            String body = prefix ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            List<String> words = NormalizedText.of(body).tokens();
            if (words.isEmpty()) {
                throw new IllegalArgumentException("phrase '" + phrase + "' has no letters or digits");
            }
            if (prefix && words.get(words.size() - 1).length() < 3) {
                throw new IllegalArgumentException("stem of phrase '" + phrase + "' must have at least 3 letters");
            }
            byKey.putIfAbsent(String.join(" ", words) + (prefix ? "*" : ""), new Entry(trimmed, words, prefix));
        }
        return new PhraseSet(List.copyOf(byKey.values()));
    }

    /** Same as {@link #of(Collection)}. */
    public static PhraseSet of(String... phrases) {
        return of(List.of(phrases));
    }

    /** A set holding this set's entries and {@code other}'s. */
    public PhraseSet plus(PhraseSet other) {
        List<String> all = new ArrayList<>(phrases());
        all.addAll(other.phrases());
        return of(all);
    }

    /** The entries as configured (trimmed), in order. */
    public List<String> phrases() {
        return entries.stream().map(Entry::original).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** True if any entry occurs in {@code text}. */
    public boolean matchesAny(NormalizedText text) {
        for (Entry e : entries) {
            if (firstAt(e, text.tokens(), 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The configured entries that occur in {@code text}, each once, in configuration order. */
    public List<String> matchesIn(NormalizedText text) {
        List<String> found = new ArrayList<>();
        for (Entry e : entries) {
            if (firstAt(e, text.tokens(), 0) >= 0) {
                found.add(e.original());
            }
        }
        return found;
    }

    /**
     * Every occurrence of every entry: the matched entry and the index of its first token. Used for
     * context-sensitive rules (negation windows).
     */
    public List<Match> occurrencesIn(NormalizedText text) {
        List<Match> found = new ArrayList<>();
        List<String> tokens = text.tokens();
        for (Entry e : entries) {
            int from = 0;
            int at;
            while ((at = firstAt(e, tokens, from)) >= 0) {
                found.add(new Match(e.original(), at, at + e.words().size()));
                from = at + 1;
            }
        }
        return found;
    }

    /** An occurrence of {@code phrase} covering tokens {@code [startToken, endToken)}. */
    public record Match(String phrase, int startToken, int endToken) {}

    private static int firstAt(Entry e, List<String> tokens, int from) {
        List<String> words = e.words();
        int n = words.size();
        for (int i = from; i + n <= tokens.size(); i++) {
            if (matchesAt(e, tokens, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(Entry e, List<String> tokens, int i) {
        List<String> words = e.words();
        int last = words.size() - 1;
        for (int k = 0; k <= last; k++) {
            String token = tokens.get(i + k);
            String word = words.get(k);
            boolean ok = k == last && e.prefix() ? token.startsWith(word) : token.equals(word);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "PhraseSet" + phrases();
    }
}
