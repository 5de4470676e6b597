package org.rai4j.mitigation;

import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * What {@link Mitigation#run} does.
 *
 * @param method        how decisions change
 * @param constraint    the parity enforced (THRESHOLD, EXPGRAD; REWEIGH always targets independence of label and group)
 * @param label         label column
 * @param positiveLabel its positive (favourable) value; numbers compare by value
 * @param group         sensitive attribute column
 * @param features      feature columns of the logistic regression (baseline, REWEIGH, EXPGRAD; THRESHOLD without a score)
 * @param score         an existing model's score column for THRESHOLD (the baseline is score ≥ 0.5), or null
 * @param testFraction  share of rows held out for the before/after comparison
 * @param epsilon       EXPGRAD's constraint bound ε
 * @param bootstrap     replicates of the paired bootstrap and the audits
 * @param seed          split, randomised predictions and bootstrap seed
 */
public record MitigationSpec(MitigationMethod method, FairnessConstraint constraint, String label, String positiveLabel,
                             String group, List<String> features, String score, double testFraction, double epsilon,
                             int bootstrap, long seed) {
    public MitigationSpec {
        Preconditions.checkNotNull(method, "method");
        Preconditions.checkNotNull(constraint, "constraint");
        Preconditions.checkNotNull(label, "label");
        Preconditions.checkNotNull(positiveLabel, "positiveLabel");
        Preconditions.checkNotNull(group, "group");
        features = features == null ? List.of() : List.copyOf(features);
        Preconditions.checkArgument(!(features.isEmpty() && (method != MitigationMethod.THRESHOLD || score == null)),
                method == MitigationMethod.THRESHOLD ? "threshold mitigation needs a --score column or --features to train a model on"
                        : method.name().toLowerCase(java.util.Locale.ROOT) + " needs --features to train the logistic regression on");
        Preconditions.checkOpenInterval(testFraction, 0.0, 1.0, "testFraction");
        Preconditions.checkArgument(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1), got " + epsilon);
        Preconditions.checkAtLeast(bootstrap, 100, "bootstrap");
    }
}
