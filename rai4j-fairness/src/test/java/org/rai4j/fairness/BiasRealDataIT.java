package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Estimate;
import org.rai4j.core.Table;
import org.rai4j.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@link BiasAnalysis} on real data from ../shared/data, against published facts.
 * <ul>
 *   <li>Résumé audit (Bertrand &amp; Mullainathan 2004): callback rates 9.65 % (white-sounding names) vs 6.45 %
 *       (African-American-sounding), 2,435 résumés each: DPL = 0.0320 for the afam group, CI = 0, and the
 *       strict-mode interval of DPL excludes 0 (the paper's difference is significant).</li>
 *   <li>Adult: 1,179 of 10,771 women and 6,662 of 21,790 men earn &gt;50K: DPL = 0.30573 − 0.10946.</li>
 * </ul>
 */
class BiasRealDataIT {
    @Test
    void resumeAudit_callbackGapByEthnicity_matchesPublishedRates() throws Exception {
        Table t = new CsvTableReader().read(SharedData.require("resume-audit/resume_names.csv"));
        BiasSpec s = new BiasSpec("call", List.of("yes"), null, null, "ethnicity", List.of("afam"), null, null, List.of(),
                BiasMode.STRICT, 1000, 0.95, 7L);
        BiasResult r = BiasAnalysis.run(t, s).results().get(0);
        assertThat(r.monitoredN()).isEqualTo(2435);
        assertThat(r.referenceN()).isEqualTo(2435);
        Map<String, Estimate> m = r.metrics();
        assertThat(m.get("CI").value()).isEqualTo(0.0);
        assertThat(m.get("DPL").value()).isCloseTo(0.0965 - 0.0645, within(5e-5));
        assertThat(m.get("DPL").interval().lo()).isGreaterThan(0);
    }

    @Test
    void adult_incomeLabelGapBySex_matchesCounts() throws Exception {
        Table t = new CsvTableReader().read(SharedData.require("adult/adult.csv"));
        BiasSpec s = new BiasSpec("Salary", List.of(">50K"), null, null, "sex", List.of("Female"), null, null, List.of(),
                BiasMode.CLARIFY, 0, 0.95, 7L);
        BiasResult r = BiasAnalysis.run(t, s).results().get(0);
        assertThat(r.monitoredN()).isEqualTo(10771);
        assertThat(r.referenceN()).isEqualTo(21790);
        assertThat(r.metrics().get("DPL").value()).isCloseTo(6662.0 / 21790 - 1179.0 / 10771, within(1e-12));
        assertThat(r.metrics().get("CI").value()).isCloseTo((21790.0 - 10771) / 32561, within(1e-12));
    }
}
