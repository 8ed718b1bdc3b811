package org.socialcare.testkit.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Fuzzes payload parsers and webhook handlers. {@link #hostile(List)} turns real payloads (the seeds) into
 * hostile ones with jqwik generators: random bytes, truncations, byte flips, values replaced by the wrong JSON
 * type, huge numbers, strings and nesting, invalid UTF-8 sequences and splices of two seeds. {@link #run} feeds
 * each case to every entry point and fails, naming the entry point, the throwable and the start of the case, when
 * a case ends in anything but a normal return or one of the typed exceptions (an unchecked exception, a stack
 * overflow, any other error) or costs more than {@link #MAX_CPU_NANOS} of this thread's CPU time.
 *
 * <p>The number of cases is {@link #tries()}: the system property {@value #TRIES_PROPERTY} (the CI profile raises
 * it to 50,000), else {@value #DEFAULT_TRIES}. Every run draws its cases from one random seed, new each run unless
 * the system property {@value #SEED_PROPERTY} sets it; a failure names the seed and the case number, so that
 * {@code -Dcare.fuzz.seed=<seed>} replays the same cases. Not thread-safe; one run per test.
 */
public final class PayloadFuzz {
    /** System property that sets the number of cases per run. */
    public static final String TRIES_PROPERTY = "care.fuzz.tries";
    /** System property that fixes the random seed a run draws its cases from (a failure names it). */
    public static final String SEED_PROPERTY = "care.fuzz.seed";
    /** Cases per run in the default build. */
    public static final int DEFAULT_TRIES = 300;
    /** CPU time one case may cost at one entry point before the run fails (2 s, on a loaded machine). */
    public static final long MAX_CPU_NANOS = 2_000_000_000L;

    private static final Pattern VALUE = Pattern.compile("\"[A-Za-z_]+\"\\s*:\\s*");
    private static final String[] WRONG_TYPES = {
        "{}",
        "[]",
        "null",
        "true",
        "\"x\"",
        "0",
        "-1",
        "1e999",
        "-0.0",
        "[[[[1]]]]",
        "{\"a\":{\"b\":[]}}",
        "\"\"",
        "18446744073709551616",
        "1e2147483648",
        "101444e122497028096",
        "-1.5E-99999999999",
        "\"\\ud800\"",
        "\"\\u0000\""
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, 0x28},
        {(byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, 0x28, (byte) 0x8C},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE2, (byte) 0x82},
        {0}
    };

    /** jqwik's generation size: bounds the length of generated lists and strings. */
    private static final int GENERATION_SIZE = 1_000;

    private PayloadFuzz() {}

    /** The seed of the next run: {@value #SEED_PROPERTY} when set, else a new random one. */
    public static long seed() {
        String fixed = System.getProperty(SEED_PROPERTY, "").trim();
        if (fixed.isEmpty()) {
            return new SecureRandom().nextLong();
        }
        try {
            return Long.parseLong(fixed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, was '" + fixed + "'", e);
        }
    }

    /** Cases per run: {@value #TRIES_PROPERTY} when set, else {@value #DEFAULT_TRIES}. */
    public static int tries() {
        int tries = Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES);
        if (tries < 1) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " must be at least 1, was " + tries);
        }
        return tries;
    }

    /** Hostile bodies made from the seeds (real payloads), one generator per kind of damage. */
    public static Arbitrary<byte[]> hostile(List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must hold at least one payload");
        }
        Arbitrary<byte[]> seed = Arbitraries.of(List.copyOf(seeds));
        Arbitrary<Random> random = Arbitraries.randoms();
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(600)),
                Tuple.of(3, Combinators.combine(seed, random).as(PayloadFuzz::truncate)),
                Tuple.of(3, Combinators.combine(seed, random).as(PayloadFuzz::flipBytes)),
                Tuple.of(4, Combinators.combine(seed, random).as(PayloadFuzz::wrongType)),
                Tuple.of(2, Combinators.combine(seed, random).as(PayloadFuzz::hugeValue)),
                Tuple.of(2, Combinators.combine(seed, random).as(PayloadFuzz::invalidUtf8)),
                Tuple.of(1, Combinators.combine(seed, seed, random).as(PayloadFuzz::splice)),
                Tuple.of(1, seed));
    }

    /**
     * Feeds {@code tries} cases to every entry point.
     *
     * @param entryPoints each parser or handler by name, given the raw body
     * @param typed the exception types that count as a typed result
     * @return how the cases ended: per entry point, "returned" or the exception's simple name, with counts
     * @throws AssertionError naming the entry point, the throwable and the case when one ends in anything else
     */
    public static Report run(
            Arbitrary<byte[]> cases,
            int tries,
            Map<String, Consumer<byte[]>> entryPoints,
            Set<Class<? extends Throwable>> typed) {
        long seed = seed();
        Random random = new Random(seed);
        boolean ownSession = !JqwikSession.isActive(); // jqwik's generators need one outside a property
        if (ownSession) {
            JqwikSession.start();
        }
        try {
            return run(cases.generator(GENERATION_SIZE), seed, random, tries, entryPoints, typed);
        } finally {
            if (ownSession) {
                JqwikSession.finish();
            }
        }
    }

    private static Report run(
            RandomGenerator<byte[]> generator,
            long seed,
            Random random,
            int tries,
            Map<String, Consumer<byte[]>> entryPoints,
            Set<Class<? extends Throwable>> typed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        int count = 0;
        while (count < tries) {
            byte[] body = generator.next(random).value();
            count++;
            String which = "case " + count + " of seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + " replays it)";
            for (Map.Entry<String, Consumer<byte[]>> entry : entryPoints.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                String outcome;
                try {
                    entry.getValue().accept(body);
                    outcome = "returned";
                } catch (Throwable t) {
                    if (typed.stream().noneMatch(type -> type.isInstance(t))) {
                        throw new AssertionError(
                                entry.getKey() + " ended " + which + " in " + t + " on: " + describe(body), t);
                    }
                    outcome = t.getClass().getSimpleName();
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (cpu > MAX_CPU_NANOS) {
                    throw new AssertionError(entry.getKey() + " took " + cpu / 1_000_000 + " ms of CPU on " + which
                            + ": " + describe(body));
                }
                outcomes.computeIfAbsent(entry.getKey(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            }
        }
        return new Report(count, outcomes);
    }

    /**
     * As {@link #run}, while a {@link LogLineWatch} reads every log line the cases cause: fails, quoting the first
     * violations, when a line is longer than {@code maxLogLine} characters or holds a card number or IBAN. Needs
     * logback-classic on the test classpath.
     */
    public static Report runWatchingLogs(
            Arbitrary<byte[]> cases,
            int tries,
            Map<String, Consumer<byte[]>> entryPoints,
            Set<Class<? extends Throwable>> typed,
            int maxLogLine) {
        try (LogLineWatch logs = LogLineWatch.start(maxLogLine)) {
            Report report = run(cases, tries, entryPoints, typed);
            if (!logs.violations().isEmpty()) {
                throw new AssertionError("log lines longer than " + maxLogLine
                        + " chars or holding a card number or IBAN: " + logs.violations());
            }
            return report;
        }
    }

    /**
     * How a run ended.
     *
     * @param cases cases fed to each entry point
     * @param outcomes per entry point, each outcome ("returned" or an exception's simple name) and its count
     */
    public record Report(int cases, Map<String, Map<String, Integer>> outcomes) {
        public Report {
            outcomes = Map.copyOf(new LinkedHashMap<>(outcomes));
        }

        /** Cases an entry point ended in the given outcome. */
        public int count(String entryPoint, String outcome) {
            return outcomes.getOrDefault(entryPoint, Map.of()).getOrDefault(outcome, 0);
        }
    }

    private static String describe(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
        return body.length + " bytes starting " + text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static byte[] truncate(byte[] seed, Random random) {
        return Arrays.copyOf(seed, random.nextInt(Math.max(1, seed.length)));
    }

    private static byte[] flipBytes(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] wrongType(byte[] seed, Random random) {
        return replaceValue(seed, random, WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]);
    }

    private static byte[] hugeValue(byte[] seed, Random random) {
        // mostly 1,000 .. 64,000 characters; one in sixteen 500,000 (the size of the known attack)
        int size = random.nextInt(16) == 0 ? 500_000 : 1000 << random.nextInt(7);
        String value =
                switch (random.nextInt(5)) {
                    case 0 -> "9".repeat(size);
                    case 1 -> "-0." + "1".repeat(size) + "e-99999";
                    case 2 -> "\"" + "a".repeat(size) + "\"";
                    case 3 -> "[".repeat(size);
                    default -> "{\"" + "k".repeat(size) + "\":1}";
                };
        return replaceValue(seed, random, value);
    }

    private static byte[] invalidUtf8(byte[] seed, Random random) {
        byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        int at = random.nextInt(seed.length + 1);
        byte[] out = new byte[seed.length + bad.length];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(seed, at, out, at + bad.length, seed.length - at);
        return out;
    }

    private static byte[] splice(byte[] first, byte[] second, Random random) {
        int cut1 = random.nextInt(first.length + 1);
        int cut2 = random.nextInt(second.length + 1);
        byte[] out = new byte[cut1 + second.length - cut2];
        System.arraycopy(first, 0, out, 0, cut1);
        System.arraycopy(second, cut2, out, cut1, second.length - cut2);
        return out;
    }

    /** Replaces the value after a random {@code "key":} with the given text (or appends it when none). */
    private static byte[] replaceValue(byte[] seed, Random random, String value) {
        String text = new String(seed, StandardCharsets.UTF_8);
        List<int[]> places = new ArrayList<>();
        Matcher m = VALUE.matcher(text);
        while (m.find()) {
            places.add(new int[] {m.end(), valueEnd(text, m.end())});
        }
        if (places.isEmpty()) {
            return (text + value).getBytes(StandardCharsets.UTF_8);
        }
        int[] place = places.get(random.nextInt(places.size()));
        return (text.substring(0, place[0]) + value + text.substring(place[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** End of the JSON value starting at {@code from}: a string, a scalar, or a balanced object or array. */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}
