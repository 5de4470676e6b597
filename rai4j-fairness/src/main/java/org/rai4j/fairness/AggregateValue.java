package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.Status;

/**
 * One aggregate of a metric over groups (e.g. its difference between groups), with a bootstrap
 * interval.
 *
 * @param value    the aggregate ({@code NaN} when undefined)
 * @param interval bootstrap percentile interval, or null
 * @param status   OK or UNDEFINED
 * @param reason   why undefined, or null
 */
public record AggregateValue(double value, Interval interval, Status status, String reason) {
    static AggregateValue undefined(String reason) {
        return new AggregateValue(Double.NaN, null, Status.UNDEFINED, reason);
    }
}
