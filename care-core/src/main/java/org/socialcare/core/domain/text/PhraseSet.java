package org.socialcare.core.domain.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * <p>Immutable and thread-safe. Entries are indexed by their first word, so a text is scanned once whatever
 * the number of entries (stems are checked at every word).
 *
 * @see NormalizedText
 */
public final class PhraseSet {
    private static final PhraseSet EMPTY = new PhraseSet(List.of());

    private final List<Entry> entries;
    /** Entries whose first word must match exactly, by that word: a text is scanned once, not once per entry. */
    private final Map<String, List<Entry>> byFirstWord;
    /** Single-word stems ({@code fraud*}), checked at every token. */
    private final List<Entry> stems;

    /** One configured entry: its index in configuration order, as written, its folded words, stem or not. */
    record Entry(int index, String original, List<String> words, boolean prefix) {}

    private PhraseSet(List<Entry> entries) {
        this.entries = entries;
        Map<String, List<Entry>> first = new HashMap<>();
        List<Entry> stemList = new ArrayList<>();
        for (Entry e : entries) {
            if (e.prefix() && e.words().size() == 1) {
                stemList.add(e);
            } else {
                first.computeIfAbsent(e.words().get(0), w -> new ArrayList<>()).add(e);
            }
        }
        first.replaceAll((w, list) -> List.copyOf(list));
        this.byFirstWord = Map.copyOf(first);
        this.stems = List.copyOf(stemList);
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
            byKey.putIfAbsent(
                    String.join(" ", words) + (prefix ? "*" : ""), new Entry(byKey.size(), trimmed, words, prefix));
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

    /** The entries in configuration order, for {@link PhraseDictionary}. */
    List<Entry> entries() {
        return entries;
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
        List<String> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (Entry e : candidates(tokens.get(i))) {
                if (matchesAt(e, tokens, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The configured entries that occur in {@code text}, each once, in configuration order. */
    public List<String> matchesIn(NormalizedText text) {
        List<String> tokens = text.tokens();
        boolean[] hit = new boolean[entries.size()];
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            for (Entry e : candidates(tokens.get(i))) {
                if (!hit[e.index()] && matchesAt(e, tokens, i)) {
                    hit[e.index()] = true;
                    count++;
                }
            }
        }
        List<String> found = new ArrayList<>(count);
        for (Entry e : entries) {
            if (hit[e.index()]) {
                found.add(e.original());
            }
        }
        return found;
    }

    /**
     * Every occurrence of every entry: the matched entry and its token range, ordered by position. Used for
     * context-sensitive rules (negation, sentiment weights).
     */
    public List<Match> occurrencesIn(NormalizedText text) {
        List<Match> found = new ArrayList<>();
        List<String> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (Entry e : candidates(tokens.get(i))) {
                if (matchesAt(e, tokens, i)) {
                    found.add(new Match(e.original(), i, i + e.words().size()));
                }
            }
        }
        return found;
    }

    private List<Entry> candidates(String token) {
        List<Entry> exact = byFirstWord.getOrDefault(token, List.of());
        if (stems.isEmpty()) {
            return exact;
        }
        List<Entry> all = new ArrayList<>(exact);
        for (Entry e : stems) {
            if (token.startsWith(e.words().get(0))) {
                all.add(e);
            }
        }
        return all;
    }

    /** An occurrence of {@code phrase} covering tokens {@code [startToken, endToken)}. */
    public record Match(String phrase, int startToken, int endToken) {}

    private static boolean matchesAt(Entry e, List<String> tokens, int i) {
        List<String> words = e.words();
        int last = words.size() - 1;
        if (i + last >= tokens.size()) {
            return false;
        }
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
