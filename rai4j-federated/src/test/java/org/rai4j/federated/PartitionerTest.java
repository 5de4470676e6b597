package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionerTest {
    private static final DenseExamples DATA = (DenseExamples) Synthetic.iid(2).evaluationTrain(0);

    private static void assertDisjoint(int[][] parts, boolean cover) {
        BitSet seen = new BitSet();
        int total = 0;
        for (int[] p : parts) {
            for (int r : p) {
                assertThat(seen.get(r)).as("row %s in two clients", r).isFalse();
                seen.set(r);
                total++;
            }
        }
        if (cover) {
            assertThat(total).isEqualTo(DATA.size());
        }
    }

    private static int classesOf(int[] rows) {
        BitSet c = new BitSet();
        for (int r : rows) {
            c.set(DATA.label(r));
        }
        return c.cardinality();
    }

    @Test
    void everyPartitioner_disjoint_coversRows_deterministic() {
        Partitioner[] ps = {new Partitioner.Iid(), new Partitioner.Dirichlet(0.5, 5), new Partitioner.QuantitySkew(1)};
        for (Partitioner p : ps) {
            int[][] a = p.partition(DATA, 20, 7);
            assertDisjoint(a, true);
            assertThat(p.partition(DATA, 20, 7)).isDeepEqualTo(a);
            assertThat(p.partition(DATA, 20, 8)).isNotEqualTo(a);
        }
        assertDisjoint(new Partitioner.Shards(2).partition(DATA, 20, 7), false);
    }

    @Test
    void dirichlet_smallAlphaFewClasses_largeAlphaNearlyAll() {
        int[][] skewed = new Partitioner.Dirichlet(0.05, 0).partition(DATA, 20, 3);
        int[][] flat = new Partitioner.Dirichlet(1000, 0).partition(DATA, 20, 3);
        double skewedMean = 0;
        double flatMean = 0;
        for (int c = 0; c < 20; c++) {
            skewedMean += classesOf(skewed[c]) / 20.0;
            flatMean += classesOf(flat[c]) / 20.0;
        }
        int present = classesOf(java.util.stream.IntStream.range(0, DATA.size()).toArray());
        assertThat(skewedMean).isLessThan(present / 2.0);
        assertThat(flatMean).isGreaterThan(present - 1.0);
    }

    @Test
    void shards_twoShardsPerClient_atMostFewClasses() {
        int[][] parts = new Partitioner.Shards(2).partition(DATA, 50, 1);
        for (int[] p : parts) {
            assertThat(p).hasSize(2 * (DATA.size() / 100));
            // sorted-by-label shards: each spans at most a couple of classes
            assertThat(classesOf(p)).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void natural_groupsByKey_inOrderOfFirstAppearance() {
        // keys cycle 10, 12, 14, 11, 13: the second client is key 12
        int[] keys = new int[DATA.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (i * 7) % 5 + 10;
        }
        int[][] parts = new Partitioner.Natural(keys).partition(DATA, 5, 0);
        assertDisjoint(parts, true);
        for (int r : parts[1]) {
            assertThat(keys[r]).isEqualTo(12);
        }
        assertThatThrownBy(() -> new Partitioner.Natural(keys).partition(DATA, 4, 0)).hasMessageContaining("5 distinct values");
    }

    /** Gamma(a, 1) has mean a and variance a; 20000 draws: mean se √(a/20000), band 4.5 se. */
    @Test
    void gamma_meanMatches() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (double a : new double[] {0.3, 1, 4.5}) {
            double s = 0;
            for (int i = 0; i < 20000; i++) {
                s += Partitioner.gamma(a, rng);
            }
            assertThat(s / 20000).isCloseTo(a, org.assertj.core.data.Offset.offset(4.5 * Math.sqrt(a / 20000)));
        }
    }
}
