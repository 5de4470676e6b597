package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CeatTest {
    @Test
    void run_oneVectorPerWord_everyDrawIsTheWeatEffectSize_andTauIsZero() {
        SplittableRandom rng = new SplittableRandom(5);
        List<double[]> x = WeatTest.vectors(rng, 5, 6);
        List<double[]> y = WeatTest.vectors(rng, 5, 6);
        List<double[]> a = WeatTest.vectors(rng, 4, 6);
        List<double[]> b = WeatTest.vectors(rng, 4, 6);
        Ceat.Result r = Ceat.run(wrap(x), wrap(y), wrap(a), wrap(b), 20, 3);
        double d = Weat.test(x, y, a, b, WeatOptions.DEFAULT).effectSize();
        for (double e : r.effects()) {
            assertThat(e).isEqualTo(d);
        }
        assertThat(r.meta().tau2()).isZero();
        assertThat(r.meta().estimate()).isCloseTo(d, within(1e-12));
        double[] sx = Weat.associations(x, a, b);
        double[] sy = Weat.associations(y, a, b);
        assertThat(r.variances()[0]).isCloseTo(Ceat.sampleVariance(sx, sy), within(0.0));
        assertThat(r.meta().variance()).isCloseTo(r.variances()[0] / 20, within(1e-15));
    }

    /** Each draw's e_i is the WEAT effect size of some choice of one vector per word: checked against all choices. */
    @Test
    void run_twoVectorsPerWord_isDeterministicAndEachDrawIsAWeatOfOneChoice() {
        SplittableRandom rng = new SplittableRandom(8);
        List<List<double[]>> x = new ArrayList<>();
        List<List<double[]>> y = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            x.add(WeatTest.vectors(rng, 2, 4));
            y.add(WeatTest.vectors(rng, 2, 4));
        }
        List<List<double[]>> a = wrap(WeatTest.vectors(rng, 2, 4));
        List<List<double[]>> b = wrap(WeatTest.vectors(rng, 2, 4));
        Ceat.Result r1 = Ceat.run(x, y, a, b, 50, 11);
        Ceat.Result r2 = Ceat.run(x, y, a, b, 50, 11);
        assertThat(r1.effects()).containsExactly(r2.effects());
        List<Double> possible = new ArrayList<>();
        for (int mask = 0; mask < 16; mask++) {
            List<double[]> cx = List.of(x.get(0).get(mask & 1), x.get(1).get((mask >> 1) & 1));
            List<double[]> cy = List.of(y.get(0).get((mask >> 2) & 1), y.get(1).get((mask >> 3) & 1));
            possible.add(Weat.effectSize(Weat.associations(cx, a.stream().map(l -> l.get(0)).toList(),
                    b.stream().map(l -> l.get(0)).toList()), Weat.associations(cy, a.stream().map(l -> l.get(0)).toList(),
                    b.stream().map(l -> l.get(0)).toList()), StdConvention.SAMPLE));
        }
        for (double e : r1.effects()) {
            assertThat(possible).contains(e);
        }
        assertThat(java.util.Arrays.stream(r1.effects()).distinct().count()).isGreaterThan(3);
        RandomEffects.Result direct = RandomEffects.derSimonianLaird(r1.effects(), r1.variances());
        assertThat(r1.meta()).isEqualTo(direct);
    }

    private static List<List<double[]>> wrap(List<double[]> vs) {
        List<List<double[]>> out = new ArrayList<>();
        for (double[] v : vs) {
            out.add(List.of(v));
        }
        return out;
    }
}
