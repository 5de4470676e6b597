package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.federated.FederatedBenchmark;
import org.rai4j.report.Json;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
        String text = render(r);
        if (json != null) {
            String doc = Json.document(toJson(r)) + "\n";
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

    static String render(FederatedBenchmark.Report r) {
        FederatedBenchmark.Options o = r.options();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "fl bench: %,d virtual clients, %d per round, %d rounds, FedAvg logistic regression (d=20)%n",
                o.clients(), o.perRound(), o.rounds()));
        for (FederatedBenchmark.Timing t : new FederatedBenchmark.Timing[] {r.oneThread(), r.twoThreads()}) {
            double[] v = t.roundsPerSecond();
            sb.append(String.format(Locale.ROOT, "  %d thread(s): median %.1f rounds/s (range %.1f – %.1f, %d runs); process CPU %.1f ms per round%n",
                    t.threads(), t.median(), v[0], v[v.length - 1], v.length, t.medianCpuMillisPerRound()));
        }
        sb.append(String.format(Locale.ROOT, "  speed-up 2 vs 1 thread: %.2fx%n", r.speedup()));
        sb.append(String.format(Locale.ROOT, "  peak heap: %.0f MB (max heap %.0f MB)%n", r.peakHeapBytes() / 1e6, r.maxHeapBytes() / 1e6));
        sb.append(String.format(Locale.ROOT, "  final parameters bit-identical across all runs and thread counts: %s%n", r.identicalBits() ? "yes" : "NO"));
        sb.append(String.format(Locale.ROOT, "  final accuracy on the evaluation set: %.4f%n", r.finalAccuracy()));
        return sb.toString();
    }

    static ObjectNode toJson(FederatedBenchmark.Report r) {
        ObjectNode o = Json.object();
        o.put("clients", r.options().clients());
        o.put("clients_per_round", r.options().perRound());
        o.put("rounds", r.options().rounds());
        for (FederatedBenchmark.Timing t : new FederatedBenchmark.Timing[] {r.oneThread(), r.twoThreads()}) {
            ObjectNode n = o.putObject("threads_" + t.threads());
            Json.put(n, "median_rounds_per_second", t.median());
            Json.put(n, "median_cpu_ms_per_round", t.medianCpuMillisPerRound());
            var arr = n.putArray("rounds_per_second");
            for (double v : t.roundsPerSecond()) {
                arr.add(v);
            }
        }
        Json.put(o, "speedup", r.speedup());
        o.put("peak_heap_bytes", r.peakHeapBytes());
        o.put("identical_bits", r.identicalBits());
        Json.put(o, "final_accuracy", r.finalAccuracy());
        return o;
    }
}
