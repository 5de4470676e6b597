package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomEffectsTest {
    /** BCG vaccine trials (Colditz et al. 1994; metafor's dat.bcg): tpos, tneg, cpos, cneg. */
    private static final int[][] BCG = {
        {4, 119, 11, 128}, {6, 300, 29, 274}, {3, 228, 11, 209}, {62, 13536, 248, 12619}, {33, 5036, 47, 5761},
        {180, 1361, 372, 1079}, {8, 2537, 10, 619}, {505, 87886, 499, 87892}, {29, 7470, 45, 7232},
        {17, 1699, 65, 1600}, {186, 50448, 141, 27197}, {5, 2493, 3, 2338}, {27, 16886, 29, 17825}};

    /**
     * Log risk ratios of the BCG trials. Published: metafor's {@code rma(yi, vi, data=dat.bcg, method="DL")}
     * (escalc measure "RR") prints estimate −0.7141, se 0.1787, zval −3.9952, τ² 0.3088, Q(df = 12) 152.2330 —
     * matched to their 4 decimals. Reference formulas (CEAT's ceat_meta, transcribed to numpy here):
     * Q 152.23300808237337, τ² 0.30876026286237634, μ −0.7141172220732269, se 0.17874208953540316,
     * z −3.9952381888865793 — matched to 1e-9.
     */
    @Test
    void derSimonianLaird_bcgTrials_equalsMetaforAndTheReferenceFormulas() {
        double[] e = new double[BCG.length];
        double[] v = new double[BCG.length];
        for (int i = 0; i < BCG.length; i++) {
            double a = BCG[i][0];
            double b = BCG[i][1];
            double c = BCG[i][2];
            double d = BCG[i][3];
            e[i] = Math.log((a / (a + b)) / (c / (c + d)));
            v[i] = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
        }
        RandomEffects.Result r = RandomEffects.derSimonianLaird(e, v);
        assertThat(r.q()).isCloseTo(152.23300808237337, within(1e-9));
        assertThat(r.tau2()).isCloseTo(0.30876026286237634, within(1e-9));
        assertThat(r.estimate()).isCloseTo(-0.7141172220732269, within(1e-9));
        assertThat(Math.sqrt(r.variance())).isCloseTo(0.17874208953540316, within(1e-9));
        assertThat(r.z()).isCloseTo(-3.9952381888865793, within(1e-9));
        assertThat(r.df()).isEqualTo(12);
        assertThat(r.estimate()).isCloseTo(-0.7141, within(5e-5));
        assertThat(Math.sqrt(r.variance())).isCloseTo(0.1787, within(5e-5));
        assertThat(r.tau2()).isCloseTo(0.3088, within(5e-5));
        assertThat(r.q()).isCloseTo(152.2330, within(5e-5));
        // one-sided p = 1 − Φ(z) (scipy norm.sf): z = −3.995 gives p ≈ 0.99997
        assertThat(r.pValue()).isCloseTo(1 - 3.2318e-5, within(1e-8));
        assertThat(r.iSquared()).isCloseTo((r.q() - 12) / r.q(), within(1e-15));
    }

    @Test
    void derSimonianLaird_homogeneous_isTheInverseVarianceMean() {
        double[] e = {0.50, 0.52, 0.49, 0.51};
        double[] v = {0.04, 0.01, 0.02, 0.05};
        RandomEffects.Result r = RandomEffects.derSimonianLaird(e, v);
        assertThat(r.tau2()).isZero();
        double sw = 0;
        double swe = 0;
        for (int i = 0; i < e.length; i++) {
            sw += 1 / v[i];
            swe += e[i] / v[i];
        }
        assertThat(r.estimate()).isCloseTo(swe / sw, within(1e-15));
        assertThat(r.variance()).isCloseTo(1 / sw, within(1e-15));
        assertThat(r.iSquared()).isZero();
    }

    @Test
    void derSimonianLaird_badInput_isRejected() {
        assertThatThrownBy(() -> RandomEffects.derSimonianLaird(new double[] {1}, new double[] {1}))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> RandomEffects.derSimonianLaird(new double[] {1, 2}, new double[] {1, 0}))
                .hasMessageContaining("variance 1 must be > 0");
    }
}
