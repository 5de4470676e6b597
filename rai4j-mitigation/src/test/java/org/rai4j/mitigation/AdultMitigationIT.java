package org.rai4j.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Exponentiated gradient on UCI Adult (../shared/data/adult, 32,561 rows; 30 % held out, seed 42), demographic
 * parity by sex with ε = 0.05: on the test split the demographic-parity difference of the mitigated decisions
 * (max − min selection rate, i.e. 2 × the largest |E[h|A=a] − E[h]| for two groups, hence the bound 2ε) lies
 * within the bound with its whole 95 % interval, and the gap shrinks by an amount whose interval excludes 0.
 */
class AdultMitigationIT {
    @Test
    void expgrad_demographicParity_meetsEpsilonOnTheTestSplit() throws Exception {
        Table t = new CsvTableReader(new CsvOptions(',', Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels()))
                .read(SharedData.require("adult/adult.csv"));
        MitigationSpec s = new MitigationSpec(MitigationMethod.EXPGRAD, FairnessConstraint.DEMOGRAPHIC_PARITY, "Salary", ">50K",
                "sex", List.of("age", "education-num", "marital-status", "occupation", "relationship", "hours-per-week",
                        "capital-gain", "capital-loss"), null, 0.3, 0.05, 200, 42L);
        MitigationResult r = Mitigation.run(t, s);
        MitigationResult.Comparison dp = r.comparisons().stream()
                .filter(c -> c.metric().equals("demographic_parity_difference")).findFirst().orElseThrow();
        System.out.println("Adult expgrad DP: " + dp + "\n" + String.join("\n", r.details()));
        assertThat(dp.before()).isGreaterThan(0.15);
        assertThat(dp.afterCi().hi()).as(dp.toString()).isLessThanOrEqualTo(2 * 0.05 + 0.02);
        assertThat(dp.changeCi().hi()).isLessThan(0);
    }
}
