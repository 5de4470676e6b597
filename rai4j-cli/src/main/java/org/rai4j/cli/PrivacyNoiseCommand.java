package org.rai4j.cli;

import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.PrivacyCsv;
import org.rai4j.privacy.NoiseCalibration;
import org.rai4j.report.PrivacyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rai4j privacy noise}: the noise multiplier σ that meets a target (ε, δ) for a sampling rate and
 * a number of steps — Opacus's {@code get_noise_multiplier} bisection (or the exact root).
 */
@Command(name = "noise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Noise multiplier for a target epsilon: Opacus's get_noise_multiplier bisection "
                + "(epsilon within 0.01 below the target), or the exact root with --exact."},
        footer = {"", "Examples:",
                "  rai4j privacy noise --target-epsilon 8 --delta 1e-5 --sample-rate 0.04 --steps 2250",
                "  rai4j privacy noise --batch targets.csv --json -",
                "Batch header: target_epsilon,delta,sample_rate,steps[,accountant]."})
public final class PrivacyNoiseCommand implements Callable<Integer> {
    @Option(names = "--target-epsilon", paramLabel = "E", description = "Target epsilon > 0.")
    Double targetEpsilon;

    @Option(names = "--delta", paramLabel = "D", description = "Target delta in (0, 1).")
    Double delta;

    @Option(names = "--sample-rate", paramLabel = "Q", description = "Poisson sampling rate q in (0, 1].")
    Double sampleRate;

    @Option(names = "--steps", paramLabel = "T", description = "Number of training steps (>= 1).")
    Long steps;

    @Option(names = "--accountant", paramLabel = "rdp|prv", defaultValue = "rdp",
            description = "rdp (default) or prv (slower, tighter); gdp is accepted but is not a bound.")
    String accountant;

    @Option(names = "--exact", description = "Return the sigma whose epsilon equals the target (Brent, 1e-12) instead of Opacus's bisection.")
    boolean exact;

    @Option(names = "--batch", paramLabel = "FILE.csv", description = "Compute one JSON object per row of this CSV.")
    Path batch;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Write JSON (one object per line) to standard output (-) or FILE.")
    String json;

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
        Accountant defaultAccountant = PrivacyEpsilonCommand.parseAccountant(accountant);
        RunOutputs run = new RunOutputs().input("--batch", batch);
        run.declare("--json", json);
        if (batch != null) {
            if (targetEpsilon != null || delta != null || sampleRate != null || steps != null) {
                throw new UserException("--batch takes every setting from the file; drop --target-epsilon, --delta, "
                        + "--sample-rate and --steps");
            }
            return runBatch(defaultAccountant, run);
        }
        if (targetEpsilon == null || delta == null || sampleRate == null || steps == null) {
            throw new UserException("need --target-epsilon, --delta, --sample-rate and --steps (or --batch FILE.csv)");
        }
        if (!(targetEpsilon > 0) || Double.isInfinite(targetEpsilon)) {
            throw new UserException("--target-epsilon must be > 0 and finite, got " + targetEpsilon);
        }
        PrivacyEpsilonCommand.checkDelta(delta);
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new UserException("--sample-rate must be in (0, 1], got " + sampleRate);
        }
        if (steps < 1) {
            throw new UserException("--steps must be >= 1, got " + steps);
        }
        NoiseCalibration.Calibrated c;
        try {
            c = calibrate(targetEpsilon, delta, sampleRate, steps, defaultAccountant, exact);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserException(e.getMessage());
        }
        if (json != null) {
            run.jsonLines(json, List.of(PrivacyReport.noiseJson(c)));
        } else {
            run.out.append(PrivacyReport.noiseText(c, defaultAccountant, delta, targetEpsilon));
        }
        run.finish(out(), err());
        return 0;
    }

    private int runBatch(Accountant defaultAccountant, RunOutputs run) throws Exception {
        PrivacyCsv csv = PrivacyCsv.read(batch, List.of("target_epsilon", "delta", "sample_rate", "steps"), ReadProgress.of(batch));
        int n = csv.rows();
        double[] eps = new double[n];
        double[] deltas = new double[n];
        double[] rates = new double[n];
        long[] stepCounts = new long[n];
        Accountant[] accountants = new Accountant[n];
        for (int r = 0; r < n; r++) {
            eps[r] = csv.number(r, "target_epsilon", 0, false, Double.POSITIVE_INFINITY, false);
            deltas[r] = csv.number(r, "delta", 0, false, 1, false);
            rates[r] = csv.number(r, "sample_rate", 0, false, 1, true);
            stepCounts[r] = csv.count(r, "steps", 1);
            accountants[r] = csv.accountant(r, defaultAccountant);
        }
        csv.throwIfAny();
        PrivacyBatchRunner.Result result = PrivacyBatchRunner.run(n,
                r -> PrivacyReport.noiseJson(calibrate(eps[r], deltas[r], rates[r], stepCounts[r], accountants[r], exact)),
                r -> batch + ":" + csv.line(r), err());
        run.jsonLines(json == null ? "-" : json, result.objects());
        run.finish(out(), err());
        return result.failures() == 0 ? 0 : 1;
    }

    private static NoiseCalibration.Calibrated calibrate(double eps, double delta, double q, long steps, Accountant a,
                                                         boolean exact) {
        return exact ? NoiseCalibration.exactNoiseMultiplier(eps, delta, q, steps, a)
                : NoiseCalibration.noiseMultiplier(eps, delta, q, steps, a);
    }
}
