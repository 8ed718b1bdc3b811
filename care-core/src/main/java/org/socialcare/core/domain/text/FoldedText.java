package org.socialcare.core.domain.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;

/**
 * The words of a text folded exactly as {@link NormalizedText} folds them, read in one pass, each with the clause
 * it lies in (clauses end at {@code . , ; : ! ? ¡ ¿} and line breaks), so that phrase matching, language detection
 * and per-clause sentiment share one tokenisation.
 *
 * <p>Fast path: a text of Latin script (U+0000-U+024F), the typographic apostrophe, combining marks and symbols
 * (emoji, punctuation, spaces) is folded char by char from a table computed at start-up with {@link
 * NormalizedText#fold} itself, with no regular expression and no {@link Normalizer} call. Any other text (Greek,
 * Cyrillic, Arabic, CJK, ...) takes the reference path: {@link NormalizedText#of} over the whole text and over each
 * clause, so results are identical in every case ({@code FoldedTextProperties} checks it on random text).
 *
 * <p>Immutable and thread-safe.
 */
public final class FoldedText {
    private static final Pattern CLAUSE = Pattern.compile("[.,;:!?\u00a1\u00bf\\n]+");
    private static final int TABLE = 0x250;
    /** For chars below {@link #TABLE}: the folded form when it is all letters/digits, "" for a separator. */
    private static final String[] FOLD = new String[TABLE];
    /** For chars below {@link #TABLE} whose fold mixes letters and other chars: the text takes the reference path. */
    private static final BitSet TABLE_SLOW = new BitSet(TABLE);
    /** BMP chars above the table that fold to themselves and are neither letter, digit nor mark: separators. */
    private static final BitSet SEPARATOR = new BitSet(0x10000);
    /** BMP chars that are marks and decompose to marks only: removed, as the reference removes them. */
    private static final BitSet MARK = new BitSet(0x10000);

    static {
        for (char c = 0; c < TABLE; c++) {
            String folded = NormalizedText.fold(String.valueOf(c));
            boolean allWord = !folded.isEmpty() && folded.chars().allMatch(FoldedText::isWordChar);
            boolean noWord = folded.chars().noneMatch(FoldedText::isWordChar);
            if (allWord) {
                FOLD[c] = folded;
            } else if (noWord && folded.chars().allMatch(ch -> !isMark(ch))) {
                FOLD[c] = folded.isEmpty() ? null : "";
                if (folded.isEmpty()) {
                    TABLE_SLOW.set(c);
                }
            } else {
                TABLE_SLOW.set(c);
            }
        }
        for (int c = TABLE; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
            if (isMark(c)) {
                if (nfd.chars().allMatch(FoldedText::isMark)) {
                    MARK.set(c);
                }
            } else if (!isWordChar(c) && nfd.equals(s)) {
                SEPARATOR.set(c);
            }
        }
    }

    private final String[] tokens;
    private final int[] clauses;
    /** Tokens of the whole text when the reference path found them different from the clause tokens. */
    private final String[] wholeTokens;

    private FoldedText(String[] tokens, int[] clauses, String[] wholeTokens) {
        this.tokens = tokens;
        this.clauses = clauses;
        this.wholeTokens = wholeTokens;
    }

    private static boolean isWordChar(int c) {
        int t = Character.getType(c);
        return t == Character.UPPERCASE_LETTER
                || t == Character.LOWERCASE_LETTER
                || t == Character.TITLECASE_LETTER
                || t == Character.MODIFIER_LETTER
                || t == Character.OTHER_LETTER
                || t == Character.DECIMAL_DIGIT_NUMBER
                || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK
                || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isClauseChar(char c) {
        return c == '.'
                || c == ','
                || c == ';'
                || c == ':'
                || c == '!'
                || c == '?'
                || c == '\u00a1'
                || c == '\u00bf'
                || c == '\n';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** Folds and splits {@code text}. */
    public static FoldedText of(String text) {
        Checks.notNull(text, "text");
        return fastPathApplies(text) ? fast(text) : reference(text);
    }

    /** Whether {@code text} is folded by the table (true) or by the reference path. */
    static boolean fastPathApplies(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < TABLE) {
                if (TABLE_SLOW.get(c)) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (isWordChar(cp) || isMark(cp)) {
                    return false; // supplementary letters and marks: the reference path decides
                }
                String s = new String(Character.toChars(cp));
                if (!Normalizer.isNormalized(s, Normalizer.Form.NFD)) {
                    return false;
                }
                i++;
            } else if (!(c == '\u2019' || SEPARATOR.get(c) || MARK.get(c))) {
                return false;
            }
        }
        return true;
    }

