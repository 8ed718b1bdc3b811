package org.socialcare.core.domain.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.Checks;

/**
 * Many {@link PhraseSet}s merged into one dictionary, so that a text is scanned once for all of them: every
 * phrase of every set is indexed by its first word (stems in a trie of their letters), and one pass over a
 * {@link FoldedText} finds every occurrence of every entry of every set. Results per set are exactly what the
 * set's own {@code matchesIn}, {@code matchesAny} and {@code occurrencesIn} would give, read either over the whole
 * text or clause by clause (a phrase then may not span two clauses).
 *
 * <p>Immutable and thread-safe; a {@link Scan} is a value of one text, not shared.
 */
public final class PhraseDictionary {
    private record Candidate(int set, PhraseSet.Entry entry) {}

    private static final class StemNode {
        final Map<Character, StemNode> next = new HashMap<>(4);
        Candidate[] here = new Candidate[0];
    }

    private final List<PhraseSet> sets;
    private final Map<String, Candidate[]> byFirstWord;
    private final StemNode stems = new StemNode();
    private final boolean hasStems;

    private PhraseDictionary(List<PhraseSet> sets) {
        this.sets = List.copyOf(sets);
        Map<String, List<Candidate>> first = new HashMap<>();
        boolean anyStem = false;
        for (int s = 0; s < sets.size(); s++) {
            for (PhraseSet.Entry e : sets.get(s).entries()) {
                Candidate c = new Candidate(s, e);
                if (e.prefix() && e.words().size() == 1) {
                    StemNode node = stems;
                    for (char ch : e.words().get(0).toCharArray()) {
                        node = node.next.computeIfAbsent(ch, k -> new StemNode());
                    }
                    node.here = Arrays.copyOf(node.here, node.here.length + 1);
                    node.here[node.here.length - 1] = c;
                    anyStem = true;
                } else {
                    first.computeIfAbsent(e.words().get(0), w -> new ArrayList<>())
                            .add(c);
                }
            }
        }
        Map<String, Candidate[]> index = new HashMap<>();
        first.forEach((w, list) -> index.put(w, list.toArray(Candidate[]::new)));
        this.byFirstWord = index;
        this.hasStems = anyStem;
    }

    /** A dictionary over {@code sets}; a set is named by its position in the list. */
    public static PhraseDictionary of(List<PhraseSet> sets) {
        return new PhraseDictionary(Checks.notNull(sets, "sets"));
    }

    /** Number of sets merged. */
    public int sets() {
        return sets.size();
    }

    /**
     * Every occurrence of every entry in {@code text}, in one pass. Sets for which {@code byClause[set]} is true
     * are matched clause by clause; the others over the whole text.
     */
    public Scan scan(FoldedText text, boolean[] byClause) {
        Checks.notNull(text, "text");
        Scan scan = new Scan(this, text);
        String[] tokens = text.tokenArray();
        if (!text.wholeDiffers()) {
            collect(tokens, text, scan, byClause, true, true);
        } else {
            collect(text.wholeTokenArray(), null, scan, byClause, false, true);
            collect(tokens, text, scan, byClause, true, false);
        }
        return scan;
    }

    private void collect(
            String[] tokens, FoldedText clauses, Scan scan, boolean[] byClause, boolean clauseSets, boolean wholeSets) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            Candidate[] exact = byFirstWord.get(token);
            if (exact != null) {
                for (Candidate c : exact) {
                    consider(c, tokens, i, clauses, scan, byClause, clauseSets, wholeSets);
                }
            }
            if (hasStems) {
                StemNode node = stems;
                for (int k = 0; k < token.length() && node != null; k++) {
                    node = node.next.get(token.charAt(k));
                    if (node != null) {
                        for (Candidate c : node.here) {
                            consider(c, tokens, i, clauses, scan, byClause, clauseSets, wholeSets);
                        }
                    }
                }
            }
        }
    }

    private static void consider(
            Candidate c,
            String[] tokens,
            int i,
            FoldedText clauses,
            Scan scan,
            boolean[] byClause,
            boolean clauseSets,
            boolean wholeSets) {
        boolean clauseSet = byClause[c.set()];
        if (clauseSet ? !clauseSets : !wholeSets) {
            return;
        }
        List<String> words = c.entry().words();
        int last = words.size() - 1;
        if (i + last >= tokens.length) {
            return;
        }
        for (int k = 0; k <= last; k++) {
            String token = tokens[i + k];
            String word = words.get(k);
            boolean ok = k == last && c.entry().prefix() ? token.startsWith(word) : token.equals(word);
            if (!ok) {
                return;
            }
        }
        if (clauseSet && clauses.clauseOf(i) != clauses.clauseOf(i + last)) {
            return; // a clause reading never sees a phrase across a boundary
        }
        scan.add(c.set(), c.entry().index(), i);
    }

    /** The occurrences found in one text, in order of their first word. */
    public static final class Scan {
        private final PhraseDictionary dictionary;
        private final FoldedText text;
        private int count;
        private int[] set = new int[16];
        private int[] entry = new int[16];
        private int[] start = new int[16];

        private Scan(PhraseDictionary dictionary, FoldedText text) {
            this.dictionary = dictionary;
            this.text = text;
        }

        private void add(int s, int e, int at) {
            if (count == set.length) {
                set = Arrays.copyOf(set, count * 2);
                entry = Arrays.copyOf(entry, count * 2);
                start = Arrays.copyOf(start, count * 2);
            }
            set[count] = s;
            entry[count] = e;
            start[count] = at;
            count++;
        }

        /** True if any entry of set {@code s} occurs ({@link PhraseSet#matchesAny}). */
        public boolean any(int s) {
            for (int i = 0; i < count; i++) {
                if (set[i] == s) {
                    return true;
                }
            }
            return false;
        }

        /** Occurrences of set {@code s}, every one counted ({@code occurrencesIn(...).size()}). */
        public int occurrences(int s) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                n += set[i] == s ? 1 : 0;
            }
            return n;
        }

        /** The entries of set {@code s} that occur, each once, in configuration order ({@link PhraseSet#matchesIn}). */
        public List<String> matches(int s) {
            PhraseSet phrases = dictionary.sets.get(s);
            boolean[] hit = null;
            int found = 0;
            for (int i = 0; i < count; i++) {
                if (set[i] == s) {
                    if (hit == null) {
                        hit = new boolean[phrases.size()];
                    }
                    if (!hit[entry[i]]) {
                        hit[entry[i]] = true;
                        found++;
                    }
                }
            }
            if (found == 0) {
                return List.of();
            }
            List<String> out = new ArrayList<>(found);
            List<PhraseSet.Entry> entries = phrases.entries();
            for (int e = 0; e < hit.length; e++) {
                if (hit[e]) {
                    out.add(entries.get(e).original());
                }
            }
            return out;
        }

        /** Start positions (in the clause reading) of every occurrence of set {@code s}, in order. */
        public int[] starts(int s) {
            int n = occurrences(s);
            int[] out = new int[n];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (set[i] == s) {
                    out[k++] = start[i];
                }
            }
            return out;
        }

        /** The text scanned. */
        public FoldedText text() {
            return text;
        }
    }
}
