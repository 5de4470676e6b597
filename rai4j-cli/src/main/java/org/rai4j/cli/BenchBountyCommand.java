package org.rai4j.cli;

import org.rai4j.bounty.BountyBenchmark;
import org.rai4j.report.BenchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bench bounty}: the time to verify one submission against a large holdout with a
 * many-node pointer decision list, and batched PDL evaluation against per-row traversal (the baseline)
 * in the same process. Synthetic data, fixed seed.
 */
@Command(name = "bounty", mixinStandardHelpOptions = true,
        description = "Benchmark: verify one bounty submission against a large holdout with a many-node PDL.")
public final class BenchBountyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Holdout rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--nodes", defaultValue = "50", paramLabel = "K", description = "PDL nodes including the base (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "7", paramLabel = "R", description = "Timed repetitions; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        BountyBenchmark.Result r;
        try {
            r = BountyBenchmark.run(rows, nodes, repeat, seed, what -> {
                err.println("bench bounty: " + what + "…");
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(BenchReport.bounty(r));
        out.flush();
        return 0;
    }
}