    /** The folded form of the char at {@code i} for the apostrophe rule: true if it is a letter or digit. */
    private static boolean wordAt(String text, int i) {
        char c = text.charAt(i);
        return c < TABLE && FOLD[c] != null && !FOLD[c].isEmpty();
    }

    private static FoldedText fast(String text) {
        List<String> out = new ArrayList<>();
        int[] clause = new int[8];
        StringBuilder current = new StringBuilder(16);
        int clauseId = 0;
        int n = text.length();
        int previousKept = -1; // index of the previous char that is not a removed mark
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= TABLE && MARK.get(c)) {
                continue; // removed, joins its neighbours as in the reference
            }
            String folded = c < TABLE ? FOLD[c] : null;
            if (folded != null && !folded.isEmpty()) {
                current.append(folded);
                previousKept = i;
                continue;
            }
            if (isApostrophe(c) && previousKept >= 0 && wordAt(text, previousKept)) {
                int next = i + 1;
                while (next < n && text.charAt(next) >= TABLE && MARK.get(text.charAt(next))) {
                    next++;
                }
                if (next < n && wordAt(text, next)) {
                    previousKept = i;
                    continue; // removed: "can't" reads "cant"
                }
            }
            if (current.length() > 0) {
                clause = add(out, clause, current.toString(), clauseId);
                current.setLength(0);
            }
            if (isClauseChar(c)) {
                clauseId++;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            previousKept = i;
        }
        if (current.length() > 0) {
            clause = add(out, clause, current.toString(), clauseId);
        }
        return new FoldedText(out.toArray(String[]::new), Arrays.copyOf(clause, out.size()), null);
    }

    private static int[] add(List<String> out, int[] clause, String token, int clauseId) {
        if (out.size() == clause.length) {
            clause = Arrays.copyOf(clause, clause.length * 2);
        }
        clause[out.size()] = clauseId;
        out.add(token);
        return clause;
    }

    private static FoldedText reference(String text) {
        List<String> byClause = new ArrayList<>();
        int[] clause = new int[8];
        int id = 0;
        for (String piece : CLAUSE.split(text)) {
            for (String t : NormalizedText.of(piece).tokens()) {
                clause = add(byClause, clause, t, id);
            }
            id++;
        }
        String[] tokens = byClause.toArray(String[]::new);
        String[] whole = NormalizedText.of(text).tokens().toArray(String[]::new);
        return new FoldedText(
                tokens, Arrays.copyOf(clause, tokens.length), Arrays.equals(whole, tokens) ? null : whole);
    }

    /** The folded words of each clause, in order (the whole text's words unless {@link #wholeDiffers()}). */
    public String[] clauseTokens() {
        return tokens.clone();
    }

    /** Number of words (of the clause reading). */
    public int size() {
        return tokens.length;
    }

    /** Number of words of the whole text ({@code NormalizedText.of(text).size()}). */
    public int wholeTokenCount() {
        return wholeTokenArray().length;
    }

    int clauseOf(int i) {
        return clauses[i];
    }

    /** The clause each word lies in, numbered from 0 in order. */
    public int clause(int i) {
        return clauses[i];
    }

    /** True in the rare texts whose whole-text words differ from the words read clause by clause. */
    boolean wholeDiffers() {
        return wholeTokens != null;
    }

    /** Words of the whole text, for phrases that may span clauses. */
    String[] wholeTokenArray() {
        return wholeTokens != null ? wholeTokens : tokens;
    }

    String[] tokenArray() {
        return tokens;
    }

    /** The whole text's words as a {@link NormalizedText}, equal to {@code NormalizedText.of(text)}. */
    public NormalizedText normalized() {
        return NormalizedText.ofTokens(List.of(wholeTokenArray()));
    }

    @Override
    public String toString() {
        return "FoldedText[" + tokens.length + " tokens]";
    }
}
