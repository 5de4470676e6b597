package org.rai4j.privacy;

import java.util.List;

/**
 * ε spent at a given δ according to one accountant.
 *
 * @param accountant   which accountant computed it
 * @param epsilon      the ε to report (for PRV the upper bound; for GDP an approximation)
 * @param delta        the δ it holds for
 * @param optimalOrder the RDP order attaining ε (NaN for other accountants)
 * @param estimate     the PRV point estimate (NaN for other accountants)
 * @param warnings     things the user should know (order at the edge of the list, GDP is not a bound)
 */
public record PrivacySpent(Accountant accountant, double epsilon, double delta, double optimalOrder, double estimate,
                           List<String> warnings) {
    public PrivacySpent {
        warnings = List.copyOf(warnings);
    }
}
