package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.privacy.DpBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bench dp}: DP-SGD step time against plain SGD for the same model and batch size, the naive
 * per-example implementation for scale, the secure noise generator's throughput and the accountants'
 * latency.
 */
@Command(name = "dp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Median step time of DP-SGD (ghost norms, secure noise) vs plain SGD and vs naive per-example "
                + "DP-SGD, for softmax regression 784->10, an MLP 784->256->10 and an embedding-bag text classifier "
                + "(vocabulary 20k, dim 64, 50 tokens), batch 256; noise-generator throughput; accountant latency. "
                + "Synthetic data; takes one to two minutes."})
public final class BenchDpCommand implements Callable<Integer> {
    @Option(names = "--rounds", paramLabel = "N", defaultValue = "40", description = "Measured rounds per model (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "40", description = "Warm-up rounds per model (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "5", description = "Warm up each model for at least S seconds too (default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--naive-every", paramLabel = "K", defaultValue = "4", description = "One naive step every K rounds (default ${DEFAULT-VALUE}).")
    int naiveEvery;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Also write the measurements as JSON to standard output (-) or FILE.")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 0 || naiveEvery < 1 || !(warmupSeconds >= 0)) {
            throw new UserException("--rounds must be >= 1, --warmup and --warmup-seconds >= 0, and --naive-every >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOutputs run = new RunOutputs();
        run.declare("--json", json);
        DpBenchmark.Report report = DpBenchmark.run(new DpBenchmark.Options(warmup, warmupSeconds, rounds, naiveEvery, 1L),
                what -> err.println("rai4j: bench dp: " + what + "…"));
        if (json != null) {
            PrivacyOutput.writeLines(json, List.of(toJson(report)), run);
            if (!"-".equals(json)) {
                run.out.append(render(report));
            }
        } else {
            run.out.append(render(report));
        }
        run.finish(out, err);
        return 0;
    }

    static String render(DpBenchmark.Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("DP-SGD step time, median over measured steps (Java %s, %d cores)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        sb.append(String.format("%-38s %9s %9s %9s %8s %8s %10s %8s%n", "model (batch 256)", "params", "SGD ms", "DP ms",
                "DP/SGD", "target", "naive ms", "naive/SGD"));
        for (DpBenchmark.StepTimes t : r.steps()) {
            sb.append(String.format("%-38s %9d %9.2f %9.2f %7.2fx %7.2fx %10.1f %7.1fx%n", t.model(), t.parameters(),
                    t.sgdMillis(), t.dpMillis(), t.dpRatio(), t.target(), t.naiveMillis(), t.naiveRatio()));
        }
        sb.append(String.format("%nGaussian noise throughput (one thread)%n"));
        for (DpBenchmark.NoiseThroughput n : r.noise()) {
            sb.append(String.format("%-52s %8.1f M draws/s%n", n.generator(), n.drawsPerSecond() / 1e6));
        }
        sb.append(String.format("%nAccountant latency (median)%n"));
        for (DpBenchmark.AccountingLatency a : r.accounting()) {
            sb.append(String.format("%-62s %9.2f ms   (= %.6g)%n", a.what(), a.millis(), a.result()));
        }
        return sb.toString();
    }

    private static ObjectNode toJson(DpBenchmark.Report r) {
        ObjectNode root = PrivacyOutput.object();
        ArrayNode steps = root.putArray("steps");
        for (DpBenchmark.StepTimes t : r.steps()) {
            ObjectNode o = steps.addObject();
            o.put("model", t.model());
            o.put("parameters", t.parameters());
            o.put("batch_size", t.batchSize());
            o.put("sgd_ms", t.sgdMillis());
            o.put("dp_ms", t.dpMillis());
            o.put("dp_ratio", t.dpRatio());
            o.put("target_ratio", t.target());
            o.put("naive_ms", t.naiveMillis());
            o.put("naive_ratio", t.naiveRatio());
        }
        ArrayNode noise = root.putArray("noise");
        for (DpBenchmark.NoiseThroughput n : r.noise()) {
            noise.addObject().put("generator", n.generator()).put("draws_per_second", n.drawsPerSecond());
        }
        ArrayNode acc = root.putArray("accounting");
        for (DpBenchmark.AccountingLatency a : r.accounting()) {
            acc.addObject().put("call", a.what()).put("ms", a.millis()).put("result", a.result());
        }
        return root;
    }
}
