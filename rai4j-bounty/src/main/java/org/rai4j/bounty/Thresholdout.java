package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thresholdout, the reusable holdout (Dwork, Feldman, Hardt, Pitassi, Reingold, Roth, Science 2015;
 * CACM 2017 "Guilt-free data reuse"; spec §2.4), applied to the weighted improvement W:
 * <pre>
 * T̂ = T + Lap(2σ)
 * per query: if budget &lt; 1 → BUDGET_EXHAUSTED
 *   if |W_holdout − W_train| &gt; T̂ + Lap(4σ):  answer = W_holdout + Lap(σ); budget −= 1; T̂ = T + Lap(2σ)
 *   else answer = W_train
 * accept iff answer ≥ α and the exact test passed   (else NOT_SIGNIFICANT, or the exact test's reason)
 * </pre>
 * It decides every query that reaches the holdout (the answer, and so the budget, is computed before
 * the exact test is looked at); requiring the exact test too keeps every accepted update lowering the
 * holdout error by ≥ α. Noise comes from an injected {@link LaplaceNoise}: secure in production, seeded in the
 * explicitly named test mode; every draw is reported through {@link #drainNoise()} so the audit log can
 * replay it. Not thread-safe.
 */
public final class Thresholdout implements HoldoutGuard {
    private final double threshold;
    private final double sigma;
    private final int initialBudget;
    private final LaplaceNoise noise;
    private int budget;
    private double noisyThreshold;
    private final List<Double> drawn = new ArrayList<>();

    /**
     * @param threshold T ≥ 0 (in units of W)
     * @param sigma     noise scale σ &gt; 0
     * @param budget    B ≥ 1: how many over-threshold answers before the holdout must be rotated
     * @param noise     the noise source
     */
    public Thresholdout(double threshold, double sigma, int budget, LaplaceNoise noise) {
        this.threshold = Preconditions.checkNonNegative(threshold, "threshold");
        this.sigma = Preconditions.checkPositive(sigma, "sigma");
        this.initialBudget = Preconditions.checkAtLeast(budget, 1, "budget");
        this.noise = Preconditions.checkNotNull(noise, "noise");
        this.budget = budget;
        this.noisyThreshold = threshold + draw(2 * sigma);
    }

    private double draw(double scale) {
        double v = noise.sample(scale);
        drawn.add(v);
        return v;
    }

    @Override
    public String name() {
        return "thresholdout";
    }

    /** The remaining budget. */
    public int budget() {
        return budget;
    }

    @Override
    public Optional<Reason> beforeQuery() {
        return budget < 1 ? Optional.of(Reason.BUDGET_EXHAUSTED) : Optional.empty();
    }

    @Override
    public boolean needsTrainStatistic() {
        return true;
    }

    @Override
    public Optional<Reason> decide(GuardQuery q) {
        Preconditions.checkArgument(!Double.isNaN(q.trainImprovement()), "Thresholdout needs the training-split statistic");
        if (budget < 1) {
            return Optional.of(Reason.BUDGET_EXHAUSTED);
        }
        double hold = q.holdoutImprovement();
        double answer;
        if (Math.abs(hold - q.trainImprovement()) > noisyThreshold + draw(4 * sigma)) {
            answer = hold + draw(sigma);
            budget--;
            noisyThreshold = threshold + draw(2 * sigma);
        } else {
            answer = q.trainImprovement();
        }
        if (answer < q.alpha().doubleValue()) {
            return Optional.of(Reason.NOT_SIGNIFICANT);
        }
        return Optional.ofNullable(q.exactReason());
    }

    @Override
    public Map<String, String> state() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("guard", "thresholdout");
        m.put("threshold", Double.toString(threshold));
        m.put("sigma", Double.toString(sigma));
        m.put("initial_budget", Integer.toString(initialBudget));
        m.put("budget", Integer.toString(budget));
        return m;
    }

    @Override
    public List<Double> drainNoise() {
        List<Double> out = List.copyOf(drawn);
        drawn.clear();
        return out;
    }

    @Override
    public AdaptivityBound adaptivityBound(Transcript transcript, double eta, double delta, double alpha) {
        AdaptivityBound b = AdaptivityBound.of(transcript, eta, delta, alpha);
        return budget < 1 ? new AdaptivityBound(b.epsilon(), b.nonAdaptiveEpsilon(), b.delta(), true) : b;
    }
}
