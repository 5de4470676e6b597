package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.bounty.BountyBenchmark;
import org.rai4j.fairness.AuditBenchmark;
import org.rai4j.federated.FederatedBenchmark;
import org.rai4j.privacy.DpBenchmark;
import org.rai4j.privacy.PrivacyRandom;
import org.rai4j.speech.SpeechMetric;
import org.rai4j.speech.SpeechScoringBenchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Renderings of the benchmark results that the {@code rai4j bench} commands print (console text, JSON). Stateless. */
public final class BenchReport {
    private BenchReport() {}

    /** {@code rai4j bench bounty}: verification time per submission and batched vs per-row PDL evaluation. */
    public static String bounty(BountyBenchmark.Result r) {
        StringBuilder sb = new StringBuilder();
        double[] reject = r.rejectMs();
        sb.append(String.format(Locale.ROOT, "bench bounty: holdout %,d rows, PDL %d nodes (%d leaves, %d repairs), 0-1 loss, alpha 0.001%n",
                r.rows(), r.nodes(), r.leaves(), r.repairs()));
        sb.append(String.format(Locale.ROOT, "verify one submission (rejected: %s): median %.1f ms over %d runs (min %.1f, max %.1f)%n",
                "NO_IMPROVEMENT/BELOW_ALPHA", median(reject), reject.length, min(reject), max(reject)));
        sb.append(String.format(Locale.ROOT, "verify + accept one submission (update, repair check over %d groups, audit entry): %.1f ms (%s)%n",
                r.groups(), r.acceptMs(), r.accepted() ? "accepted" : "rejected " + r.acceptReason()));
        double batched = median(r.batchedMs());
        double perRow = median(r.perRowMs());
        sb.append(String.format(Locale.ROOT, "PDL evaluation, %d nodes (cached memberships): batched masks median %.1f ms, per-row traversal median %.1f ms: "
                + "ratio %.1fx%n", r.evaluatedNodes(), batched, perRow, perRow / batched));
        sb.append(String.format(Locale.ROOT, "PDL evaluation from scratch (every group and model evaluated on %,d rows): %.1f ms%n", r.rows(), r.coldMs()));
        return sb.toString();
    }

