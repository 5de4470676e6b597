package org.rai4j.cli;

import org.rai4j.fairness.AuditBenchmark;
import org.rai4j.report.BenchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        out.print(BenchReport.auditHeader(slices, bootstrap));
        for (long n : rows) {
            out.print(BenchReport.auditRow(AuditBenchmark.run(n, slices, bootstrap, tempDir)));
            out.flush();
        }
        out.print(BenchReport.auditFooter());
        out.flush();
        return 0;
    }
}
