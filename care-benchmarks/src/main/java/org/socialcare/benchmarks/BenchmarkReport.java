package org.socialcare.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the scaling benchmarks with the GC profiler and writes {@code docs/benchmarks.md}: each figure per
 * message (or per reviewed conversation) with its allocation, the same-run baseline it is compared to, the
 * ratio, and the targets of issue 17, with the JVM, the cores and the date.
 *
 * <p>{@code quick} (default): 2 x 1 s warm-up, 3 x 1 s measurement, one fork; under 5 minutes on 2 cores.
 * {@code full}: 5 x 2 s warm-up, 5 x 2 s measurement, two forks (about 25 minutes). Usage: {@code java -cp
 * care-benchmarks/target/benchmarks.jar org.socialcare.benchmarks.BenchmarkReport [quick|full] [output file]}.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    public static void main(String[] args) throws RunnerException, IOException {
        String mode = args.length > 0 ? args[0] : "quick";
        if (!mode.equals("quick") && !mode.equals("full")) {
            throw new IllegalArgumentException("mode must be 'quick' or 'full', was '" + mode + "'");
        }
        Path out = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        Instant started = Instant.now();
        List<RunResult> results = new ArrayList<>();
        // the baseline once (it does not depend on the desk), then every desk figure
        String ingest = IngestBenchmark.class.getName();
        results.addAll(run(mode, ingest + ".baselineMapDedupe", "config=default", "open=1000", "loads=counted"));
        results.addAll(run(mode, ingest + ".deskIngestNewCustomers", "loads=counted"));
        // before (listing loads): the bank desk only, and not at 100,000 open (its prefill alone takes minutes)
        results.addAll(run(mode, ingest + ".deskIngestNewCustomers", "config=bank", "open=1000,10000", "loads=listed"));
        results.addAll(run(mode, SweepBenchmark.class.getName() + ".sweep.*"));
        // the sweep on PostgreSQL too (JdbcSweepBenchmark; its H2 rows are run by hand, see benchmarks.md)
        results.addAll(run(mode, JdbcSweepBenchmark.class.getName() + ".sweep.*", "db=postgresql"));
        String report = render(mode, results, started);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Runs the benchmarks matching {@code include}, with parameters given as {@code name=value1,value2}. */
    private static Collection<RunResult> run(String mode, String include, String... params) throws RunnerException {
        boolean quick = mode.equals("quick");
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(include)
                .addProfiler(GCProfiler.class)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .forks(quick ? 1 : 2);
        for (String p : params) {
            String[] kv = p.split("=", 2);
            o.param(kv[0], kv[1].split(","));
        }
        return new Runner(o.build()).run();
    }

    private static String render(String mode, List<RunResult> results, Instant started) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Written by `BenchmarkReport ").append(mode).append("` (care-benchmarks). ");
        b.append("JVM: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.vm.version"))
                .append("; cores: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append("; date: ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append("; run took ")
                .append(java.time.Duration.between(started, Instant.now()).toSeconds())
                .append(" s.\n\n");
        b.append("In memory, WARN logging, a moving clock, the backlog held constant (see the benchmark Javadoc). ")
                .append("Times are per message (ingest) or per reviewed conversation (sweep); allocation from ")
                .append("`-prof gc` (`gc.alloc.rate.norm`), per message.\n\n");
        Optional<Double> mapDedupe = score(results, "baselineMapDedupe", "default", "1000", "counted");
        b.append("| benchmark | config | loads | open | us/op | ± | B/op | baseline | ratio |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---|---:|\n");
        for (RunResult r : results) {
            String name = method(r);
            String config = config(r);
            String open = param(r, "open").orElse("");
            Result<?> p = r.getPrimaryResult();
            String baseline;
            Optional<Double> base;
            if (name.startsWith("deskIngest")) {
                baseline = "map dedupe";
                base = mapDedupe;
            } else if (name.startsWith("sweep")) {
                baseline = "sweep at 10,000 open";
                base = score(results, name, config, "10000", param(r, "loads").orElse(""));
            } else {
                baseline = "-";
                base = Optional.empty();
            }
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s |%n",
                    name,
                    config,
                    param(r, "loads").orElse(""),
                    open,
                    p.getScore(),
                    p.getScoreError(),
                    alloc(r).map(a -> String.format(Locale.ROOT, "%.0f", a)).orElse("n/a"),
                    baseline,
                    base.map(x -> String.format(Locale.ROOT, "x%.2f", p.getScore() / x))
                            .orElse("-")));
        }
        b.append("\n## Targets\n\n");
        for (String loads : List.of("counted", "listed")) {
            String when = loads.equals("counted") ? "now (counted loads)" : "before (listed loads)";
            target(
                    b,
                    when + ", bank configuration: cost per message at 100,000 open within 1.5x of 1,000 open",
                    score(results, "deskIngestNewCustomers", "bank", "100000", loads),
                    score(results, "deskIngestNewCustomers", "bank", "1000", loads));
            target(
                    b,
                    when + ", bank configuration: cost per message at 10,000 open within 1.5x of 1,000 open",
                    score(results, "deskIngestNewCustomers", "bank", "10000", loads),
                    score(results, "deskIngestNewCustomers", "bank", "1000", loads));
            target(
                    b,
                    when + ", default desk: cost per message at 100,000 open within 1.5x of 1,000 open",
                    score(results, "deskIngestNewCustomers", "default", "100000", loads),
                    score(results, "deskIngestNewCustomers", "default", "1000", loads));
            target(
                    b,
                    when + ", sweep in memory: time per reviewed conversation at 1,000,000 open within 1.5x of 10,000",
                    score(results, "sweepPerReviewedConversation", "bank", "1000000", loads),
                    score(results, "sweepPerReviewedConversation", "bank", "10000", loads));
        }
        target(
                b,
                "sweep on PostgreSQL: time per reviewed conversation at 1,000,000 open within 1.5x of 10,000",
                score(results, "sweepPerReviewedConversation", "bank, postgresql", "1000000", ""),
                score(results, "sweepPerReviewedConversation", "bank, postgresql", "10000", ""));
        return b.toString();
    }

    private static void target(StringBuilder b, String what, Optional<Double> big, Optional<Double> small) {
        if (big.isEmpty() || small.isEmpty()) {
            b.append("- ").append(what).append(": not measured in this run\n");
            return;
        }
        double ratio = big.get() / small.get();
        b.append(String.format(
                Locale.ROOT,
                "- %s: %.2f us vs %.2f us, ratio x%.2f: %s%n",
                what,
                big.get(),
                small.get(),
                ratio,
                ratio <= 1.5 ? "met" : "MISSED"));
    }

    private static Optional<Double> score(
            List<RunResult> results, String method, String config, String open, String loads) {
        return results.stream()
                .filter(r -> method(r).equals(method)
                        && param(r, "loads").orElse("").equals(loads)
                        && config(r).equals(config)
                        && param(r, "open").orElse("").equals(open))
                .map(r -> r.getPrimaryResult().getScore())
                .findFirst();
    }

    /** The desk configuration, with the database for the JDBC benchmarks ("bank, postgresql"). */
    private static String config(RunResult r) {
        return param(r, "config")
                .orElseGet(() -> param(r, "db").map(d -> "bank, " + d).orElse("bank"));
    }

    private static Optional<Double> alloc(RunResult r) {
        return Optional.ofNullable(r.getSecondaryResults().get("gc.alloc.rate.norm"))
                .map(Result::getScore);
    }

    private static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Optional<String> param(RunResult r, String key) {
        return r.getParams().getParamsKeys().contains(key)
                ? Optional.ofNullable(r.getParams().getParam(key))
                : Optional.empty();
    }
}
