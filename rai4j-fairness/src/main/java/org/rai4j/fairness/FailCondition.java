package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Status;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gate on an audit, e.g. {@code equalized_odds_difference > 0.1}: {@code NAME OP NUMBER} with OP one
 * of {@code > >= < <= == !=}. NAME is a named fairness metric, or {@code METRIC.AGGREGATE} (e.g.
 * {@code error_rate.difference_between_groups}), optionally followed by {@code .ci_lo} or {@code .ci_hi}
 * to test an interval bound instead of the point value (so a gate can require the gap to be large
 * with confidence). Evaluated on the main analysis. Immutable.
 *
 * @param text     the condition as written
 * @param name     the quantity
 * @param bound    {@code value}, {@code ci_lo} or {@code ci_hi}
 * @param operator the comparison
 * @param number   the threshold
 */
public record FailCondition(String text, String name, String bound, String operator, double number) {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-z_:.A-Z0-9-]+?)(?:\\.(ci_lo|ci_hi))?\\s*(>=|<=|==|!=|>|<)\\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*");

    /** Parses a condition. */
    public static FailCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        Preconditions.checkArgument(m.matches(), "--fail-if: expected 'NAME OP NUMBER' such as "
                + "'equalized_odds_difference > 0.1' or 'error_rate.difference_between_groups.ci_lo > 0.05', got '" + text + "'");
        return new FailCondition(text.strip(), m.group(1), m.group(2) == null ? "value" : m.group(2), m.group(3),
                Double.parseDouble(m.group(4)));
    }

    /**
     * Whether the condition holds for {@code result}.
     *
     * @throws IllegalArgumentException when the quantity does not exist or is undefined
     */
    public boolean holds(AuditResult result) {
        double v = value(result);
        return switch (operator) {
            case ">" -> v > number;
            case ">=" -> v >= number;
            case "<" -> v < number;
            case "<=" -> v <= number;
            case "==" -> v == number;
            default -> v != number;
        };
    }

    /** The quantity's value in {@code result}. */
    public double value(AuditResult result) {
        Analysis a = result.main();
        FairnessValue f = a.fairness().get(name);
        if (f != null) {
            Preconditions.checkArgument(f.status() == Status.OK, "--fail-if: " + name + " is undefined: " + f.reason());
            return pick(f.value(), f.interval());
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            MetricAggregates agg = a.aggregates().get(name.substring(0, dot));
            AggregateValue v = agg == null ? null : agg.get(name.substring(dot + 1));
            if (v != null) {
                Preconditions.checkArgument(v.status() == Status.OK, "--fail-if: " + name + " is undefined: " + v.reason());
                return pick(v.value(), v.interval());
            }
        }
        throw new IllegalArgumentException("--fail-if: unknown quantity '" + name + "'; expected a fairness metric ("
                + String.join(", ", a.fairness().keySet()) + ") or METRIC.AGGREGATE with an aggregate among "
                + MetricAggregates.NAMES);
    }

    private double pick(double value, Interval ci) {
        if (bound.equals("value")) {
            return value;
        }
        Preconditions.checkArgument(ci != null, "--fail-if: " + name + " has no interval (use --bootstrap > 0)");
        return bound.equals("ci_lo") ? ci.lo() : ci.hi();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%s %s %s", name, bound.equals("value") ? "" : "." + bound, operator, number);
    }
}
