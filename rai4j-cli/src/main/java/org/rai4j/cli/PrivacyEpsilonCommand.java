package org.rai4j.cli;

import org.rai4j.core.DataFileException;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.PrivacyCsv;
import org.rai4j.privacy.PrivacySpent;
import org.rai4j.privacy.RdpOrders;
import org.rai4j.privacy.Segment;
import org.rai4j.report.PrivacyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rai4j privacy epsilon}: the ε spent by DP-SGD (Poisson-subsampled Gaussian mechanism) for given
 * σ, q, steps and δ; for a heterogeneous schedule; or for every row of a batch file.
 */
@Command(name = "epsilon", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Epsilon spent by DP-SGD with Poisson sampling: one setting, a schedule of segments "
                + "(--schedule), or one JSON line per row of a CSV (--batch)."},
        footer = {"", "Examples:",
                "  rai4j privacy epsilon --sample-rate 0.04 --noise-multiplier 1.5 --steps 2250 --delta 1e-5",
                "  rai4j privacy epsilon --schedule schedule.csv --delta 1e-5 --accountant prv --json -",
                "  rai4j privacy epsilon --batch settings.csv --json -",
                "Batch header: sample_rate,noise_multiplier,steps,delta[,accountant]. "
                        + "Schedule header: noise_multiplier,sample_rate,steps (one row per segment)."})
public final class PrivacyEpsilonCommand implements Callable<Integer> {
    @Option(names = "--sample-rate", paramLabel = "Q", description = "Poisson sampling rate q in [0, 1] (expected batch size / dataset size).")
    Double sampleRate;

    @Option(names = "--noise-multiplier", paramLabel = "S", description = "Noise multiplier sigma >= 0 (noise std / clip norm).")
    Double noiseMultiplier;

    @Option(names = "--steps", paramLabel = "T", description = "Number of training steps.")
    Long steps;

    @Option(names = "--delta", paramLabel = "D", description = "Target delta in (0, 1).")
    Double delta;

    @Option(names = "--accountant", paramLabel = "rdp|prv|gdp", defaultValue = "rdp",
            description = "rdp (default; Opacus's orders), prv (tighter, Gopi et al.), gdp (CLT approximation, not a bound).")
    String accountant;

    @Option(names = "--rdp-orders", paramLabel = "opacus|extended", defaultValue = "opacus",
            description = "RDP orders: opacus (default: 1.1..10.9, 12..63, as Opacus) or extended (adds 11, 64..1024).")
    String rdpOrders;

    @Option(names = "--schedule", paramLabel = "FILE.csv", description = "Segments noise_multiplier,sample_rate,steps composed in order.")
    Path schedule;

    @Option(names = "--batch", paramLabel = "FILE.csv", description = "Compute one JSON object per row of this CSV.")
    Path batch;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Write JSON (one object per line) to standard output (-) or FILE.")
    String json;

    private RdpOrders orders = RdpOrders.OPACUS_DEFAULT;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() throws Exception {
        Accountant defaultAccountant = parseAccountant(accountant);
        RunOutputs run = new RunOutputs().input("--batch", batch).input("--schedule", schedule);
        run.declare("--json", json);
        orders = switch (rdpOrders.toLowerCase(java.util.Locale.ROOT)) {
            case "opacus" -> RdpOrders.OPACUS_DEFAULT;
            case "extended" -> RdpOrders.EXTENDED;
            default -> throw new UserException("--rdp-orders must be opacus or extended, got '" + rdpOrders + "'");
        };
        if (batch != null) {
            if (schedule != null || sampleRate != null || noiseMultiplier != null || steps != null || delta != null) {
                throw new UserException("--batch takes every setting from the file; drop --schedule, --sample-rate, "
                        + "--noise-multiplier, --steps and --delta");
            }
            return runBatch(defaultAccountant, run);
        }
        if (delta == null) {
            throw new UserException("--delta is required (e.g. --delta 1e-5; usually below 1/dataset size)");
        }
        List<Segment> segments;
        if (schedule != null) {
            if (sampleRate != null || noiseMultiplier != null || steps != null) {
                throw new UserException("--schedule gives sigma, q and steps per segment; drop --sample-rate, --noise-multiplier and --steps");
            }
            segments = readSchedule(schedule);
        } else {
            if (sampleRate == null || noiseMultiplier == null || steps == null) {
                throw new UserException("need --sample-rate, --noise-multiplier and --steps (or --schedule FILE.csv, or --batch FILE.csv)");
            }
            segments = List.of(segment(noiseMultiplier, sampleRate, steps));
        }
        PrivacySpent spent = compute(defaultAccountant, segments, checkDelta(delta), orders);
        for (String w : spent.warnings()) {
            err().println("rai4j: warning: " + w + (spent.accountant() == Accountant.RDP && orders == RdpOrders.OPACUS_DEFAULT
                    && spent.epsilon() != Double.POSITIVE_INFINITY ? " (--rdp-orders extended)" : ""));
        }
        if (json != null) {
            run.jsonLines(json, List.of(PrivacyReport.epsilonJson(spent)));
        } else {
            run.out.append(PrivacyReport.epsilonText(spent, segments));
        }
        run.finish(out(), err());
        return 0;
    }