    /** {@code rai4j bench fl}: rounds/s with 1 and 2 threads, speed-up, peak heap, bit-identity and final accuracy. */
    public static String fl(FederatedBenchmark.Report r) {
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

    /** {@code rai4j bench fl --json}: the same figures as a JSON tree (non-finite numbers null). */
    public static ObjectNode flJson(FederatedBenchmark.Report r) {
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

    /** {@code rai4j bench audit}: the title and the column header. */
    public static String auditHeader(int slices, int bootstrap) {
        return String.format(Locale.ROOT, "rai4j bench audit · %d slices · B=%d · %d cores · Java %s%n", slices, bootstrap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"))
                + String.format(Locale.ROOT, "%12s %10s %12s %14s %16s %14s %16s %10s%n", "rows", "CSV MB", "ingest MB/s",
                "ingest rows/s", "count rows/s", "intervals s", "naive boot. s", "speed-up");
    }

    /** {@code rai4j bench audit}: one data size. */
    public static String auditRow(AuditBenchmark.Result r) {
        return String.format(Locale.ROOT, "%12d %10.1f %12.1f %14.3g %16.3g %14.3f %16.1f %9.0fx%n", r.rows(), r.csvBytes() / 1e6,
                r.ingestMBps(), r.ingestRowsPerSecond(), r.countRowsPerSecond(), r.intervalSeconds(),
                r.naiveIntervalSeconds(), r.naiveIntervalSeconds() / r.intervalSeconds());
    }

    /** {@code rai4j bench audit}: what the columns mean. */
    public static String auditFooter() {
        String nl = System.lineSeparator();
        return nl + "intervals s: full audit (counting, B multinomial replicates on the sufficient statistics, all aggregates," + nl
                + "pairwise significance tests) — independent of N. naive boot.: row resampling, timed on 3 replicates, scaled to B." + nl;
    }

    /** The upper median (element n/2 of the sorted values), as the bench commands report it. */
    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    /**
     * {@code rai4j bench scale}: per step the median [min–max] wall seconds over the repetitions, CPU seconds and MB/s
     * (median [min–max]), for the CSV file whose lines repeat and the one whose lines are all distinct.
     *
     * @param fileBytes  size of each file: {@code csv}, {@code csv_unique}, {@code parquet}, {@code baseline}, {@code baseline_unique}
     * @param stepBytes  per step, the bytes it reads (0: no MB/s)
     * @param wall       per step, wall seconds of each repetition; {@code cpu} the same in process CPU seconds
     * @param sameCounts whether both CSV shapes gave the same tuple counts on every repetition
     */
    public static String scale(long rows, long baselineRows, int threads, java.util.Map<String, Long> fileBytes,
                               java.util.Map<String, Long> stepBytes, java.util.Map<String, double[]> wall,
                               java.util.Map<String, double[]> cpu, double loadBefore, double loadAfter, boolean sameCounts) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench scale: %,d rows, %d cores; baseline files: the first %,d rows%n", rows, threads, baselineRows));
        sb.append(String.format(Locale.ROOT, "  repeating lines  sex,age_band,race,y_true,y_pred            CSV %7.1f MB (baseline %.1f MB), Parquet %.1f MB%n",
                fileBytes.get("csv") / 1e6, fileBytes.get("baseline") / 1e6, fileBytes.get("parquet") / 1e6));
        sb.append(String.format(Locale.ROOT, "  unique lines     id,<the same 5 columns>,score (not audited)  CSV %7.1f MB (baseline %.1f MB)%n",
                fileBytes.get("csv_unique") / 1e6, fileBytes.get("baseline_unique") / 1e6));
        sb.append(String.format(Locale.ROOT, "%d interleaved repetitions; load average %.2f before, %.2f after%n",
                wall.values().iterator().next().length, loadBefore, loadAfter));
        sb.append(String.format(Locale.ROOT, "%-27s %26s %8s %24s%n", "step", "wall s median [min-max]", "cpu s", "MB/s median [min-max]"));
        for (java.util.Map.Entry<String, double[]> e : wall.entrySet()) {
            double[] w = e.getValue().clone();
            Arrays.sort(w);
            double med = w[w.length / 2];
            long bytes = stepBytes.get(e.getKey());
            String rate = bytes == 0 ? "-" : String.format(Locale.ROOT, "%6.0f [%5.0f-%5.0f]", bytes / 1e6 / med,
                    bytes / 1e6 / w[w.length - 1], bytes / 1e6 / w[0]);
            sb.append(String.format(Locale.ROOT, "%-27s %9.3f [%6.3f-%6.3f] %8.2f %24s%n", e.getKey(), med, w[0], w[w.length - 1],
                    median(cpu.get(e.getKey())), rate));
        }
        sb.append(String.format(Locale.ROOT, "parallel / sequential CSV reader on the baseline files: repeating lines %.1fx, unique lines %.1fx faster "
                        + "(same files, same process)%n", median(wall.get("baseline_sequential")) / median(wall.get("baseline_parallel")),
                median(wall.get("baseline_sequential_unique")) / median(wall.get("baseline_parallel_unique"))));
        sb.append(String.format(Locale.ROOT, "MB per CPU-second (median CPU seconds, all threads and the SHA-256 included): csv_parallel %.0f, "
                        + "csv_parallel_unique %.0f%n", stepBytes.get("csv_parallel") / 1e6 / median(cpu.get("csv_parallel")),
                stepBytes.get("csv_parallel_unique") / 1e6 / median(cpu.get("csv_parallel_unique"))));
        sb.append("tuple counts of the two CSV files equal on every repetition: ").append(sameCounts ? "yes" : "NO").append('\n');
        sb.append("parquet_duckdb MB/s is in CSV-equivalent bytes (the same rows as the repeating-lines CSV).\n");
        return sb.toString();
    }

    /**
     * {@code rai4j bench dp}: step times (SGD, DP-SGD, naive), ratios with quartiles, noise modes, the PyTorch
     * baseline when run, noise throughput and accountant latency. Formats with the default locale, as it always did.
     */
    public static String dp(DpBenchmark.Report r) {
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
        ObjectNode o = Json.object();
        o.put("median", s.median());
        o.put("p25", s.p25());
        o.put("p75", s.p75());
        o.put("n", s.count());
        return o;
    }

    /** {@code rai4j bench dp --json}: the same measurements as one JSON object (the one JSON policy for non-finite numbers). */
    public static ObjectNode dpJson(DpBenchmark.Report r) {
        ObjectNode root = Json.object();
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("kernels", r.kernels());
        Json.put(root, "load_before", r.loadBefore());
        Json.put(root, "load_after", r.loadAfter());
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
            Json.put(o, "load_start", t.loadStart());
            Json.put(o, "load_end", t.loadEnd());
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

    /** {@code rai4j bench speech}'s target: 10 x jiwer 2.5.1's 29.8k pairs/s on this machine kind. */
    public static final double SPEECH_TARGET = 300_000;

    /**
     * {@code rai4j bench speech}: the data, the paths' pairs/s (median [min - max]) against the previous
     * implementation, pairs per CPU-second, and the target verdict.
     */
    public static String speech(SpeechScoringBenchmark.Result r, String source, int repetitions, int warmup, double loadBefore,
                                double loadAfter) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "speech scoring from strings (normalise, word + character alignment), %,d pairs per pass = %s (%,d pairs) cycled%n",
                r.pairs(), source, r.distinctPairs()));
        sb.append(String.format(Locale.ROOT, "  normalised reference: %.1f words, %.1f characters on average; WER %.3f, CER %.3f; all paths give identical counts%n",
                r.meanReferenceWords(), r.meanReferenceChars(), SpeechMetric.WER.of(r.totals()), SpeechMetric.CER.of(r.totals())));
        sb.append(String.format(Locale.ROOT, "  %d interleaved repetitions after %d warm-up; %d processors; load average %.2f before, %.2f after%n",
                repetitions, warmup, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        sb.append(String.format(Locale.ROOT, "  %-68s %14s  %-23s %11s  %s%n", "path", "pairs/s median", "[min - max]", "vs previous",
                "pairs per CPU-second"));
        for (SpeechScoringBenchmark.Timing t : List.of(r.previous(), r.oneThread(), r.multiThread())) {
            sb.append(String.format(Locale.ROOT, "  %-68s %,14.0f  [%,9.0f - %,9.0f] %9.1f x  %,12.0f%n", t.name(), t.median(), t.min(), t.max(),
                    t.median() / r.previous().median(), t.medianPerCpuSecond()));
        }
        sb.append(String.format(Locale.ROOT, "  target: >= %,.0f pairs/s from strings with word and character counts (10 x jiwer 2.5.1): %s%n",
                SPEECH_TARGET, r.multiThread().median() >= SPEECH_TARGET ? "met" : "NOT met"));
        return sb.toString();
    }
}
