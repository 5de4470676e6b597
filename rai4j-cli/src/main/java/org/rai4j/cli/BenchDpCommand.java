package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.privacy.DpBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.rai4j.privacy.PrivacyRandom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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

    @Option(names = "--torch", paramLabel = "SCRIPT", description = "Also time PyTorch's non-private step on the same MLP, "
            + "interleaved with the MLP's rounds, by running SCRIPT (scripts/torch-mlp-step.py) with /usr/bin/python3; "
            + "needs Debian's python3-torch.")
    Path torch;

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch's intra-op threads (default ${DEFAULT-VALUE}).")
    int torchThreads;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Also write the measurements as JSON to standard output (-) or FILE.")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 0 || naiveEvery < 1 || !(warmupSeconds >= 0) || torchThreads < 1) {
            throw new UserException("--rounds must be >= 1, --warmup and --warmup-seconds >= 0, --naive-every and "
                    + "--torch-threads >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOutputs run = new RunOutputs();
        run.declare("--json", json);
        DpBenchmark.Report report;
        try (TorchBaseline baseline = torch == null ? null : TorchBaseline.start(torch, torchThreads)) {
            report = DpBenchmark.run(new DpBenchmark.Options(warmup, warmupSeconds, rounds, naiveEvery, 1L), baseline,
                    what -> err.println("rai4j: bench dp: " + what + "…"));
        }
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

    /** PyTorch in a child process that times a block of steps whenever asked ("run K" → median ms). */
    static final class TorchBaseline implements DpBenchmark.Baseline, AutoCloseable {
        private static final int STEPS_PER_BLOCK = 10;
        private final Process process;
        private final BufferedReader from;
        private final Writer to;
        private final String name;

        private TorchBaseline(Process process, BufferedReader from, Writer to, String name) {
            this.process = process;
            this.from = from;
            this.to = to;
            this.name = name;
        }

        static TorchBaseline start(Path script, int threads) throws IOException {
            if (!Files.isRegularFile(script)) {
                throw new UserException("--torch " + script + ": no such file (the script is scripts/torch-mlp-step.py "
                        + "in the rai4j repository)");
            }
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            Process p = new ProcessBuilder(python, script.toString(), "--serve", "--threads", Integer.toString(threads))
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first == null) {
                String error = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.destroy();
                throw new UserException("--torch: " + python + " " + script + " failed"
                        + (error.contains("No module named 'torch'") ? ": PyTorch is not installed; install it with "
                        + "'apt-get install python3-torch'" : ": " + error));
            }
            return new TorchBaseline(p, in, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), first);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double stepMillis() {
            try {
                to.write("run " + STEPS_PER_BLOCK + "\n");
                to.flush();
                String line = from.readLine();
                if (line == null) {
                    throw new UserException("--torch: the PyTorch process ended unexpectedly");
                }
                return Double.parseDouble(line.trim());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                to.write("quit\n");
                to.close();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                process.destroy();
            }
        }
    }

    static String render(DpBenchmark.Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("DP-SGD step time (Java %s, %d cores, matrix kernels: %s)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), r.kernels()));
        sb.append(String.format("load average %.2f before, %.2f after: figures are under that load%n",
                r.loadBefore(), r.loadAfter()));
        sb.append(String.format("Each round: SGD and DP-SGD from the same parameters, the same Poisson batch sampled inside "
                + "each timer, order rotating; median [quartiles] over rounds; DP/SGD is the median per-round ratio.%n"));
        sb.append(String.format("%-40s %8s %22s %22s %22s %7s %9s  %s%n", "model (expected batch 256)", "params",
                "SGD ms", "DP-SGD ms", "DP/SGD", "target", "naive/SGD", "load"));
        for (DpBenchmark.StepTimes t : r.steps()) {
            sb.append(String.format("%-40s %8d %22s %22s %22s %6.2fx %8.1fx  %.1f–%.1f%n", t.model(), t.parameters(),
                    spread(t.sgd(), "%.2f"), spread(t.dp(), "%.2f"), spread(t.dpRatio(), "%.3f"), t.target(),
                    t.naiveRatio(), t.loadStart(), t.loadEnd()));
        }
        sb.append(String.format("%nDP-SGD with every noise draw on the stepping thread (none made ahead on the spare core): "
                + "DP/SGD by the wall clock, and by the thread's CPU clock (the work DP adds):%n"));
        for (DpBenchmark.StepTimes t : r.steps()) {
            sb.append(String.format("  %-38s wall %s   CPU %s%n", t.model(), spread(t.oneThreadRatio(), "%.3f"),
                    t.cpuRatio().count() == 0 ? "n/a" : spread(t.cpuRatio(), "%.3f")));
        }
        sb.append(String.format("%nNoise mode of the DP step: %s (the default). With %s noise the same step takes:%n",
                mode(r.steps().get(0).noiseMode()), mode(r.steps().get(0).otherMode())));
        for (DpBenchmark.StepTimes t : r.steps()) {
            sb.append(String.format("  %-38s %s x the DP step%n", t.model(), spread(t.otherModeRatio(), "%.3f")));
        }
        if (r.baseline() != null) {
            DpBenchmark.BaselineTimes b = r.baseline();
            sb.append(String.format("%nMLP 784→256→10 against %s (non-private SGD step, a slot in the MLP's rotation):%n",
                    b.name()));
            sb.append(String.format("  PyTorch ms %s; our DP-SGD step / PyTorch step %s (target <= %.1fx)%n",
                    spread(b.millis(), "%.2f"), spread(b.dpRatio(), "%.2f"), b.target()));
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

    private static String mode(PrivacyRandom.NoiseMode m) {
        return m == PrivacyRandom.NoiseMode.STANDARD ? "standard" : "floating-point hardened";
    }

    private static String spread(DpBenchmark.Spread s, String format) {
        return String.format(format + " [" + format + "–" + format + "]", s.median(), s.p25(), s.p75());
    }

    private static ObjectNode spreadJson(DpBenchmark.Spread s) {
        ObjectNode o = PrivacyOutput.object();
        o.put("median", s.median());
        o.put("p25", s.p25());
        o.put("p75", s.p75());
        o.put("n", s.count());
        return o;
    }

    private static ObjectNode toJson(DpBenchmark.Report r) {
        ObjectNode root = PrivacyOutput.object();
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("kernels", r.kernels());
        PrivacyOutput.put(root, "load_before", r.loadBefore());
        PrivacyOutput.put(root, "load_after", r.loadAfter());
        ArrayNode steps = root.putArray("steps");
        for (DpBenchmark.StepTimes t : r.steps()) {
            ObjectNode o = steps.addObject();
            o.put("model", t.model());
            o.put("parameters", t.parameters());
            o.put("batch_size", t.batchSize());
            o.put("noise_mode", t.noiseMode().name().toLowerCase(java.util.Locale.ROOT));
            o.set("sgd_ms", spreadJson(t.sgd()));
            o.set("dp_ms", spreadJson(t.dp()));
            o.set("dp_ratio", spreadJson(t.dpRatio()));
            o.put("target_ratio", t.target());
            o.set("other_noise_mode_ratio", spreadJson(t.otherModeRatio()));
            o.set("naive_ms", spreadJson(t.naive()));
            o.set("one_thread_dp_ratio", spreadJson(t.oneThreadRatio()));
            o.set("one_thread_cpu_ratio", spreadJson(t.cpuRatio()));
            PrivacyOutput.put(o, "load_start", t.loadStart());
            PrivacyOutput.put(o, "load_end", t.loadEnd());
        }
        if (r.baseline() != null) {
            ObjectNode b = root.putObject("baseline");
            b.put("name", r.baseline().name());
            b.set("ms", spreadJson(r.baseline().millis()));
            b.set("dp_ratio", spreadJson(r.baseline().dpRatio()));
            b.put("target_ratio", r.baseline().target());
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
