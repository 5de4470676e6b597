package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rai4j.learn.LogisticRegression;

/** The study on a fake deterministic encoder (the properties checked do not depend on MiniLM). */
class BiasStudyTest {
    private static BiasStudy.Result result;

    @BeforeAll
    static void run() {
        BiasStudy.Settings s = new BiasStudy.Settings(6, 80, 400, 200, 0.2, 0.8, 0.95,
                new EmbeddingBagTextClassifier.Settings(1024, 8, 15, 0.5, 16, 1), new LogisticRegression(0.01, 30, 1e-6), 5);
        result = BiasStudy.run(new FakeEncoder(48), s);
    }

    /** A scorer that adds 0.3 to every sentence with a female word: gap 0.3, signed +0.3, BPSN lower for women. */
    @Test
    void extrinsic_genderShiftedScorer_gapSignedAndBpsnAsDefined() {
        BiasStudy.TestSet test = BiasStudy.TestSet.of(TemplateCorpus.testSet(200, 3), GenderSwap.english());
        TextClassifier f = new TextClassifier() {
            @Override
            public double[] scores(List<String> texts) {
                return texts.stream().mapToDouble(t -> {
                    boolean neg = TemplateCorpus.NEGATIVE_WORDS.stream().anyMatch(w -> t.contains(" " + w));
                    boolean fem = TemplateCorpus.FEMALE_WORDS.stream().anyMatch(w -> t.matches(".*\\b" + w + "\\b.*"));
                    return (neg ? 0.6 : 0.1) + (fem ? 0.3 : 0.0);
                }).toArray();
            }

            @Override
            public String name() {
                return "shifted";
            }
        };
        BiasStudy.Extrinsic e = BiasStudy.extrinsic(f, test, 0.95, 50, 1);
        assertThat(e.gap().gap()).isCloseTo(0.3, within(1e-12));
        assertThat(e.gap().evaluated()).isEqualTo(200);
        assertThat(e.signed()).isCloseTo(0.3, within(1e-12));
        assertThat(e.accuracy()).isEqualTo(1.0);
        // Female non-toxic (0.4) against toxic background: male toxic 0.6 wins, female toxic 0.9 wins -> BPSN 1 for
        // women; male non-toxic (0.1) is below every toxic text -> BPSN 1 for men too: the gap is 0, as the shift
        // (0.3) is smaller than the label gap (0.5). The signed and counterfactual gaps see what the AUCs cannot.
        assertThat(e.bpsnGap()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void study_familyShapeAndEncoderHeadIntrinsicConstant() {
        assertThat(result.models()).hasSize(12);
        assertThat(result.correlations()).hasSize(12);
        for (BiasStudy.ModelMetrics m : result.models()) {
            if (m.type().equals("encoder-head")) {
                assertThat(m.intrinsicAligned()).isEqualTo(result.seatAligned().weat().effectSize());
                assertThat(m.intrinsicMisaligned()).isEqualTo(result.seatMisaligned().weat().effectSize());
            }
            assertThat(m.accuracy()).isBetween(0.0, 1.0);
            assertThat(Math.abs(m.cfSigned())).isLessThanOrEqualTo(m.cfGap() + 1e-12);
        }
        assertThat(result.models().get(0).bias()).isEqualTo(-0.8);
        assertThat(result.models().get(5).bias()).isCloseTo(0.8, within(1e-12));
        assertThat(result.models().get(2).augmented()).isTrue();
        for (BiasStudy.CorrelationRow r : result.correlations()) {
            if (r.type().equals("encoder-head")) {
                assertThat(r.pearson().r()).isNaN();
                assertThat(r.spearman().interval()).isNull();
            }
        }
    }

    /**
     * The strongest injected biases show in the signed gap with their sign, on both model types (bias −0.8 and +0.48:
     * beyond ±0.02); counterfactual augmentation (model 5, bias +0.8) leaves less than half the gap of model 0.
     */
    @Test
    void study_injectedBiasShowsWithItsSign_augmentationShrinksIt() {
        for (String type : List.of("embedding-bag", "encoder-head")) {
            List<BiasStudy.ModelMetrics> ms = result.models().stream().filter(m -> m.type().equals(type)).toList();
            assertThat(ms.get(0).cfSigned()).as(type).isLessThan(-0.02);
            assertThat(ms.get(4).cfSigned()).as(type).isGreaterThan(0.02);
            assertThat(Math.abs(ms.get(5).cfSigned())).as(type + " augmented").isLessThan(Math.abs(ms.get(0).cfSigned()) / 2);
        }
    }

    /** Each table entry is the correlation of the model metrics it names. */
    @Test
    void study_correlationRowsAreTheMetricsCorrelations() {
        List<BiasStudy.ModelMetrics> bags = result.models().stream().filter(m -> m.type().equals("embedding-bag")).toList();
        double[] aligned = bags.stream().mapToDouble(BiasStudy.ModelMetrics::intrinsicAligned).toArray();
        double[] signed = bags.stream().mapToDouble(BiasStudy.ModelMetrics::cfSigned).toArray();
        double[] absMis = bags.stream().mapToDouble(m -> Math.abs(m.intrinsicMisaligned())).toArray();
        double[] gap = bags.stream().mapToDouble(BiasStudy.ModelMetrics::cfGap).toArray();
        BiasStudy.CorrelationRow a = find("embedding-bag", "aligned", "d", "cf_signed");
        assertThat(a.pearson().r()).isEqualTo(Correlation.pearsonR(aligned, signed));
        assertThat(a.spearman().r()).isEqualTo(Correlation.pearsonR(Correlation.ranks(aligned), Correlation.ranks(signed)));
        BiasStudy.CorrelationRow m = find("embedding-bag", "misaligned", "|d|", "cf_gap");
        assertThat(m.pearson().r()).isEqualTo(Correlation.pearsonR(absMis, gap));
        assertThat(m.pearson().n()).isEqualTo(6);
    }

    private static BiasStudy.CorrelationRow find(String type, String alignment, String x, String y) {
        return result.correlations().stream().filter(r -> r.type().equals(type) && r.alignment().equals(alignment)
                && r.intrinsic().equals(x) && r.extrinsic().equals(y)).findFirst().orElseThrow();
    }
}
