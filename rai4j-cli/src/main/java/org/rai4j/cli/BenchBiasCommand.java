package org.rai4j.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.fairness.BiasBenchmark;
import org.rai4j.fairness.BiasMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j bench bias}: rows/s of {@code rai4j bias} after parsing, against the bare counting pass. */
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = "Rows per second of the bias metrics (all but FT) on a generated in-memory table (4 facet levels "
                + "one-vs-all, 5 strata, label and prediction), after parsing; baseline: the bare counting pass.")
final class BenchBiasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000000", description = "Rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--repetitions", defaultValue = "7", description = "Timed repetitions (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--mode", defaultValue = "clarify", description = "clarify or strict (strict adds 1000 bootstrap replicates).")
    String mode;

    @Override
    public Integer call() throws Exception {
        BiasMode m = "strict".equalsIgnoreCase(mode) ? BiasMode.STRICT : BiasMode.CLARIFY;
        BiasBenchmark.Result r = BiasBenchmark.run(rows, repetitions, m, 7L);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rai4j bench bias · %,d rows · %s mode · %d repetitions (interleaved, after one warm-up)%n",
                r.rows(), m.name().toLowerCase(Locale.ROOT), repetitions);
        out.printf(Locale.ROOT, "  full BiasAnalysis.run : median %.3f s  (min %.3f, max %.3f)  %.1f M rows/s%n", r.medianRun(),
                min(r.runSeconds()), max(r.runSeconds()), r.rowsPerSecond() / 1e6);
        out.printf(Locale.ROOT, "  bare counting pass    : median %.3f s  (min %.3f, max %.3f)  %.1f M rows/s%n", r.medianBaseline(),
                min(r.baselineSeconds()), max(r.baselineSeconds()), r.baselineRowsPerSecond() / 1e6);
        out.printf(Locale.ROOT, "  ratio full / bare     : %.2f%n", r.medianRun() / r.medianBaseline());
        out.flush();
        return 0;
    }

    private static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElse(Double.NaN);
    }
}
