package org.rai4j.fairness;

import org.rai4j.core.Preconditions;

import java.util.List;

/**
 * What to audit and how. Immutable; every check runs in the constructor.
 *
 * @param task           the model's task
 * @param label          column of true labels (or true values for regression)
 * @param prediction     column of predicted labels (or values)
 * @param score          optional column of predicted probabilities of the positive label (binary only), or null
 * @param weight         optional column of non-negative sample weights, or null
 * @param positiveLabel  the positive label (binary), compared as text; numbers compare by value
 * @param negativeLabel  the negative label (binary), or null to infer it (0 when the positive label is 1,
 *                       otherwise the one other value present)
 * @param groups         group (sensitive) columns: each alone, and their full intersection
 * @param controls       control columns: the whole analysis is repeated within each control level
 * @param missingGroup   policy for missing group/control values
 * @param minGroupSize   slices with fewer rows are INSUFFICIENT_DATA
 * @param confidence     interval confidence level, in (0, 1)
 * @param bootstrap      number of bootstrap replicates (≥ 0; 0 = no bootstrap intervals)
 * @param seed           master seed of the bootstrap
 * @param adjust         multiple-comparison adjustment for gap significance
 */
public record AuditSpec(Task task, String label, String prediction, String score, String weight,
                        String positiveLabel, String negativeLabel, List<String> groups, List<String> controls,
                        MissingGroupPolicy missingGroup, int minGroupSize, double confidence, int bootstrap,
                        long seed, Adjustment adjust) {
    public AuditSpec {
        Preconditions.checkNotNull(task, "task");
        Preconditions.checkNotNull(label, "label");
        Preconditions.checkNotNull(prediction, "prediction");
        Preconditions.checkNotNull(positiveLabel, "positiveLabel");
        groups = List.copyOf(Preconditions.checkNotNull(groups, "groups"));
        controls = List.copyOf(Preconditions.checkNotNull(controls, "controls"));
        Preconditions.checkArgument(!groups.isEmpty(), "at least one group column is needed (--group COL)");
        Preconditions.checkArgument(groups.size() <= 8, "at most 8 group columns can be crossed, got " + groups.size());
        Preconditions.checkArgument(score == null || task == Task.BINARY, "a score column is only used for binary tasks");
        for (String c : controls) {
            Preconditions.checkArgument(!groups.contains(c), "column '" + c + "' cannot be both a group and a control");
        }
        Preconditions.checkArgument(groups.stream().distinct().count() == groups.size(), "group columns must be distinct, got " + groups);
        Preconditions.checkNotNull(missingGroup, "missingGroup");
        Preconditions.checkAtLeast(minGroupSize, 1, "minGroupSize");
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        Preconditions.checkAtLeast(bootstrap, 0, "bootstrap");
        Preconditions.checkNotNull(adjust, "adjust");
    }

    /** A binary audit with the defaults: positive label 1, min group size 30, 95%, B = 1000, seed 42, Holm. */
    public static AuditSpec binary(String label, String prediction, List<String> groups) {
        return new AuditSpec(Task.BINARY, label, prediction, null, null, "1", null, groups, List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, 1000, 42L, Adjustment.HOLM);
    }

    /** This spec with other control columns. */
    public AuditSpec withControls(List<String> c) {
        return new AuditSpec(task, label, prediction, score, weight, positiveLabel, negativeLabel, groups, c,
                missingGroup, minGroupSize, confidence, bootstrap, seed, adjust);
    }

    /** This spec with another minimum group size. */
    public AuditSpec withMinGroupSize(int m) {
        return new AuditSpec(task, label, prediction, score, weight, positiveLabel, negativeLabel, groups, controls,
                missingGroup, m, confidence, bootstrap, seed, adjust);
    }

    /** This spec with another number of bootstrap replicates and seed. */
    public AuditSpec withBootstrap(int b, long s) {
        return new AuditSpec(task, label, prediction, score, weight, positiveLabel, negativeLabel, groups, controls,
                missingGroup, minGroupSize, confidence, b, s, adjust);
    }
}
