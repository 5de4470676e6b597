package org.rai4j.fairness;

import java.util.Locale;

/**
 * Which way of a metric is worse, so that a change can be called a degradation or an improvement.
 * Error-type metrics (error rate, false positive/negative rates, false discovery/omission rates) are
 * {@link #HIGHER_IS_WORSE}; success-type metrics (accuracy, true positive/negative rates, precision,
 * negative predictive value, balanced accuracy, F1) are {@link #HIGHER_IS_BETTER}. Rates without a
 * good direction (selection rate, prevalence) have no default: the caller must say.
 */
public enum Direction {
    /** An increase is a degradation (e.g. error rate, word error rate). */
    HIGHER_IS_WORSE,
    /** An increase is an improvement (e.g. accuracy). */
    HIGHER_IS_BETTER;

    /** +1 when an increase is worse, −1 otherwise: {@code sign() * change > 0} means "got worse". */
    public int sign() {
        return this == HIGHER_IS_WORSE ? 1 : -1;
    }

    /** The direction of a metric by its name (multiclass {@code name:class} too), or null when it has none. */
    public static Direction defaultFor(String metric) {
        String base = metric.contains(":") ? metric.substring(0, metric.indexOf(':')) : metric;
        return switch (base) {
            case "error_rate", "false_positive_rate", "false_negative_rate", "false_discovery_rate",
                 "false_omission_rate", "wer", "cer", "mer", "wil" -> HIGHER_IS_WORSE;
            case "accuracy", "true_positive_rate", "true_negative_rate", "precision", "negative_predictive_value",
                 "balanced_accuracy", "f1" -> HIGHER_IS_BETTER;
            default -> null;
        };
    }

    /** The lower-case, hyphenated name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
