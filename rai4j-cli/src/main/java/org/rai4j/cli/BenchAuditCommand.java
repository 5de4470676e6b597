package org.rai4j.cli;

import org.rai4j.fairness.AuditBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rai4j bench audit}: CSV ingest, counting pass and bootstrap-interval cost at several data sizes. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Ingest, counting pass and B bootstrap intervals on synthetic data with known group rates.")
public final class BenchAuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", split = ",", paramLabel = "N", description = "Row counts (default 1000000,10000000).")
    List<Long> rows = new ArrayList<>(List.of(1_000_000L, 10_000_000L));

    @Option(names = "--slices", defaultValue = "100", description = "Finest slices (default ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Replicates (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--temp-dir", description = "Where the temporary CSV goes (default: the system temp dir).")
    Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rai4j bench audit · %d slices · B=%d · %d cores · Java %s%n", slices, bootstrap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%12s %10s %12s %14s %16s %14s %16s %10s%n", "rows", "CSV MB", "ingest MB/s",
                "ingest rows/s", "count rows/s", "intervals s", "naive boot. s", "speed-up");
        AuditBenchmark.Result first = null;
        for (long n : rows) {
            AuditBenchmark.Result r = AuditBenchmark.run(n, slices, bootstrap, tempDir);
            first = first == null ? r : first;
            out.printf(Locale.ROOT, "%12d %10.1f %12.1f %14.3g %16.3g %14.3f %16.1f %9.0fx%n", r.rows(), r.csvBytes() / 1e6,
                    r.ingestMBps(), r.ingestRowsPerSecond(), r.countRowsPerSecond(), r.intervalSeconds(),
                    r.naiveIntervalSeconds(), r.naiveIntervalSeconds() / r.intervalSeconds());
            out.flush();
        }
        out.println();
        out.println("intervals s: full audit (counting, B multinomial replicates on the sufficient statistics, all aggregates,");
        out.println("pairwise significance tests) — independent of N. naive boot.: row resampling, timed on 3 replicates, scaled to B.");
        return 0;
    }
}
