package org.rai4j.cli;

import org.rai4j.privacy.DpBenchmark;
import org.rai4j.report.BenchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            run.jsonLines(json, List.of(BenchReport.dpJson(report)));
            if (!"-".equals(json)) {
                run.out.append(BenchReport.dp(report));
            }
        } else {
            run.out.append(BenchReport.dp(report));
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
}
