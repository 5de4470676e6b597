package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Estimate;
import org.rai4j.core.Status;
import org.rai4j.core.Table;
import org.junit.jupiter.api.Test;

/**
 * {@link BiasAnalysis} in {@link BiasMode#CLARIFY} mode against SageMaker Clarify's own published unit tests:
 * inputs and expected values copied from aws/amazon-sagemaker-clarify
 * <ul>
 *   <li>[M] {@code tests/unit/bias/metrics/test_metrics.py} (smclarify imports; the version with
 *       {@code test_DRR_zero} and {@code test_FT_small_samples});</li>
 *   <li>[R] {@code tests/unit/bias/test_report.py} ({@code test_report_category_data},
 *       {@code test_report_continuous_data}, {@code test_label_values}).</li>
 * </ul>
 * Clarify's tests compare with {@code pytest.approx} (relative 1e-6); we use an absolute 1e-7 (the published
 * constants have ≥ 8 significant digits) or the exact fraction.
 *
 * <p>Mapping of Clarify's column typing: Clarify classifies an integer column with ≥ 5 % distinct values as
 * continuous, so {@code LabelColumn("y", …, [0])} on a 0/1 column of 4 or 24 rows means "positive when y > 0";
 * we state that explicitly with a label threshold of 0.
 */
class ClarifyPublishedValuesTest {
    private static final double TOL = 1e-7;

