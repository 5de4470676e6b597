package org.rai4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.TupleCounts;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;
import org.rai4j.report.AuditJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark engine on local[2] writes the local engine's audit JSON byte for byte (provenance included: same
 * input name and hash): generated data with three group columns split into several partitions, and Adult
 * (with a rule prediction) when ../shared/data/adult is beside the clone. Small on purpose (CI time).
 */
class SparkAuditTest {
    private static final CsvOptions OPTIONS = new CsvOptions(',', Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkAuditCommand.session("local[2]");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "65536"); // several partitions even for small files
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static AuditSpec spec(String positive, List<String> groups, int bootstrap) {
        return new AuditSpec(Task.BINARY, "y_true", "y_pred", null, null, positive, null, groups, List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, bootstrap, 42, Adjustment.HOLM);
    }

    private static void assertSameJson(Path csv, AuditSpec spec) throws Exception {
        String local = AuditJson.toJson(Auditor.run(AuditData.read(csv, OPTIONS, spec, (b, r) -> { }), spec, b -> { }));
        String onSpark = AuditJson.toJson(SparkAudit.run(spark, csv, OPTIONS, spec, b -> { }));
        assertThat(onSpark).isEqualTo(local);
    }

    @Test
    void threeGroups_generatedData_sameJsonAsTheLocalEngine() throws Exception {
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder("sex,age_band,race,y_true,y_pred\n");
        for (int i = 0; i < 20_000; i++) {
            int y = rng.nextInt(10) < 3 ? 1 : 0;
            sb.append(rng.nextBoolean() ? "F" : "M").append(',').append(new String[] {"18-25", "26-40", "41-60", "60+"}[rng.nextInt(4)])
                    .append(',').append(new String[] {"a", "b", "c"}[rng.nextInt(3)]).append(',').append(y).append(',')
                    .append(rng.nextInt(10) < 8 ? y : 1 - y).append('\n');
        }
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, sb.toString());
        List<String> cols = List.of("y_true", "y_pred", "sex", "age_band", "race");
        TupleCounts local = TupleCounts.of(new CsvTableReader(OPTIONS).read(csv), cols);
        assertThat(spark.read().option("header", "true").csv(csv.toString()).rdd().getNumPartitions()).isGreaterThan(1);
        assertThat(SparkAudit.count(spark, csv, cols, OPTIONS)).isEqualTo(local);
        assertSameJson(csv, spec("1", List.of("sex", "age_band", "race"), 200));
    }

    @Test
    void adult_withARulePrediction_sameJsonAsTheLocalEngine() throws Exception {
        Path adult = Path.of("../../shared/data/adult/adult.csv");
        Assumptions.assumeTrue(Files.isRegularFile(adult), "needs ../shared/data/adult beside the clone");
        List<String> lines = Files.readAllLines(adult);
        List<String> header = List.of(lines.get(0).split(","));
        int education = header.indexOf("education-num");
        int salary = header.indexOf("Salary");
        StringBuilder sb = new StringBuilder(lines.get(0)).append(",y_true,y_pred\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            sb.append(line).append(',').append(f[salary].strip()).append(',')
                    .append(Integer.parseInt(f[education].strip()) >= 13 ? ">50K" : "<=50K").append('\n');
        }
        Path csv = dir.resolve("adult-rule.csv");
        Files.writeString(csv, sb.toString());
        assertSameJson(csv, spec(">50K", List.of("sex", "race"), 200));
    }

    @Test
    void scaleBenchmark_fewRowsOnSeveralPartitions_bothEnginesAgreeAndTheFileIsDeleted() throws Exception {
        // the 10^8-row run is by hand (./rai4j bench scale --engine spark); here: the same code on 5,000 rows
        SparkScaleBenchmark.Result r = SparkScaleBenchmark.run(5_000, 1, 20, spark, dir, line -> { });
        assertThat(r.sameCounts()).isTrue();
        assertThat(r.sameJson()).isTrue();
        // 2 × 4 × 3 groups × (label, prediction) pairs: all 96 tuples occur in 5,000 rows of this generator
        assertThat(r.tuples()).isEqualTo(96);
        assertThat(r.localWall()).hasSize(1);
        assertThat(SparkScaleBenchmark.render(r)).contains("5,000 rows").contains("tuple counts equal on every repetition: yes")
                .contains("audit JSON byte-identical on every repetition: yes");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