    private int runBatch(Accountant defaultAccountant, RunOutputs run) throws Exception {
        PrivacyCsv csv = PrivacyCsv.read(batch, List.of("sample_rate", "noise_multiplier", "steps", "delta"), ReadProgress.of(batch));
        int n = csv.rows();
        List<Segment> segs = new ArrayList<>(n);
        double[] deltas = new double[n];
        Accountant[] accountants = new Accountant[n];
        for (int r = 0; r < n; r++) {
            double q = csv.number(r, "sample_rate", 0, true, 1, true);
            double s = csv.number(r, "noise_multiplier", 0, true, Double.POSITIVE_INFINITY, false);
            long t = csv.count(r, "steps", 0);
            deltas[r] = csv.number(r, "delta", 0, false, 1, false);
            accountants[r] = csv.accountant(r, defaultAccountant);
            segs.add(Double.isNaN(q) || Double.isNaN(s) || t < 0 ? null : new Segment(s, q, t));
        }
        csv.throwIfAny();
        boolean[] edge = new boolean[n];
        boolean[] gdp = new boolean[n];
        boolean[] infinite = new boolean[n];
        PrivacyBatchRunner.Result result = PrivacyBatchRunner.run(n, r -> {
            PrivacySpent spent = accountants[r].epsilon(List.of(segs.get(r)), deltas[r], orders);
            infinite[r] = spent.epsilon() == Double.POSITIVE_INFINITY;
            edge[r] = spent.accountant() == Accountant.RDP && !spent.warnings().isEmpty() && !infinite[r];
            gdp[r] = spent.accountant() == Accountant.GDP;
            return PrivacyReport.epsilonJson(spent);
        }, r -> batch + ":" + csv.line(r), err());
        run.jsonLines(json == null ? "-" : json, result.objects());
        run.finish(out(), err());
        summarise(edge, "the optimal RDP order is at the edge of the order list, so epsilon may be loose "
                + "(try --rdp-orders extended or --accountant prv)", csv);
        summarise(gdp, "GDP is a central-limit approximation, not a bound", csv);
        summarise(infinite, "epsilon is infinite: the noise multiplier is 0 (no noise, no privacy) or too small for "
                + "any finite guarantee", csv);
        return result.failures() == 0 ? 0 : 1;
    }

    private void summarise(boolean[] flagged, String what, PrivacyCsv csv) {
        int count = 0;
        int first = -1;
        for (int r = 0; r < flagged.length; r++) {
            if (flagged[r]) {
                count++;
                first = first < 0 ? r : first;
            }
        }
        if (count > 0) {
            err().println("rai4j: warning: " + count + " of " + flagged.length + " rows: " + what + " (first: "
                    + batch + ":" + csv.line(first) + ")");
        }
    }

    static List<Segment> readSchedule(Path file) throws DataFileException {
        PrivacyCsv csv = PrivacyCsv.read(file, List.of("noise_multiplier", "sample_rate", "steps"), ReadProgress.of(file));
        List<Segment> segments = new ArrayList<>();
        for (int r = 0; r < csv.rows(); r++) {
            double s = csv.number(r, "noise_multiplier", 0, true, Double.POSITIVE_INFINITY, false);
            double q = csv.number(r, "sample_rate", 0, true, 1, true);
            long t = csv.count(r, "steps", 0);
            if (!Double.isNaN(s) && !Double.isNaN(q) && t >= 0) {
                segments.add(new Segment(s, q, t));
            }
        }
        csv.throwIfAny();
        return segments;
    }

    private static PrivacySpent compute(Accountant a, List<Segment> segments, double delta, RdpOrders orders) {
        try {
            return a.epsilon(segments, delta, orders);
        } catch (IllegalStateException e) {
            throw new UserException("the " + a.key() + " accountant cannot handle these parameters: " + e.getMessage()
                    + (a == Accountant.PRV ? " (try --accountant rdp)" : ""));
        }
    }

    static Accountant parseAccountant(String key) {
        try {
            return Accountant.parse(key);
        } catch (IllegalArgumentException e) {
            throw new UserException("--accountant must be rdp, prv or gdp, got '" + key + "'");
        }
    }

    static double checkDelta(double d) {
        if (!(d > 0 && d < 1)) {
            throw new UserException("--delta must be in (0, 1), got " + d);
        }
        return d;
    }

    private static Segment segment(double sigma, double q, long t) {
        if (!(q >= 0 && q <= 1)) {
            throw new UserException("--sample-rate must be in [0, 1], got " + q);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new UserException("--noise-multiplier must be >= 0 and finite, got " + sigma);
        }
        if (t < 0) {
            throw new UserException("--steps must be >= 0, got " + t);
        }
        return new Segment(sigma, q, t);
    }
}
