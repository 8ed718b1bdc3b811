package org.socialcare.core.domain.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.text.FoldedText;
import org.socialcare.core.domain.text.NormalizedText;

/**
 * The single-pass text engine gives exactly the results of the triage it replaced ({@link ReferenceTriage}):
 * every field of the result, reasons and score included, on text built from the rules' own phrases with
 * punctuation, accents, apostrophes, emoji, combining marks, other scripts, digits and links, and on random
 * Unicode.
 */
class TriageEngineEquivalenceProperties {
    private static final TriageConfig CONFIG = TriageConfig.ofDefaults();
    private static final Triage ENGINE = Triage.of(CONFIG);
    private static final ReferenceTriage REFERENCE = new ReferenceTriage(CONFIG, SensitiveDataDetector.ofDefaults());
    private static final Pattern CLAUSE = Pattern.compile("[.,;:!?\u00a1\u00bf\\n]+");

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (LanguageRules r : CONFIG.languages().values()) {
            for (var set : List.of(
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
                    r.intensifiers())) {
                words.addAll(set.phrases());
            }
            for (RiskFlag f : RiskFlag.values()) {
                words.addAll(r.risk(f).phrases());
            }
        }
        words.replaceAll(w -> w.endsWith("*") ? w.substring(0, w.length() - 1) + "ulent" : w);
        words.addAll(List.of(
                "Fráud",
                "CAN'T",
                "can’t",
                "don't",
                "NO",
                "muy",
                "café",
                "niño",
                "ﬁne",
                "straße",
                "Ωμέγα",
                "привет",
                "😡",
                "👍🏽",
                "❤️",
                "e\u0301",
                "a\u0301gil",
                "İstanbul",
                "4539 1488 0343 6467",
                "+44 7700 900123",
                "jo@example.org",
                "https://t.co/x1",
                "www.Example.com",
                "ES91 2100 0418 4502 0005 1332",
                "12",
                "2",
                "ª",
                "²",
                "ǅ",
                "'",
                "’",
                "''",
                "a'b'c",
                "#fraud",
                "@AskBank"));
        return words;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.of(vocabulary());
        Arbitrary<String> glue = Arbitraries.of(
                " ", " ", " ", ", ", ". ", "! ", "? ", "¿", "¡", "\n", ";", ":", "-", "'", "’", " '", "' ", "\u0301",
                "...", " (", ") ", "\t", "");
        Arbitrary<String> piece = Arbitraries.oneOf(word, word.map(w -> w.toUpperCase()), glue);
        Arbitrary<String> built = piece.list().ofMaxSize(30).map(l -> String.join("", l));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> latin =
                Arbitraries.strings().withCharRange('\u0000', '\u024f').ofMaxLength(60);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, built), net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(2, latin));
    }

    @Property(tries = 3000)
    void theEngineClassifiesExactlyAsTheReference(
            @ForAll("texts") String text,
            @ForAll Visibility visibility,
            @ForAll("languages") Optional<String> language) {
        assertThat(ENGINE.classify(text, visibility, language, 12_000))
                .isEqualTo(REFERENCE.classify(text, visibility, language, 12_000));
    }

    @Property(tries = 3000)
    void foldedTextReadsTheWordsOfTheWholeTextAndOfEachClauseAsNormalizedTextDoes(@ForAll("texts") String text) {
        FoldedText folded = FoldedText.of(text);
        assertThat(folded.normalized().tokens())
                .isEqualTo(NormalizedText.of(text).tokens());
        List<List<String>> clauses = new ArrayList<>();
        for (String clause : CLAUSE.split(text)) {
            List<String> t = NormalizedText.of(clause).tokens();
            if (!t.isEmpty()) {
                clauses.add(t);
            }
        }
        List<List<String>> read = new ArrayList<>();
        String[] tokens = folded.clauseTokens();
        for (int i = 0; i < tokens.length; i++) {
            if (i == 0 || folded.clause(i) != folded.clause(i - 1)) {
                read.add(new ArrayList<>());
            }
            read.get(read.size() - 1).add(tokens[i]);
        }
        assertThat(read).isEqualTo(clauses);
    }

    @Provide
    Arbitrary<Optional<String>> languages() {
        return Arbitraries.of(
                Optional.empty(), Optional.of("en"), Optional.of("es"), Optional.of("und"), Optional.of("fr"));
    }

    @Example
    void theLabelledEvaluationSetIsClassifiedExactlyAsBefore() throws Exception {
        for (String file : List.of("triage-eval-en.tsv", "triage-eval-es.tsv")) {
            try (var in = getClass().getResourceAsStream("/org/socialcare/core/eval/" + file)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .toList()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String text = line.split("\t")[4];
                    assertThat(ENGINE.classify(text, Visibility.PUBLIC, Optional.empty(), 500))
                            .as(text)
                            .isEqualTo(REFERENCE.classify(text, Visibility.PUBLIC, Optional.empty(), 500));
                }
            }
        }
    }
}