    // ---- [M] fixtures -------------------------------------------------------------------------------------
    private static final String[] DFB = {"M", "F", "F", "M", "F", "M", "F", "F", "M", "M", "F", "F"};
    private static final int[] DFB_LABEL = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0};
    private static final int[] DFB_PRED = {1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0};
    private static final String[] DFM = {"M", "O", "M", "M", "F", "O", "O", "F", "M", "M", "F", "F", "O", "F", "M", "F",
            "O", "F", "M", "M", "F", "F", "O", "O"};
    private static final double[] DFC = {1.55255404, 1.87128923, 1.82640675, 0.48706083, 0.21833644, 0.45007763,
            0.47457823, 1.5346789, 1.61042132, 1.87130261, 1.97768247, 1.05499183};
    /** DATASET_PDF: x, label (0/1/2). */
    private static final String[] PDF_X = {"a", "b", "b", "c", "a", "a", "b", "c", "b", "c", "b", "b"};
    private static final int[] PDF_LABEL = {0, 0, 1, 1, 2, 1, 0, 1, 2, 2, 0, 2};

    private static Table csv(String header, List<String> rows) throws Exception {
        return new CsvTableReader().read(header + "\n" + String.join("\n", rows) + "\n", "test.csv");
    }

    private static Table binary(int[] pred) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < DFB.length; i++) {
            rows.add(DFB[i] + "," + DFB_LABEL[i] + "," + pred[i]);
        }
        return csv("sex,label,pred", rows);
    }

    private static BiasSpec spec(String facet, List<String> facetValues, String prediction) {
        return new BiasSpec("label", List.of("1"), null, prediction, facet, facetValues, null, null, List.of(),
                BiasMode.CLARIFY, 0, 0.95, 1L);
    }

    private static Map<String, Estimate> only(BiasReport r) {
        assertThat(r.results()).hasSize(1);
        return r.results().get(0).metrics();
    }

    private static double v(Map<String, Estimate> m, String metric) {
        Estimate e = m.get(metric);
        assertThat(e.status()).as(metric + " " + e.reason()).isEqualTo(Status.OK);
        return e.value();
    }

    private static BiasResult facet(BiasReport r, String value) {
        return r.results().stream().filter(x -> x.facetValue().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void binaryFacet_M_test_CI_DI_DCA_DCR_RD_DRR_AD_DAR_TE_matchPublished() throws Exception {
        Table t = binary(DFB_PRED);
        Map<String, Estimate> f = only(BiasAnalysis.run(t, spec("sex", List.of("F"), "pred")));
        Map<String, Estimate> m = only(BiasAnalysis.run(t, spec("sex", List.of("M"), "pred")));
        assertThat(v(f, "CI")).isCloseTo(-1.0 / 6, within(TOL));
        assertThat(v(m, "CI")).isCloseTo(1.0 / 6, within(TOL));
        assertThat(v(f, "DI")).isCloseTo(10.0 / 7, within(TOL));
        assertThat(v(m, "DI")).isCloseTo(7.0 / 10, within(TOL));
        assertThat(v(f, "DCA")).isCloseTo(1.0 / 4, within(TOL));
        assertThat(v(m, "DCA")).isCloseTo(-1.0 / 4, within(TOL));
        assertThat(v(f, "DCR")).isCloseTo(1.0 / 3, within(TOL));
        assertThat(v(m, "DCR")).isCloseTo(-1.0 / 3, within(TOL));
        assertThat(v(f, "RD")).isCloseTo(-2.0 / 3, within(TOL));
        assertThat(v(m, "RD")).isCloseTo(2.0 / 3, within(TOL));
        assertThat(v(f, "DRR")).isCloseTo(1.0 / 3, within(TOL));
        assertThat(v(m, "DRR")).isCloseTo(-1.0 / 3, within(TOL));
        assertThat(v(f, "AD")).isCloseTo(-13.0 / 35, within(TOL));
        assertThat(v(m, "AD")).isCloseTo(13.0 / 35, within(TOL));
        assertThat(v(f, "DAR")).isCloseTo(-1.0 / 2, within(TOL));
        assertThat(v(m, "DAR")).isCloseTo(1.0 / 2, within(TOL));
        assertThat(v(f, "TE")).isCloseTo(-1.0 / 2, within(TOL));
        assertThat(v(m, "TE")).isCloseTo(1.0 / 2, within(TOL));
    }

    @Test
    void DI_noPositivePredictionsForReference_M_test_DI_isInfinity() throws Exception {
        Table t = binary(new int[] {0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1});
        assertThat(v(only(BiasAnalysis.run(t, spec("sex", List.of("F"), "pred"))), "DI")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void DRR_allReferencePredictionsPositive_M_test_DRR_zero() throws Exception {
        Table t = binary(new int[] {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1});
        assertThat(v(only(BiasAnalysis.run(t, spec("sex", List.of("F"), "pred"))), "DRR")).isCloseTo(0.5, within(TOL));
        assertThat(v(only(BiasAnalysis.run(t, spec("sex", List.of("M"), "pred"))), "DRR")).isCloseTo(-0.5, within(TOL));
    }

    @Test
    void CI_continuousFacet_M_test_CI() throws Exception {
        List<String> rows = new ArrayList<>();
        for (double x : DFC) {
            rows.add(x + ",1");
        }
        Table t = csv("x,label", rows);
        BiasSpec s = new BiasSpec("label", List.of("1"), null, null, "x", List.of(), 1.0, null, List.of(), BiasMode.CLARIFY, 0, 0.95, 1L);
        assertThat(v(only(BiasAnalysis.run(t, s)), "CI")).isCloseTo(-1.0 / 3, within(TOL));
    }

    @Test
    void CI_oneVsAll_M_test_CI_multicategory() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String x : DFM) {
            rows.add(x + ",1");
        }
        BiasReport r = BiasAnalysis.run(csv("x,label", rows), spec("x", List.of(), null));
        assertThat(v(facet(r, "M").metrics(), "CI")).isCloseTo(1.0 / 3, within(TOL));
        assertThat(v(facet(r, "F").metrics(), "CI")).isCloseTo(1.0 / 4, within(TOL));
        assertThat(v(facet(r, "O").metrics(), "CI")).isCloseTo(5.0 / 12, within(TOL));
    }

    @Test
    void DPL_oneVsAll_M_test_DPL() throws Exception {
        BiasReport r = BiasAnalysis.run(csv("x,label", List.of("a,1", "a,1", "b,0", "b,1")), spec("x", List.of(), null));
        assertThat(v(facet(r, "a").metrics(), "DPL")).isEqualTo(-0.5);
        assertThat(v(facet(r, "b").metrics(), "DPL")).isEqualTo(0.5);
    }

    /** [M] test_KL/test_JS/test_LP: label [T,T,T,F,F,F]; facet [T,F,F,F,F,F] and [T,F,F,F,T,F]. */
    @Test
    void KL_JS_LP_alignedSupport_M_test_KL_JS_LP() throws Exception {
        Table t1 = csv("g,label", List.of("d,1", "a,1", "a,1", "a,0", "a,0", "a,0"));
        Map<String, Estimate> m1 = only(BiasAnalysis.run(t1, spec("g", List.of("d"), null)));
        assertThat(v(m1, "KL")).isCloseTo(-0.366516, within(1e-6));
        assertThat(v(m1, "JS")).isCloseTo(0.06641431438228168, within(TOL));
        assertThat(v(m1, "LP")).isCloseTo(0.6, within(TOL));
        Table t2 = csv("g,label", List.of("d,1", "a,1", "a,1", "a,0", "d,0", "a,0"));
        Map<String, Estimate> m2 = only(BiasAnalysis.run(t2, spec("g", List.of("d"), null)));
        assertThat(v(m2, "KL")).isEqualTo(0.0);
        assertThat(v(m2, "JS")).isEqualTo(0.0);
        assertThat(v(m2, "LP")).isEqualTo(0.0);
        // "Calculate JS manually": label [T,T,T,T,F,F], facet [T,F,F,F,T,F]: Pa = (0.5, 0.5), Pd = (0.25, 0.75)
        Table t3 = csv("g,label", List.of("d,1", "a,1", "a,1", "a,1", "d,0", "a,0"));
        double expected = 0.5 * (0.5 * Math.log(0.5 / 0.375) + 0.5 * Math.log(0.5 / 0.625)
                + 0.25 * Math.log(0.25 / 0.375) + 0.75 * Math.log(0.75 / 0.625));
        assertThat(v(only(BiasAnalysis.run(t3, spec("g", List.of("d"), null))), "JS")).isCloseTo(expected, within(1e-12));
    }

    /** [M] multi-facet, multi-category: facet x ∈ {a, c}, positive label ∈ {1, 2} of DATASET_PDF. */
    @Test
    void KL_JS_LP_KS_multiValuedFacetAndLabel_M_DATASET_PDF() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < PDF_X.length; i++) {
            rows.add(PDF_X[i] + "," + PDF_LABEL[i]);
        }
        Table t = csv("x,label", rows);
        BiasSpec s = new BiasSpec("label", List.of("1", "2"), null, null, "x", List.of("a", "c"), null, null, List.of(),
                BiasMode.CLARIFY, 0, 0.95, 1L);
        Map<String, Estimate> m = only(BiasAnalysis.run(t, s));
        assertThat(v(m, "KL")).isCloseTo(0.2938933, within(1e-7));
        assertThat(v(m, "JS")).isCloseTo(0.06465997, within(1e-8));
        assertThat(v(m, "LP")).isCloseTo(0.471404520, within(1e-9));
        // test_KS: KS(positive_label_index, x != "b") == 0.33333333
        assertThat(v(m, "KS")).isCloseTo(1.0 / 3, within(TOL));
    }

    @Test
    void KS_M_test_KS() throws Exception {
        Table t = csv("label,x", List.of("1,a", "0,a", "0,b", "1,b", "1,b"));
        assertThat(v(only(BiasAnalysis.run(t, spec("x", List.of("b"), null))), "KS")).isCloseTo(0.16666666, within(1e-8));
    }

    @Test
    void CDDL_oneVsAll_M_test_CDD() throws Exception {
        String[] x = {"M", "M", "M", "F", "F", "F", "F", "M", "M", "M", "M", "F", "M", "M", "F", "M", "F", "F", "M", "M",
                "F", "M", "M", "F"};
        int[] pos = {0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0};
        int[] g = {1, 0, 2, 2, 1, 1, 2, 1, 1, 2, 0, 1, 2, 0, 1, 1, 1, 2, 0, 1, 0, 0, 1, 1};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(x[i] + "," + pos[i] + "," + g[i]);
        }
        BiasSpec s = new BiasSpec("label", List.of("1"), null, null, "x", List.of(), null, "z", List.of(), BiasMode.CLARIFY, 0, 0.95, 1L);
        BiasReport r = BiasAnalysis.run(csv("x,label,z", rows), s);
        assertThat(v(facet(r, "F").metrics(), "CDDL")).isCloseTo(0.3982142857, within(1e-9));
        assertThat(v(facet(r, "M").metrics(), "CDDL")).isCloseTo(-0.3982142857, within(1e-9));
    }

    private static final int[][] FT_X = {
            {0, 0, 0, 0, 1, 1, 1}, {1, 0, 0, 0, 1, 0, 1}, {1, 0, 1, 0, 1, 0, 1}, {0, 0, 0, 0, 0, 1, 1},
            {1, 0, 0, 1, 1, 0, 1}, {0, 0, 1, 0, 1, 1, 1}, {1, 0, 0, 0, 1, 1, 1}, {1, 1, 0, 0, 1, 1, 1},
            {0, 0, 1, 0, 1, 1, 1}, {1, 0, 1, 1, 1, 1, 0}, {1, 0, 0, 0, 1, 1, 0}, {1, 0, 1, 0, 1, 1, 1},
            {1, 0, 0, 0, 0, 1, 1}, {0, 0, 0, 0, 1, 1, 1}, {0, 0, 1, 0, 1, 0, 1}, {0, 0, 1, 0, 1, 1, 1},
            {0, 1, 0, 1, 0, 0, 1}, {1, 0, 0, 0, 0, 1, 1}, {0, 0, 1, 0, 0, 1, 1}, {1, 0, 0, 0, 1, 1, 0},
            {1, 0, 1, 0, 0, 1, 1}, {0, 1, 0, 0, 0, 1, 1}, {1, 0, 1, 0, 1, 0, 1}, {0, 0, 0, 1, 1, 1, 0}};

    private static double ft(int[][] x, int[] pred) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int v : x[i]) {
                sb.append(v).append(',');
            }
            rows.add(sb.append(pred[i]).append(",1").toString());
        }
        BiasSpec s = new BiasSpec("label", List.of("1"), null, "pred", "c0", List.of("1"), null, null,
                List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6"), BiasMode.CLARIFY, 0, 0.95, 1L);
        return v(only(BiasAnalysis.run(csv("c0,c1,c2,c3,c4,c5,c6,pred,label", rows), s)), "FT");
    }

    @Test
    void FT_M_test_FT() throws Exception {
        int[] pred = {1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1};
        assertThat(ft(FT_X, pred)).isCloseTo(-0.23076923076923078, within(1e-12));
    }

    @Test
    void FT_fewReferenceRowsUsesOneNeighbour_M_test_FT_small_samples() throws Exception {
        int[][] x = {
                {0, 0, 0, 0, 1, 1, 1}, {1, 0, 0, 0, 1, 0, 1}, {1, 0, 1, 0, 1, 0, 1}, {1, 0, 0, 1, 1, 0, 1},
                {1, 0, 0, 0, 1, 1, 1}, {1, 1, 0, 0, 1, 1, 1}, {1, 0, 1, 1, 1, 1, 0}, {1, 0, 0, 0, 1, 1, 0},
                {1, 0, 1, 0, 1, 1, 1}, {1, 0, 0, 0, 0, 1, 1}, {1, 0, 0, 0, 0, 1, 1}, {0, 0, 1, 0, 0, 1, 1},
                {1, 0, 0, 0, 1, 1, 0}, {1, 0, 1, 0, 0, 1, 1}, {1, 0, 1, 0, 1, 0, 1}, {0, 0, 0, 1, 1, 1, 0}};
        int[] pred = {1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1};
        assertThat(ft(x, pred)).isCloseTo(-0.15384615384615385, within(1e-12));
    }

    /** [R] test_report_category_data: facet x one-vs-all, y positive when > 0, group variable z. */
    @Test
    void report_categoryData_R_test_report_category_data() throws Exception {
        Table t = csv("x,y,z,yhat", List.of("a,1,1,1", "b,1,1,0", "b,0,1,0", "b,0,0,1"));
        BiasSpec s = new BiasSpec("y", List.of(), 0.0, "yhat", "x", List.of(), null, "z", List.of(), BiasMode.CLARIFY, 0, 0.95, 1L);
        BiasReport r = BiasAnalysis.run(t, s);
        Map<String, Estimate> a = facet(r, "a").metrics();
        Map<String, Estimate> b = facet(r, "b").metrics();
        assertThat(v(a, "CDDL")).isCloseTo(-0.375, within(TOL));
        assertThat(v(a, "CI")).isCloseTo(0.5, within(TOL));
        assertThat(v(a, "DPL")).isCloseTo(-0.6666666666666667, within(TOL));
        assertThat(v(a, "JS")).isCloseTo(0.08720802396075798, within(TOL));
        assertThat(v(a, "KL")).isCloseTo(-0.3662040962227032, within(TOL));
        assertThat(v(a, "KS")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(a, "LP")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(a, "TVD")).isCloseTo(0.33333333333333337, within(TOL));
        assertThat(v(b, "CDDL")).isCloseTo(0.625, within(TOL));
        assertThat(v(b, "CI")).isCloseTo(-0.5, within(TOL));
        assertThat(v(b, "DPL")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(b, "JS")).isCloseTo(0.08720802396075798, within(TOL));
        assertThat(v(b, "KL")).isCloseTo(1.0986122886681098, within(TOL));
        assertThat(v(b, "KS")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(b, "LP")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(b, "TVD")).isCloseTo(0.33333333333333337, within(TOL));
        assertThat(v(a, "AD")).isCloseTo(-0.6666666666666667, within(TOL));
        assertThat(v(a, "DI")).isCloseTo(3.0, within(TOL));
        assertThat(v(a, "DPPL")).isCloseTo(-0.6666666666666667, within(TOL));
        assertThat(v(a, "RD")).isCloseTo(-1.0, within(TOL));
        assertThat(v(b, "AD")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(b, "DI")).isCloseTo(0.3333333333333333, within(TOL));
        assertThat(v(b, "DPPL")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(b, "RD")).isCloseTo(1.0, within(TOL));
    }

    static final String[] CONT = {
            "0,0,0,0,1,1,1,1", "3,0,0,0,1,0,1,1", "3,0,1,0,1,0,1,1", "0,0,0,0,0,1,1,0", "4,0,0,1,1,0,1,1",
            "0,0,1,0,1,1,1,1", "3,0,0,0,1,1,1,1", "3,1,0,0,1,1,1,1", "0,0,1,0,1,1,1,1", "3,0,1,1,1,1,0,1",
            "4,0,0,0,1,1,0,1", "3,0,1,0,1,1,1,1", "3,0,0,0,0,1,1,0", "0,0,0,0,1,1,1,1", "0,0,1,0,1,0,1,1",
            "0,0,1,0,1,1,1,1", "0,1,0,1,0,0,1,0", "3,0,0,0,0,1,1,0", "0,0,1,0,0,1,1,1", "3,0,0,0,1,1,0,1",
            "3,0,1,0,0,1,1,0", "0,1,0,0,0,1,1,0", "3,0,1,0,1,0,1,1", "0,0,0,1,1,1,0,1"};

    /** [R] test_report_continuous_data: facet x in (2, 4], y and yhat positive when > 0, group variable z. */
    @Test
    void report_continuousData_R_test_report_continuous_data() throws Exception {
        Table t = csv("x,y,z,a,b,c,d,yhat", List.of(CONT));
        BiasSpec s = new BiasSpec("y", List.of(), 0.0, "yhat", "x", List.of(), 2.0, "z", List.of("x", "z", "a", "b", "c", "d"),
                BiasMode.CLARIFY, 0, 0.95, 1L);
        BiasResult res = only(BiasAnalysis.run(t, s)) == null ? null : BiasAnalysis.run(t, s).results().get(0);
        assertThat(res.facetValue()).isEqualTo("(2, 4]");
        Map<String, Estimate> m = res.metrics();
        assertThat(v(m, "CDDL")).isCloseTo(0.3851010101010101, within(TOL));
        assertThat(v(m, "CI")).isCloseTo(-0.08333333333333333, within(TOL));
        assertThat(v(m, "DPL")).isCloseTo(0.1048951048951049, within(TOL));
        assertThat(v(m, "JS")).isCloseTo(0.01252420207928287, within(TOL));
        assertThat(v(m, "KL")).isCloseTo(0.057704603668062765, within(TOL));
        assertThat(v(m, "KS")).isCloseTo(0.1048951048951049, within(TOL));
        assertThat(v(m, "LP")).isCloseTo(0.14834407996920576, within(TOL));
        assertThat(v(m, "TVD")).isCloseTo(0.1048951048951049, within(TOL));
        assertThat(v(m, "AD")).isCloseTo(-0.2167832167832168, within(TOL));
        assertThat(v(m, "CDDPL")).isCloseTo(0.07592592592592595, within(TOL));
        assertThat(v(m, "DAR")).isCloseTo(-0.1, within(TOL));
        assertThat(v(m, "DCA")).isCloseTo(0.15, within(TOL));
        assertThat(v(m, "DCR")).isCloseTo(1.0, within(TOL));
        assertThat(v(m, "DI")).isCloseTo(1.0576923076923077, within(TOL));
        assertThat(v(m, "DPPL")).isCloseTo(-0.04195804195804198, within(TOL));
        assertThat(v(m, "DRR")).isCloseTo(0.6666666666666667, within(TOL));
        assertThat(v(m, "FT")).isCloseTo(-0.23076923076923078, within(TOL));
        assertThat(v(m, "GE")).isCloseTo(0.07593688362919139, within(1e-15));
        assertThat(v(m, "RD")).isCloseTo(-1.0, within(TOL));
        assertThat(v(m, "SD")).isCloseTo(0.1388888888888889, within(1e-15));
        assertThat(v(m, "TE")).isCloseTo(-0.25, within(TOL));
    }

    /** [R] test_label_values: positive labels {p, q} collapsed, one-vs-all facet, group variable z. */
    @Test
    void multiValuedPositiveLabels_R_test_label_values() throws Exception {
        Table t = csv("x,y,z,yhat", List.of("a,p,1,p", "b,q,1,p", "b,r,1,q", "c,p,0,p", "c,q,0,p"));
        BiasSpec s = new BiasSpec("y", List.of("p", "q"), null, "yhat", "x", List.of(), null, "z", List.of(), BiasMode.CLARIFY, 0, 0.95, 1L);
        BiasReport r = BiasAnalysis.run(t, s);
        double[][] expected = { // CDDL, DPL, AD, DAR, DI, DPPL, DRR, RD
                {-0.3, -0.25, -0.25, -0.25, 1.0, 0.0, 0.0, 0.0},
                {0.3, 0.5, 0.5, 0.5, 1.0, 0.0, 0.0, 0.0},
                {-0.4, -0.33333333333333337, -0.33333333333333337, -0.33333333333333337, 1.0, 0.0, 0.0, 0.0}};
        String[] names = {"CDDL", "DPL", "AD", "DAR", "DI", "DPPL", "DRR", "RD"};
        String[] facets = {"a", "b", "c"};
        for (int f = 0; f < 3; f++) {
            Map<String, Estimate> m = facet(r, facets[f]).metrics();
            for (int k = 0; k < names.length; k++) {
                assertThat(v(m, names[k])).as(facets[f] + " " + names[k]).isCloseTo(expected[f][k], within(TOL));
            }
        }
    }

    /** [M] "No facet selection": an empty monitored group is an error in Clarify, UNDEFINED here. */
    @Test
    void emptyMonitoredGroup_isUndefinedWithReason() {
        long[] c = new long[8];
        c[1] = 3; // reference group only
        c[3] = 3;
        Map<String, BiasMetrics.Value> m = BiasMetrics.compute(c, 1, false, true, BiasMode.CLARIFY);
        assertThat(m.get("KL").defined()).isFalse();
        assertThat(m.get("KL").reason()).contains("monitored group");
        assertThat(m.get("DI").defined()).isFalse();
    }
}
