package org.rai4j.report;

import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ChangeFlag;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.FailCondition;
import org.rai4j.fairness.SliceComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one gate evaluator of rai4j: decides {@code --fail-if} conditions on an audit and the
 * {@code --fail-on} rule of a last-mile comparison, and words the outcome. A front end (CLI exit status 3,
 * a server's verdict) only reads {@link Outcome#failed()} and shows {@link Outcome#message()}.
 * Stateless and thread-safe.
 */
public final class Gates {
    private Gates() {}

    /**
     * The outcome of one gate.
     *
     * @param failed  whether the gate condition holds (the run should fail)
     * @param message what was checked and the value found, e.g.
     *                {@code gate failed: equalized_odds_difference > 0.1 (value 0.213)}
     */
    public record Outcome(boolean failed, String message) {}

    /** What a last-mile comparison gates on. */
    public enum FailOn {
        /** Some slice degrades differentially (more than the reference). */
        DIFFERENTIAL,
        /** Any significant degradation: differential, of a slice, or overall. */
        DEGRADED
    }

    /** Each condition decided on {@code r}, in order. */
    public static List<Outcome> audit(AuditResult r, List<FailCondition> conditions) {
        List<Outcome> out = new ArrayList<>();
        for (FailCondition c : conditions) {
            double v = c.value(r);
            out.add(c.holds(r)
                    ? new Outcome(true, String.format(Locale.ROOT, "gate failed: %s (value %.6g)", c, v))
                    : new Outcome(false, String.format(Locale.ROOT, "gate passed: not (%s) (value %.6g)", c, v)));
        }
        return out;
    }

    /** The {@code --fail-on} rule decided on a comparison. */
    public static Outcome comparison(ComparisonResult r, FailOn failOn) {
        List<SliceComparison> hit = new ArrayList<>(r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION));
        if (failOn == FailOn.DEGRADED) {
            hit.addAll(r.flagged(ChangeFlag.DEGRADED));
            if (r.overall().flag() == ChangeFlag.DEGRADED) {
                hit.add(0, r.overall());
            }
        }
        String what = failOn.name().toLowerCase(Locale.ROOT);
        if (hit.isEmpty()) {
            return new Outcome(false, "gate passed: --fail-on " + what + ": no slice flagged");
        }
        return new Outcome(true, "gate failed: --fail-on " + what + ": " + hit.stream()
                .map(s -> s.slice() + " " + s.flag()).collect(Collectors.joining("; ")));
    }

    /** Whether any of the outcomes failed. */
    public static boolean anyFailed(List<Outcome> outcomes) {
        return outcomes.stream().anyMatch(Outcome::failed);
    }
}
