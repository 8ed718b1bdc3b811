package org.socialcare.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each one as a ratio to the baseline measured in the same run (a
 * benchmark method whose name starts with "baseline", per parameter set). Absolute times depend on the
 * machine; ratios travel. Takes JMH's own command line (a regex to choose benchmarks, default all; {@code -wi},
 * {@code -i}, {@code -f}, {@code -prof gc}, ...).
 */
public final class RatioReport {
    private RatioReport() {}

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH options: " + e.getMessage(), e);
        }
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            builder.include("org.socialcare.benchmarks.*");
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> baselines = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.substring(name.lastIndexOf('.') + 1).startsWith("baseline")) {
                baselines.put(key(r), r.getPrimaryResult().getScore());
            }
        }
        System.out.println();
        System.out.println(
                "benchmark                                  params                      score      ratio to baseline");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            Double base = baselines.get(key(r));
            double score = r.getPrimaryResult().getScore();
            System.out.printf(
                    "%-42s %-26s %8.2f %s  %s%n",
                    name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    params(r),
                    score,
                    r.getPrimaryResult().getScoreUnit(),
                    base == null ? "(no baseline)" : ratio(score / base));
        }
    }

    private static String key(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(0, name.lastIndexOf('.')) + "|" + params(r);
    }

    private static String params(RunResult r) {
        StringBuilder b = new StringBuilder();
        for (String k : r.getParams().getParamsKeys()) {
            b.append(k).append('=').append(r.getParams().getParam(k)).append(' ');
        }
        return b.toString().trim();
    }

    /** Two significant digits below 1 (x0.081), one decimal above (x1.8). */
    static String ratio(double ratio) {
        return String.format(java.util.Locale.ROOT, ratio < 1 ? "x%.2g" : "x%.1f", ratio);
    }
}
