package org.rai4j.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * The effect of an acoustic condition on a speech metric, group by group, and how it differs between
 * groups: for each group g (e.g. an accent), effect_g = M_g(target condition) − M_g(baseline condition),
 * and the differential effect effect_g − effect_all, where effect_all is the same difference pooled over
 * all groups. A positive differential means the condition hurts this group more than it hurts everyone
 * on average — the "last mile" question of whether a deployment condition (a hospital imaging room)
 * widens a gap that the clean condition does not show.
 *
 * <p>Intervals are bootstrap percentile intervals. With clusters (speakers) each replicate draws whole
 * clusters with replacement, so a speaker's utterances under both conditions move together (the design
 * is paired when every speaker says the same prompts under every condition); without clusters,
 * utterances are resampled. Replicate b uses {@code Seeds.stream(seed, b)}.
 *
 * @param group              the group level, or {@code (all)} for the pooled row
 * @param baselineUtterances utterances of the group under the baseline condition
 * @param targetUtterances   utterances of the group under the target condition
 * @param baseline           the metric under the baseline condition
 * @param target             the metric under the target condition
 * @param effect             target − baseline
 * @param effectInterval     bootstrap interval of the effect, or null
 * @param differential       effect − the pooled effect (0 for the pooled row)
 * @param differentialInterval bootstrap interval of the differential, or null
 */
public record ConditionEffect(String group, long baselineUtterances, long targetUtterances, double baseline,
                              double target, double effect, Interval effectInterval, double differential,
                              Interval differentialInterval) {
    /** The label of the pooled row. */
    public static final String ALL = "(all)";

    /**
     * Effects of {@code targetCondition} relative to {@code baselineCondition} on {@code metric}, for
     * every level of {@code group} (in order of first appearance), then the pooled row.
     *
     * @param group     group level of each utterance
     * @param condition condition of each utterance
     * @param cluster   cluster (speaker) of each utterance, or null to resample utterances
     * @param counts    scored counts of each utterance
     */
    public static List<ConditionEffect> compute(List<String> group, List<String> condition, List<String> cluster,
                                                List<SpeechCounts> counts, String baselineCondition,
                                                String targetCondition, SpeechMetric metric, int bootstrap, long seed,
                                                double confidence) {
        int n = group.size();
        Preconditions.checkArgument(condition.size() == n && counts.size() == n && (cluster == null || cluster.size() == n),
                "group, condition, cluster and counts must have equal length");
        Preconditions.checkAtLeast(bootstrap, 0, "bootstrap");
        Preconditions.checkOpenInterval(confidence, 0, 1, "confidence");
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.putIfAbsent(group.get(i), groups.size());
            clusters.putIfAbsent(cluster == null ? Integer.toString(i) : cluster.get(i), clusters.size());
        }
        Preconditions.checkArgument(condition.contains(baselineCondition), "no utterance has condition '" + baselineCondition + "'");
        Preconditions.checkArgument(condition.contains(targetCondition), "no utterance has condition '" + targetCondition + "'");
        int g = groups.size();
        int c = clusters.size();
        // per cluster: [group][0 = baseline, 1 = target] summed counts
        SpeechCounts[][][] byCluster = new SpeechCounts[c][g][2];
        for (int i = 0; i < n; i++) {
            int side = condition.get(i).equals(baselineCondition) ? 0 : condition.get(i).equals(targetCondition) ? 1 : -1;
            if (side < 0) {
                continue;
            }
            int k = clusters.get(cluster == null ? Integer.toString(i) : cluster.get(i));
            int gi = groups.get(group.get(i));
            SpeechCounts prev = byCluster[k][gi][side];
            byCluster[k][gi][side] = prev == null ? counts.get(i) : prev.plus(counts.get(i));
        }
        long[] weightsOne = new long[c];
        java.util.Arrays.fill(weightsOne, 1);
        double[][] point = effects(byCluster, weightsOne, g, metric);
        SpeechCounts[][] totals = totals(byCluster, weightsOne, g);
        double[][][] reps = new double[bootstrap][][];
        for (int b = 0; b < bootstrap; b++) {
            SplittableRandom rng = Seeds.stream(seed, b);
            long[] w = new long[c];
            for (int i = 0; i < c; i++) {
                w[rng.nextInt(c)]++;
            }
            reps[b] = effects(byCluster, w, g, metric);
        }
        List<ConditionEffect> out = new ArrayList<>();
        List<String> names = new ArrayList<>(groups.keySet());
        names.add(ALL);
        for (int gi = 0; gi <= g; gi++) {
            Interval effectCi = null;
            Interval diffCi = null;
            if (bootstrap > 0) {
                double[] e = new double[bootstrap];
                double[] d = new double[bootstrap];
                for (int b = 0; b < bootstrap; b++) {
                    e[b] = reps[b][gi][2];
                    d[b] = reps[b][gi][3];
                }
                effectCi = Intervals.percentile(e, confidence);
                diffCi = gi == g ? null : Intervals.percentile(d, confidence);
            }
            out.add(new ConditionEffect(names.get(gi), totals[gi][0].utterances(), totals[gi][1].utterances(),
                    point[gi][0], point[gi][1], point[gi][2], effectCi, point[gi][3], diffCi));
        }
        return out;
    }

    /** Per group (and pooled, last): summed counts under baseline and target with cluster weights. */
    private static SpeechCounts[][] totals(SpeechCounts[][][] byCluster, long[] weights, int g) {
        SpeechCounts[][] t = new SpeechCounts[g + 1][2];
        for (int gi = 0; gi <= g; gi++) {
            t[gi][0] = SpeechCounts.ZERO;
            t[gi][1] = SpeechCounts.ZERO;
        }
        for (int k = 0; k < byCluster.length; k++) {
            if (weights[k] == 0) {
                continue;
            }
            for (int gi = 0; gi < g; gi++) {
                for (int side = 0; side < 2; side++) {
                    SpeechCounts s = byCluster[k][gi][side];
                    if (s != null) {
                        SpeechCounts add = s.times(weights[k]);
                        t[gi][side] = t[gi][side].plus(add);
                        t[g][side] = t[g][side].plus(add);
                    }
                }
            }
        }
        return t;
    }

    /** [group or pooled][baseline, target, effect, differential]. */
    private static double[][] effects(SpeechCounts[][][] byCluster, long[] weights, int g, SpeechMetric metric) {
        SpeechCounts[][] t = totals(byCluster, weights, g);
        double[][] out = new double[g + 1][4];
        for (int gi = 0; gi <= g; gi++) {
            out[gi][0] = metric.of(t[gi][0]);
            out[gi][1] = metric.of(t[gi][1]);
            out[gi][2] = out[gi][1] - out[gi][0];
        }
        for (int gi = 0; gi <= g; gi++) {
            out[gi][3] = out[gi][2] - out[g][2];
        }
        return out;
    }
}
