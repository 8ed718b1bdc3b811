package org.socialcare.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.sensitive.SensitiveFinding;
import org.socialcare.core.domain.triage.MessageClassifier;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.domain.triage.TriageResult;

/**
 * Triage quality on a labelled evaluation set written for it (English and Spanish, kept apart from the phrase
 * lists the rules are built from): precision and recall per category, per risk flag and per sensitive data
 * kind. No figure may drop below its floor in {@code triage-quality-floors.properties} (the figures measured when
 * the floors were last set); a faster text engine must keep them. The table is written to
 * {@code target/triage-quality.md} for docs/benchmarks.md.
 */
class TriageQualityTest {
    private static final String DIR = "/org/socialcare/core/eval/";

    record Labelled(String id, Category category, Set<RiskFlag> risks, Set<SensitiveDataKind> sensitive, String text) {}

    record Scored(Labelled expected, TriageResult actual) {
        Set<SensitiveDataKind> foundKinds() {
            return actual.sensitiveData().stream()
                    .map(SensitiveFinding::kind)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(SensitiveDataKind.class)));
        }
    }

    /** Precision and recall of one label over a set; a label never predicted has precision 1 by convention. */
    record Figure(String label, int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        int support() {
            return truePositives + falseNegatives;
        }
    }

    private static List<Scored> scored;

    @BeforeAll
    static void classifyTheSet() throws IOException {
        scored = evaluate(Triage.ofDefaults());
    }

    /** Any classifier (the rules, a bank's own model) over the whole set, as public posts by a 500-follower author. */
    static List<Scored> evaluate(MessageClassifier classifier) throws IOException {
        List<Scored> results = new ArrayList<>();
        for (String file : List.of("triage-eval-en.tsv", "triage-eval-es.tsv")) {
            for (Labelled l : read(file)) {
                InboundMessage m = InboundMessage.builder(
                                MessageKey.of(Platform.TWITTER, l.id()),
                                ChannelId.of("eval"),
                                Party.of("eval-" + l.id(), "customer").withFollowers(500))
                        .text(l.text())
                        .visibility(Visibility.PUBLIC)
                        .createdAt(Instant.parse("2026-03-02T09:00:00Z"))
                        .build();
                results.add(new Scored(l, classifier.classify(m)));
            }
        }
        return results;
    }

    static List<Labelled> read(String file) throws IOException {
        List<Labelled> set = new ArrayList<>();
        try (InputStream in = TriageQualityTest.class.getResourceAsStream(DIR + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalArgumentException(
                            file + ": expected 5 columns but found " + f.length + ": " + line);
                }
                set.add(new Labelled(
                        f[0],
                        Category.valueOf(f[1]),
                        parse(f[2], RiskFlag::valueOf, RiskFlag.class),
                        parse(f[3], SensitiveDataKind::valueOf, SensitiveDataKind.class),
                        f[4]));
            }
        }
        return set;
    }

    private static <E extends Enum<E>> Set<E> parse(String field, Function<String, E> value, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (!field.equals("-")) {
            Arrays.stream(field.split(",")).map(String::strip).map(value).forEach(set::add);
        }
        return set;
    }

    static Map<String, Figure> figures(List<Scored> set) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            figures.put(
                    "category " + c,
                    count(
                            "category " + c,
                            set,
                            s -> s.expected().category() == c,
                            s -> s.actual().category() == c));
        }
        for (RiskFlag r : RiskFlag.values()) {
            figures.put(
                    "risk " + r,
                    count("risk " + r, set, s -> s.expected().risks().contains(r), s -> s.actual()
                            .riskFlags()
                            .contains(r)));
        }
        for (SensitiveDataKind k : SensitiveDataKind.values()) {
            figures.put(
                    "sensitive " + k,
                    count("sensitive " + k, set, s -> s.expected().sensitive().contains(k), s -> s.foundKinds()
                            .contains(k)));
        }
        return figures;
    }

    private static Figure count(
            String label,
            List<Scored> set,
            java.util.function.Predicate<Scored> expected,
            java.util.function.Predicate<Scored> predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Scored s : set) {
            boolean e = expected.test(s);
            boolean p = predicted.test(s);
            tp += e && p ? 1 : 0;
            fp += !e && p ? 1 : 0;
            fn += e && !p ? 1 : 0;
        }
        return new Figure(label, tp, fp, fn);
    }

    @Test
    void theSetCoversEveryCategoryRiskFlagAndSensitiveKindInBothLanguages() {
        assertThat(scored).hasSizeGreaterThanOrEqualTo(300);
        for (String lang : List.of("en-", "es-")) {
            List<Scored> part = scored.stream()
                    .filter(s -> s.expected().id().startsWith(lang))
                    .toList();
            assertThat(part).as(lang).hasSizeGreaterThanOrEqualTo(150);
            figures(part)
                    .values()
                    .forEach(f -> assertThat(f.support()).as(lang + f.label()).isGreaterThanOrEqualTo(1));
        }
        Set<String> ids = new TreeSet<>();
        scored.forEach(s -> assertThat(ids.add(s.expected().id()))
                .as("unique id " + s.expected().id())
                .isTrue());
    }

    @Test
    void noPrecisionOrRecallDropsBelowItsFloor() throws IOException {
        Properties floors = new Properties();
        try (InputStream in = TriageQualityTest.class.getResourceAsStream(DIR + "triage-quality-floors.properties")) {
            floors.load(in);
        }
        Map<String, Map<String, Figure>> byPart = new LinkedHashMap<>();
        byPart.put("all", figures(scored));
        byPart.put(
                "en",
                figures(scored.stream()
                        .filter(s -> s.expected().id().startsWith("en-"))
                        .toList()));
        byPart.put(
                "es",
                figures(scored.stream()
                        .filter(s -> s.expected().id().startsWith("es-"))
                        .toList()));
        writeTable(byPart);

        List<String> drops = new ArrayList<>();
        byPart.forEach((part, figures) -> figures.values().forEach(f -> {
            String key = (part + "." + f.label()).replace(' ', '.');
            check(floors, key + ".precision", f.precision(), drops);
            check(floors, key + ".recall", f.recall(), drops);
        }));
        assertThat(drops)
                .as("figures below their floor (see target/triage-quality.md and the misses there)")
                .isEmpty();
    }

    private static void check(Properties floors, String key, double value, List<String> drops) {
        String floor = floors.getProperty(key);
        if (floor == null) {
            drops.add(key + " has no floor (measured " + format(value) + ")");
        } else if (value + 1e-9 < Double.parseDouble(floor)) {
            drops.add(key + " = " + format(value) + " < floor " + floor);
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void writeTable(Map<String, Map<String, Figure>> byPart) throws IOException {
        StringBuilder md = new StringBuilder(
                        "| label | support (en/es) | precision all / en / es | recall all / en / es |\n")
                .append("|---|---|---|---|\n");
        Properties measured = new Properties();
        for (String label : byPart.get("all").keySet()) {
            Figure all = byPart.get("all").get(label);
            Figure en = byPart.get("en").get(label);
            Figure es = byPart.get("es").get(label);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d (%d/%d) | %s / %s / %s | %s / %s / %s |%n",
                    label,
                    all.support(),
                    en.support(),
                    es.support(),
                    format(all.precision()),
                    format(en.precision()),
                    format(es.precision()),
                    format(all.recall()),
                    format(en.recall()),
                    format(es.recall())));
        }
        byPart.forEach((part, figures) -> figures.values().forEach(f -> {
            String key = (part + "." + f.label()).replace(' ', '.');
            measured.setProperty(key + ".precision", format(Math.floor(f.precision() * 1000) / 1000));
            measured.setProperty(key + ".recall", format(Math.floor(f.recall() * 1000) / 1000));
        }));
        md.append("\nMisses (id: expected -> found):\n\n");
        for (Scored s : scored) {
            Labelled e = s.expected();
            TriageResult a = s.actual();
            if (e.category() != a.category()
                    || !e.risks().equals(a.riskFlags())
                    || !e.sensitive().equals(s.foundKinds())) {
                md.append(String.format(
                        Locale.ROOT,
                        "- %s: %s %s %s -> %s %s %s%n",
                        e.id(),
                        e.category(),
                        e.risks(),
                        e.sensitive(),
                        a.category(),
                        new TreeSet<>(a.riskFlags()),
                        s.foundKinds()));
            }
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("triage-quality.md"), md);
        try (var out = Files.newBufferedWriter(target.resolve("triage-quality-measured.properties"))) {
            measured.store(
                    out, "floors as measured now: copy over the floors file only when every figure rose or held");
        }
    }
}
