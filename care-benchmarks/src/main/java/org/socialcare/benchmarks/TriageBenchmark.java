package org.socialcare.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.triage.Triage;

/**
 * Triage of one customer message with every check (language, category, every risk flag, sensitive data,
 * priority) by the single-pass text engine, against a same-run baseline that does far less: one precompiled,
 * case-insensitive regular expression alternating every phrase of the shipped English and Spanish rule files,
 * searched over the message (what a hand-written "one big regex" triage would start from, with no folding of
 * accents, no clauses, no negation, no sensitive-data scan). Issue 17's target: the engine at least 5x faster
 * than the baseline. Scores are per message, over the texts of {@link #TEXTS} in rotation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TriageBenchmark {
    static final int PER_INVOCATION = 14;
    private static final String RULES = "/org/socialcare/core/domain/triage/triage-%s.properties";

    /** The outage texts of the ingest benchmark plus messages with sensitive data, accents and links. */
    static final List<String> TEXTS = concat(
            Desks.TEXTS,
            List.of(
                    "@NorthBank my card 4539 1488 0343 6467 was charged twice for the same payment, please refund",
                    "Llevo dos horas esperando, nadie contesta y me han cobrado dos veces. Es una vergüenza",
                    "Transfer to GB82 WEST 1234 5698 7654 32 never arrived, call me on 07700 900123",
                    "Great service today, thank you Sarah! Sorted in five minutes 👏",
                    "Recover your lost funds now!!! DM me on whatsapp http://scam.example/win",
                    "I'm going to the ombudsman and my lawyer about this, and the newspaper will hear of it"));

    private Triage triage;
    private Pattern oneRegex;

    @Setup
    public void setUp() {
        BenchmarkLogging.warnOnly();
        triage = Triage.ofDefaults();
        oneRegex = alternationOfEveryPhrase();
        if (TEXTS.size() != PER_INVOCATION) {
            throw new IllegalStateException(
                    "TEXTS has " + TEXTS.size() + " messages, scores divide by " + PER_INVOCATION);
        }
        if (!oneRegex.matcher(TEXTS.get(1)).find()) {
            throw new IllegalStateException("the baseline regex matches nothing in '" + TEXTS.get(1) + "'");
        }
    }

    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void engineTriageWithEveryCheck(Blackhole bh) {
        for (String text : TEXTS) {
            bh.consume(triage.classify(text, Visibility.PUBLIC, Optional.empty(), 500));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void baselineOneRegexOfAllPhrases(Blackhole bh) {
        for (String text : TEXTS) {
            Matcher m = oneRegex.matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
            }
            bh.consume(found);
        }
    }

    /** Every phrase of every list in the shipped rule files, longest first, as one case-insensitive alternation. */
    static Pattern alternationOfEveryPhrase() {
        Set<String> phrases = new LinkedHashSet<>();
        for (String language : List.of("en", "es")) {
            Properties p = new Properties();
            String resource = String.format(Locale.ROOT, RULES, language);
            try (InputStream in = Triage.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("rule file " + resource + " not on the class path");
                }
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : p.stringPropertyNames()) {
                if (key.equals("language")) {
                    continue;
                }
                for (String v : p.getProperty(key).split(",")) {
                    if (!v.isBlank()) {
                        phrases.add(v.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder b = new StringBuilder("(?iu)\\b(?:");
        for (int i = 0; i < sorted.size(); i++) {
            String phrase = sorted.get(i);
            boolean stem = phrase.endsWith("*");
            String literal = stem ? phrase.substring(0, phrase.length() - 1) : phrase;
            b.append(i == 0 ? "" : "|").append(Pattern.quote(literal)).append(stem ? "\\w*" : "");
        }
        return Pattern.compile(b.append(")\\b").toString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
