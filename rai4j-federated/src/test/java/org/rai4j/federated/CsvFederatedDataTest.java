package org.rai4j.federated;

import org.rai4j.learn.DenseExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CSV data for federated runs: every row lands in exactly one client (iid, dirichlet, quantity, natural; shards
 * drop only the remainder), features and labels are read as written, the partitions are the library
 * partitioners', and bad input is reported with file, line and column.
 */
class CsvFederatedDataTest {
    @TempDir
    Path dir;

    /** 200 rows: x1, x2 numeric, y in {a, b, c}, user in u0..u4; x1 = row index so rows can be traced. */
    private Path csv() throws IOException {
        StringBuilder sb = new StringBuilder("x1,x2,y,user\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            sb.append(i).append(',').append(String.format(Locale.ROOT, "%.3f", r.nextGaussian())).append(',')
                    .append("abc".charAt(i % 3)).append(",u").append(i % 5).append('\n');
        }
        Path f = dir.resolve("data.csv");
        Files.writeString(f, sb);
        return f;
    }

    /** The x1 values (= row ids) of every client's train and test rows. */
    private static List<Integer> rows(FederatedData d) {
        List<Integer> out = new java.util.ArrayList<>();
        for (ClientData c : d.clients()) {
            for (var ex : List.of(c.train(), c.test())) {
                for (int i = 0; i < ex.size(); i++) {
                    out.add((int) ((DenseExamples) ex).feature(i, 0));
                }
            }
        }
        return out;
    }

    @Test
    void iidDirichletQuantity_coverEveryRowOnce() throws Exception {
        Path f = csv();
        for (String p : new String[] {"iid", "dirichlet:0.5", "quantity:1"}) {
            FederatedData d = CsvFederatedData.load(f, "y", List.of("x1", "x2"), p, 8, 1);
            assertThat(d.size()).as(p).isEqualTo(8);
            assertThat(d.features()).isEqualTo(2);
            assertThat(d.classes()).isEqualTo(3);
            List<Integer> all = rows(d);
            assertThat(all).as(p).hasSize(200);
            assertThat(new HashSet<>(all)).as(p).hasSize(200);
        }
    }

    @Test
    void labels_areTheSortedDistinctValues_andFeaturesAreReadAsWritten() throws Exception {
        FederatedData d = CsvFederatedData.load(csv(), "y", List.of("x1", "x2"), "iid", 4, 1);
        for (ClientData c : d.clients()) {
            for (int i = 0; i < c.train().size(); i++) {
                int row = (int) ((DenseExamples) c.train()).feature(i, 0);
                assertThat(c.train().label(i)).isEqualTo(row % 3); // a, b, c → 0, 1, 2
            }
        }
    }

    @Test
    void natural_givesOneClientPerKeyValue_withOnlyThatKeysRows() throws Exception {
        FederatedData d = CsvFederatedData.load(csv(), "y", null, "natural:user", 0, 1);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.features()).isEqualTo(2); // x1, x2 (not the label, not the key)
        for (ClientData c : d.clients()) {
            Set<Integer> keys = new HashSet<>();
            for (int i = 0; i < c.train().size(); i++) {
                keys.add((int) ((DenseExamples) c.train()).feature(i, 0) % 5);
            }
            assertThat(keys).hasSize(1);
            assertThat(c.train().size() + c.test().size()).isEqualTo(40);
        }
    }

    @Test
    void shards_giveEachClientAtMostKLabels() throws Exception {
        FederatedData d = CsvFederatedData.load(csv(), "y", List.of("x1", "x2"), "shards:1", 6, 1);
        for (ClientData c : d.clients()) {
            Set<Integer> labels = new HashSet<>();
            for (var ex : List.of(c.train(), c.test())) {
                for (int i = 0; i < ex.size(); i++) {
                    labels.add(ex.label(i));
                }
            }
            assertThat(labels.size()).isLessThanOrEqualTo(2); // one shard of label-sorted rows spans at most a boundary
        }
    }

    @Test
    void sameSeed_samePartition_otherSeed_otherPartition() throws Exception {
        Path f = csv();
        List<Integer> a = rows(CsvFederatedData.load(f, "y", null, "dirichlet:0.3", 8, 5));
        assertThat(rows(CsvFederatedData.load(f, "y", null, "dirichlet:0.3", 8, 5))).isEqualTo(a);
        assertThat(rows(CsvFederatedData.load(f, "y", null, "dirichlet:0.3", 8, 6))).isNotEqualTo(a);
    }

    @Test
    void badInput_namesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x1,x2,y\n1,2,a\n3,oops,b\n5,6,\n7,8,a\n");
        assertThatThrownBy(() -> CsvFederatedData.load(f, "y", null, "iid", 2, 1))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv:3: column 'x2': expected a number, got 'oops'")
                .hasMessageContaining("bad.csv:4: column 'y': missing label");
        assertThatThrownBy(() -> CsvFederatedData.load(f, "label", null, "iid", 2, 1))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv:1: column 'label': no such column; expected one of x1, x2, y");
        Path good = csv();
        assertThatThrownBy(() -> CsvFederatedData.load(good, "y", null, "natural:nobody", 0, 1))
                .hasMessageContaining("column 'nobody': no such column");
        assertThatThrownBy(() -> CsvFederatedData.load(good, "y", null, "dirichlet:-1", 4, 1))
                .hasMessageContaining("dirichlet:ALPHA[:MIN] needs ALPHA > 0");
        assertThatThrownBy(() -> CsvFederatedData.load(good, "y", null, "zipf:2", 4, 1))
                .hasMessageContaining("--partition must be iid, dirichlet:ALPHA[:MIN], shards:K, quantity:BETA or natural:COLUMN");
        assertThatThrownBy(() -> CsvFederatedData.load(good, "y", List.of("x1", "user"), "iid", 4, 1))
                .hasMessageContaining("data.csv:2: column 'user': expected a number, got 'u0'");
    }

    @Test
    void csvPopulation_trainsInTheSimulator_deterministically() throws Exception {
        FederatedData d = CsvFederatedData.load(csv(), "y", List.of("x2"), "dirichlet:1", 6, 2);
        SimulationConfig c = new SimulationConfig("csv", ModelSpec.softmax(d.features(), d.classes()), new Strategy.FedAvg(),
                new ClientSelector.Uniform(), 3, 3, 1, 10, 0.05, 0, SystemModel.IDEAL, 1, 2);
        assertThat(Simulation.run(d, c, 2, null).parameters()).containsExactly(Simulation.run(d, c, 1, null).parameters());
    }
}
