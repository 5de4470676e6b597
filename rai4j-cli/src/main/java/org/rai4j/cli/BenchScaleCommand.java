package org.rai4j.cli;

import org.rai4j.parquet.ScaleBenchmark;
import org.rai4j.report.BenchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rai4j bench scale}: parallel CSV and Parquet ingest MB/s and the count-based audit at N rows. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Ingest at scale: the parallel CSV reader and DuckDB over Parquet on N generated rows of the audit's shape,",
                "the audit on the counts, and the sequential CSV reader as baseline (same file, same process). The CSV comes",
                "twice: lines that repeat (the audited columns only) and lines that never do (with a row id and a score).",
                "Exit status 1 when the two CSV files give different tuple counts.",
                "Through ./rai4j, --engine spark [--master local[2]] runs the same audit on the local engine and on Spark instead",
                "(10^8 rows by default; minutes; see docs/scale.md)."})
public final class BenchScaleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000000", paramLabel = "N", description = "Rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--repetitions", defaultValue = "5", paramLabel = "R", description = "Interleaved repetitions (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Replicates of the audit (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Where the generated files go (default: the system temp dir).")
    Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() throws Exception {
        ScaleBenchmark.Result r = ScaleBenchmark.run(rows, repetitions, bootstrap, tempDir);
        PrintWriter out = spec.commandLine().getOut();
        out.print(BenchReport.scale(r.rows(), r.baselineRows(), r.threads(), r.fileBytes(), r.stepBytes(), r.wallSeconds(),
                r.cpuSeconds(), r.loadBefore(), r.loadAfter(), r.sameCounts()));
        out.flush();
        return r.sameCounts() ? 0 : 1;
    }
}
