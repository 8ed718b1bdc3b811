package org.socialcare.core.domain.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;

/**
 * A text folded for keyword matching: lower case (root locale), accents removed ({@link Normalizer} NFD, then
 * combining marks dropped, so "Fráud" and "FRAUD" read "fraud"), apostrophes inside words removed ("can't"
 * reads "cant"), then split into word tokens of letters and digits. Everything else ('@', '#', punctuation,
 * emoji) separates words, so "@FCA" and "#fraud!" give the tokens "fca" and "fraud".
 *
 * <p>Immutable and thread-safe. Holds the folded words only, never offsets into the original text.
 */
public final class NormalizedText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=[\\p{L}\\p{N}])['\u2019](?=[\\p{L}\\p{N}])");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<String> tokens;

    private NormalizedText(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Folds and splits {@code text}. */
    public static NormalizedText of(String text) {
        String folded = fold(Checks.notNull(text, "text"));
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(folded)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return new NormalizedText(List.copyOf(out));
    }

    /** Tokens already folded and split (by {@link FoldedText}). */
    static NormalizedText ofTokens(List<String> tokens) {
        return new NormalizedText(List.copyOf(tokens));
    }

    /** Lower case, accents and in-word apostrophes removed; the rest of the text as it was. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(Checks.notNull(text, "text"), Normalizer.Form.NFD);
        String noMarks = MARKS.matcher(decomposed).replaceAll("");
        String noApostrophes = APOSTROPHE.matcher(noMarks).replaceAll("");
        return noApostrophes.toLowerCase(Locale.ROOT);
    }

    /** The folded words, in order. */
    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public String toString() {
        return "NormalizedText[" + tokens.size() + " tokens]";
    }
}
