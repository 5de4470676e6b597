package org.rai4j.cli;

import org.rai4j.federated.FederatedBenchmark;
import org.rai4j.report.BenchReport;
import org.rai4j.report.Json;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rai4j bench fl}: the federated simulator at a million virtual clients; 1 vs 2 threads, same bits. */
@Command(name = "fl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Federated simulation at scale: N virtual clients (generated on demand), K per round, R rounds of FedAvg "
                + "with logistic regression; rounds/s with 1 and 2 threads (alternating runs, median and range), peak heap, "
                + "and whether every run's final model is bit-identical. Figures depend on machine load."})
public final class BenchFlCommand implements Callable<Integer> {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "1000000", description = "Virtual clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--clients-per-round", paramLabel = "K", defaultValue = "100", description = "Clients per round (default ${DEFAULT-VALUE}).")
    int perRound;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "100", description = "Rounds per run (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--repetitions", paramLabel = "M", defaultValue = "3", description = "Runs per thread count, alternating (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Also write the figures as JSON to standard output (-) or FILE.")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFiles files = new OutputFiles();
        Path target = json == null || "-".equals(json) ? null : files.declare("--json", Path.of(json));
        FederatedBenchmark.Report r;
        try {
            r = FederatedBenchmark.run(new FederatedBenchmark.Options(clients, perRound, rounds, repetitions, 1L),
                    line -> err.println("rai4j: bench fl: " + line));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        String text = BenchReport.fl(r);
        if (json != null) {
            String doc = Json.document(BenchReport.flJson(r)) + "\n";
            if ("-".equals(json)) {
                out.print(doc);
            } else {
                files.put(target, doc);
                files.commit();
                out.print(text);
            }
        } else {
            out.print(text);
        }
        out.flush();
        return r.identicalBits() ? 0 : 1;
    }
}
