package org.rai4j.fairness;

import org.rai4j.core.SliceKey;

import java.util.List;

/**
 * Fairlearn's aggregates of one metric over the eligible finest slices of an analysis.
 *
 * @param groupMin                 smallest group value
 * @param groupMax                 largest group value
 * @param differenceBetweenGroups  max − min
 * @param ratioBetweenGroups       min / max
 * @param differenceToOverall      max over groups of |m_g − overall|
 * @param ratioToOverall           min over groups of m_g/overall (inverted when above 1)
 * @param argMin                   the slice with the smallest value
 * @param argMax                   the slice with the largest value
 * @param excluded                 finest slices left out (too small or undefined), with reasons
 * @param pairs                    pairwise tests of the eligible slices, smallest adjusted p first (at most
 *                                 {@value #MAX_PAIRS}; empty without bootstrap)
 * @param pairCount                number of pairs of eligible slices (pairs beyond {@value #MAX_PAIRS} are not listed)
 */
public record MetricAggregates(AggregateValue groupMin, AggregateValue groupMax, AggregateValue differenceBetweenGroups,
                               AggregateValue ratioBetweenGroups, AggregateValue differenceToOverall,
                               AggregateValue ratioToOverall, SliceKey argMin, SliceKey argMax,
                               List<String> excluded, List<PairTest> pairs, int pairCount) {
    /** Most pairs listed. */
    public static final int MAX_PAIRS = 100;

    public MetricAggregates {
        excluded = List.copyOf(excluded);
        pairs = List.copyOf(pairs);
    }

    /** Aggregates without pairwise tests (e.g. read from an older audit file). */
    public MetricAggregates(AggregateValue groupMin, AggregateValue groupMax, AggregateValue differenceBetweenGroups,
                            AggregateValue ratioBetweenGroups, AggregateValue differenceToOverall,
                            AggregateValue ratioToOverall, SliceKey argMin, SliceKey argMax, List<String> excluded) {
        this(groupMin, groupMax, differenceBetweenGroups, ratioBetweenGroups, differenceToOverall, ratioToOverall,
                argMin, argMax, excluded, List.of(), 0);
    }

    /** The aggregate called {@code name} in JSON (e.g. {@code difference_between_groups}), or null. */
    public AggregateValue get(String name) {
        return switch (name) {
            case "group_min" -> groupMin;
            case "group_max" -> groupMax;
            case "difference_between_groups" -> differenceBetweenGroups;
            case "ratio_between_groups" -> ratioBetweenGroups;
            case "difference_to_overall" -> differenceToOverall;
            case "ratio_to_overall" -> ratioToOverall;
            default -> null;
        };
    }

    /** The JSON names of the aggregates, in order. */
    public static final List<String> NAMES = List.of("group_min", "group_max", "difference_between_groups",
            "ratio_between_groups", "difference_to_overall", "ratio_to_overall");
}
