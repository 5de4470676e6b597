package org.rai4j.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The streaming audit (parallel tuple counts, no rows kept) writes byte for byte the audit JSON of the
 * row-by-row audit, provenance included (same file name and hash): on seeded generated data with three group
 * columns, text labels, controls, missing groups, quoting and padding; on a multiclass audit; and on Adult
 * when ../shared/data/adult is beside the clone. On bad values it throws the row path's message with the line.
 */
class StreamedAuditEquivalenceTest {
    private static final CsvOptions OPTIONS = new CsvOptions(',', Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());

    @TempDir
    Path dir;

    private static AuditSpec spec(Task task, String positive, List<String> groups, List<String> controls,
                                  MissingGroupPolicy missing, int bootstrap, long seed) {
        return new AuditSpec(task, "y_true", "y_pred", null, null, positive, null, groups, controls, missing, 30, 0.95,
                bootstrap, seed, Adjustment.HOLM);
    }

    private void assertSameJson(Path f, AuditSpec spec) throws Exception {
        AuditData streamed = AuditData.read(f, OPTIONS, spec, (b, r) -> { });
        assertThat(streamed.streamed()).as("the streaming path ran").isTrue();
        AuditData rows = AuditData.of(new CsvTableReader(OPTIONS).read(f), spec);
        assertThat(rows.streamed()).isFalse();
        assertThat(AuditJson.toJson(Auditor.run(streamed, spec, b -> { })))
                .isEqualTo(AuditJson.toJson(Auditor.run(rows, spec, b -> { })));
    }

    @Test
    void threeGroupColumns_generatedData_sameJsonAsTheRowPath() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        for (int k = 0; k < 6; k++) {
            StringBuilder sb = new StringBuilder("region,sex,age_band,race,y_true,y_pred,note\n");
            boolean text = k % 2 == 1;
            int n = 500 + rng.nextInt(4000);
            for (int i = 0; i < n; i++) {
                int y = rng.nextInt(10) < 3 + (i % 2) ? 1 : 0;
                int p = rng.nextInt(10) < 8 ? y : 1 - y;
                String sex = k >= 4 && rng.nextInt(50) == 0 ? "NA" : rng.nextBoolean() ? "F" : " M";
                sb.append(rng.nextBoolean() ? "north" : "\"south\"").append(',').append(sex).append(',')
                        .append(new String[] {"18-25", "26-40", "41-60", "60+"}[rng.nextInt(4)]).append(',')
                        .append(new String[] {"a", "b", "c"}[rng.nextInt(3)]).append(',')
                        .append(text ? (y == 1 ? "yes" : "no") : (y == 1 && rng.nextInt(5) == 0 ? "1.0" : Integer.toString(y)))
                        .append(',').append(text ? (p == 1 ? "yes" : "no") : Integer.toString(p)).append(',')
                        .append("\"free, text\nwith a line break ").append(i).append("\"\r\n");
            }
            Path f = dir.resolve("g" + k + ".csv");
            Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
            List<String> controls = k == 3 ? List.of("region") : List.of();
            MissingGroupPolicy missing = k >= 4 ? MissingGroupPolicy.OWN_GROUP : MissingGroupPolicy.ERROR;
            assertSameJson(f, spec(Task.BINARY, text ? "yes" : "1", List.of("sex", "age_band", "race"), controls, missing,
                    200, 42 + k));
        }
    }

    @Test
    void multiclass_sameJsonAsTheRowPath() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("g,y_true,y_pred\n");
        for (int i = 0; i < 3000; i++) {
            int y = rng.nextInt(3);
            sb.append(rng.nextBoolean() ? "A" : "B").append(',').append("c" + y).append(',')
                    .append(rng.nextInt(4) == 0 ? "c" + rng.nextInt(3) : "c" + y).append('\n');
        }
        Path f = dir.resolve("m.csv");
        Files.writeString(f, sb.toString());
        assertSameJson(f, spec(Task.MULTICLASS, "1", List.of("g"), List.of(), MissingGroupPolicy.ERROR, 100, 3));
    }

    @Test
    void adult_withARulePrediction_sameJsonAsTheRowPath() throws Exception {
        Path adult = Path.of("../../shared/data/adult/adult.csv");
        Assumptions.assumeTrue(Files.isRegularFile(adult), "needs ../shared/data/adult beside the clone");
        List<String> lines = Files.readAllLines(adult);
        StringBuilder sb = new StringBuilder(lines.get(0)).append(",y_true,y_pred\n");
        String[] header = lines.get(0).split(",");
        int education = List.of(header).indexOf("education-num");
        int salary = List.of(header).indexOf("Salary");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            sb.append(line).append(',').append(f[salary].strip()).append(',')
                    .append(Integer.parseInt(f[education].strip()) >= 13 ? ">50K" : "<=50K").append('\n');
        }
        Path f = dir.resolve("adult-rule.csv");
        Files.writeString(f, sb.toString());
        assertSameJson(f, spec(Task.BINARY, ">50K", List.of("sex", "race"), List.of(), MissingGroupPolicy.ERROR, 200, 42));
    }

    @Test
    void badValue_throwsTheRowPathsMessageWithTheLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "sex,y_true,y_pred\nF,1,0\nM,yes,1\nF,,1\n");
        AuditSpec spec = spec(Task.BINARY, "1", List.of("sex"), List.of(), MissingGroupPolicy.ERROR, 10, 1);
        Throwable rows = catchThrowable(() -> AuditData.of(new CsvTableReader(OPTIONS).read(f), spec));
        assertThat(rows).isInstanceOf(DataFileException.class).hasMessageContaining("bad.csv:3: column 'y_true': expected 1 or 0, got 'yes'");
        assertThatThrownBy(() -> AuditData.read(f, OPTIONS, spec, (b, r) -> { })).hasMessage(rows.getMessage());
    }
}
