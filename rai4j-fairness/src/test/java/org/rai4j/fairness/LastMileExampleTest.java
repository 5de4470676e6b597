package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LastMileExampleTest {
    private static AuditResult audit(LastMileExample.Site site, int rows, Path dir) throws Exception {
        StringWriter w = new StringWriter();
        new LastMileExample(7).writeCsv(w, site, rows);
        Path f = dir.resolve(site + ".csv");
        Files.writeString(f, w.toString());
        Table t = new CsvTableReader().read(f);
        AuditSpec spec = new AuditSpec(Task.MULTICLASS, "said", "recognised", null, null, "1", null, List.of("accent"),
                List.of(), MissingGroupPolicy.ERROR, 30, 0.95, 0, 42, Adjustment.HOLM);
        return Auditor.run(t, spec, b -> { });
    }

    @Test
    void example_comparedLikeTheDocs_flagsExactlyThePlantedDifferentialDegradation() throws Exception {
        Path dir = Files.createTempDirectory("last-mile");
        AuditResult base = audit(LastMileExample.Site.PROVIDER_EVALUATION, 6000, dir);
        AuditResult cand = audit(LastMileExample.Site.IMAGING_FLOOR, 2400, dir);
        assertThat(base.n()).isEqualTo(6000);
        assertThat(base.classes()).containsExactlyInAnyOrderElementsOf(LastMileExample.COMMANDS);
        ComparisonResult r = LastMileComparison.compare(base, cand, ComparisonSpec.of("error_rate"));
        assertThat(r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION)).extracting(SliceComparison::slice)
                .containsExactly(SliceKey.of("accent", "scottish"));
        assertThat(r.flagged(ChangeFlag.NEW_SLICE)).extracting(SliceComparison::slice).containsExactly(SliceKey.of("accent", "polish"));
        assertThat(r.flagged(ChangeFlag.INSUFFICIENT_DATA)).extracting(SliceComparison::slice).containsExactly(SliceKey.of("accent", "spanish"));
        assertThat(r.overall().flag()).isEqualTo(ChangeFlag.DEGRADED);
        // planted: scottish +0.16, the common accents about +0.04; the estimate's interval covers the planted differential
        SliceComparison scottish = r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION).get(0);
        assertThat(scottish.differential().interval().contains(0.16 - 0.04)).isTrue();
    }

    @Test
    void accents_sharesAddUpToOneAtEachSite() {
        double p = 0;
        double h = 0;
        for (LastMileExample.Accent a : LastMileExample.ACCENTS) {
            p += a.providerShare();
            h += a.imagingShare();
        }
        assertThat(p).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(h).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
