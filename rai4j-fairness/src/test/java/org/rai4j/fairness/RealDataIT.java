package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;
import org.rai4j.testkit.SharedData;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Audits on real data sets from ../shared/data (present on developer machines and in CI; skipped with a
 * message elsewhere, failed in CI when absent), checked against their published facts.
 */
class RealDataIT {
    /**
     * Bertrand &amp; Mullainathan (2004): callback rates 9.65% for white-sounding names vs 6.45% for
     * African-American-sounding names. Auditing the callback decision as the "prediction" gives the
     * selection rate by ethnicity; the gap is significant.
     */
    @Test
    void resumeAudit_callbackRatesByEthnicity_matchPublishedResult() throws Exception {
        Table t = new CsvTableReader().read(SharedData.require("resume-audit/resume_names.csv"));
        AuditSpec spec = new AuditSpec(Task.BINARY, "call", "call", null, null, "yes", "no", List.of("ethnicity"),
                List.of(), MissingGroupPolicy.ERROR, 30, 0.95, 1000, 42, Adjustment.HOLM);
        AuditResult r = Auditor.run(t, spec, b -> { });
        SliceResult cauc = r.main().group(SliceKey.of("ethnicity", "cauc"));
        SliceResult afam = r.main().group(SliceKey.of("ethnicity", "afam"));
        assertThat(cauc.n()).isEqualTo(2435);
        assertThat(afam.n()).isEqualTo(2435);
        assertThat(cauc.metric("selection_rate").value()).isCloseTo(0.0965, within(5e-5));
        assertThat(afam.metric("selection_rate").value()).isCloseTo(0.0645, within(5e-5));
        FairnessValue dp = r.main().fairness().get("demographic_parity_difference");
        assertThat(dp.value()).isCloseTo(0.0320, within(1e-4));
        assertThat(dp.significant()).isTrue();
        assertThat(dp.high()).isEqualTo(SliceKey.of("ethnicity", "cauc"));
    }

    /** UCI Adult: 10,771 women and 21,790 men; '?' is missing (own group on request). */
    @Test
    void adult_labelRatesBySexAndRace_countsMatchTheDataSet() throws Exception {
        Table t = new CsvTableReader().read(SharedData.require("adult/adult.csv"));
        AuditSpec spec = new AuditSpec(Task.BINARY, "Salary", "Salary", null, null, ">50K", "<=50K", List.of("sex", "race"),
                List.of(), MissingGroupPolicy.OWN_GROUP, 30, 0.95, 200, 42, Adjustment.HOLM);
        AuditResult r = Auditor.run(t, spec, b -> { });
        assertThat(r.n()).isEqualTo(32_561);
        assertThat(r.main().group(SliceKey.of("sex", "Female")).n()).isEqualTo(10_771);
        assertThat(r.main().group(SliceKey.of("sex", "Male")).n()).isEqualTo(21_790);
        // prevalence of >50K: 7841 of 32561 overall
        assertThat(r.main().overall().metric("prevalence").value()).isCloseTo(7841.0 / 32561, within(1e-12));
        // 1179 of the women and 6662 of the men earn >50K (counted independently with awk)
        assertThat(r.main().group(SliceKey.of("sex", "Female")).metric("prevalence").value()).isCloseTo(1179.0 / 10_771, within(1e-12));
        assertThat(r.main().group(SliceKey.of("sex", "Male")).metric("prevalence").value()).isCloseTo(6662.0 / 21_790, within(1e-12));
        // the smallest sex × race intersection (Other, Female) has 109 rows: all 10 intersections are eligible
        assertThat(r.main().group(new SliceKey(List.of("sex", "race"), List.of("Female", "Other"))).n()).isEqualTo(109);
        assertThat(r.main().aggregates().get("selection_rate").excluded()).isEmpty();
        assertThat(r.main().fairness().get("demographic_parity_difference").significant()).isTrue();
    }
}
