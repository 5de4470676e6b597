package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasAucsTest {
    /**
     * The reference implementation's own test data: conversationai/unintended-ml-bias-analysis
     * archive/unintended_ml_bias/model_bias_analysis_test.py {@code make_biased_dataset} (background negatives 0.1,
     * 0.2, 0.3; subgroup negatives 0.21, 0.31, 0.55; background positives 0.5, 0.8, 0.9; subgroup positives 0.4, 0.6,
     * 0.71). Its tests assert subgroup AUC ≈ 0.88, negative cross (BPSN) AUC ≈ 0.88 and positive cross (BNSP)
     * AUC ≈ 1.0 to one decimal place; the exact pair counts are 8/9, 8/9 and 9/9.
     */
    @Test
    void forMembership_referenceBiasedDataset_equalsTheReferenceTestValues() {
        double[] scores = {0.1, 0.2, 0.3, 0.21, 0.31, 0.55, 0.5, 0.8, 0.9, 0.4, 0.6, 0.71};
        boolean[] labels = {false, false, false, false, false, false, true, true, true, true, true, true};
        boolean[] member = {false, false, false, true, true, true, false, false, false, true, true, true};
        IdentityAucs r = BiasAucs.forMembership(member, labels, scores);
        assertThat(r.n()).isEqualTo(6);
        assertThat(r.subgroupAuc()).isEqualTo(8.0 / 9).isCloseTo(0.88, within(0.05));
        assertThat(r.bpsnAuc()).isEqualTo(8.0 / 9).isCloseTo(0.88, within(0.05));
        assertThat(r.bnspAuc()).isEqualTo(1.0);
    }

    /** The reference's test_add_subgroup_columns_from_text: \bterm\b, case-insensitive, Unicode. */
    @Test
    void mentions_referenceExample_matchesWholeWordsCaseInsensitively() {
        String[] texts = {"You are a woman", "I am gay", "Je suis chrétien.", "je suis handicapé"};
        assertThat(BiasAucs.mentions(texts, "woman")).containsExactly(true, false, false, false);
        assertThat(BiasAucs.mentions(texts, "gay")).containsExactly(false, true, false, false);
        assertThat(BiasAucs.mentions(texts, "chrétien")).containsExactly(false, false, true, false);
        assertThat(BiasAucs.mentions(texts, "handicapé")).containsExactly(false, false, false, true);
        assertThat(BiasAucs.mentions(new String[] {"WOMAN!", "women", "a.woman", "Gay-friendly", "gayness"}, "woman"))
                .containsExactly(true, false, true, false, false);
        assertThat(BiasAucs.mentions(new String[] {"Gay-friendly", "gayness"}, "gay")).containsExactly(true, false);
    }

    @Test
    void auc_equalsPairCountingOracle_withTiesCountingHalf() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int rep = 0; rep < 200; rep++) {
            double[] pos = new double[1 + rng.nextInt(30)];
            double[] neg = new double[1 + rng.nextInt(30)];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = Math.round(rng.nextDouble() * 10) / 10.0;
            }
            for (int i = 0; i < neg.length; i++) {
                neg[i] = Math.round(rng.nextDouble() * 8) / 10.0;
            }
            double wins = 0;
            for (double p : pos) {
                for (double q : neg) {
                    wins += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }
            assertThat(BiasAucs.auc(pos, neg)).isEqualTo(wins / (pos.length * (double) neg.length));
        }
        assertThat(BiasAucs.auc(new double[0], new double[] {1})).isNaN();
        assertThat(BiasAucs.auc(new double[] {0.5, 0.5}, new double[] {0.5})).isEqualTo(0.5);
    }

    @Test
    void generalizedMean_matchesTheDefinition_andExcludesUndefined() {
        assertThat(BiasAucs.generalizedMean(new double[] {0.5, 1.0}, -5)).isCloseTo(Math.pow(16.5, -0.2), within(1e-15));
        assertThat(BiasAucs.generalizedMean(new double[] {0.5, Double.NaN, 1.0}, -5))
                .isEqualTo(BiasAucs.generalizedMean(new double[] {0.5, 1.0}, -5));
        assertThat(BiasAucs.generalizedMean(new double[] {0.2, 0.4, 0.9}, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(BiasAucs.generalizedMean(new double[] {0.7, 0.0}, -5)).isZero();
        assertThat(BiasAucs.generalizedMean(new double[] {Double.NaN}, -5)).isNaN();
        // p = -5 is pulled towards the worst group: below the arithmetic mean
        assertThat(BiasAucs.generalizedMean(new double[] {0.6, 0.95, 0.95}, -5)).isCloseTo(Math.pow((Math.pow(0.6, -5) + 2 * Math.pow(0.95, -5)) / 3, -0.2), within(1e-15))
                .isLessThan(0.75);
    }

    @Test
    void compute_finalScore_isTheJigsawWeighting() {
        SplittableRandom rng = new SplittableRandom(3);
        String[] vocab = {"gay", "straight", "muslim", "christian", "woman", "man", "nice", "awful"};
        int n = 400;
        String[] texts = new String[n];
        boolean[] labels = new boolean[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            String a = vocab[rng.nextInt(vocab.length)];
            String b = vocab[rng.nextInt(vocab.length)];
            texts[i] = "I am " + a + " and " + b;
            labels[i] = rng.nextDouble() < 0.4;
            scores[i] = (labels[i] ? 0.3 : 0) + rng.nextDouble() * 0.7 + (texts[i].contains("gay") ? 0.1 : 0);
        }
        List<String> terms = List.of("gay", "muslim", "woman", "absent");
        BiasAucResult r = BiasAucs.compute(texts, labels, scores, terms);
        assertThat(r.identities().keySet()).containsExactly("gay", "muslim", "woman", "absent");
        assertThat(r.identities().get("absent").n()).isZero();
        assertThat(r.identities().get("absent").subgroupAuc()).isNaN();
        List<Double> sub = new ArrayList<>();
        for (String t : List.of("gay", "muslim", "woman")) {
            sub.add(r.identities().get(t).subgroupAuc());
        }
        double msub = Math.pow(sub.stream().mapToDouble(v -> Math.pow(v, -5)).sum() / 3, -0.2);
        assertThat(r.subgroupMean()).isCloseTo(msub, within(1e-12));
        assertThat(r.finalScore()).isCloseTo(0.25 * r.overallAuc() + 0.25 * (r.subgroupMean() + r.bpsnMean()
                + r.bnspMean()), within(1e-12));
        // the gay subgroup is scored higher whatever its label: its BPSN AUC is the lowest
        assertThat(r.identities().get("gay").bpsnAuc()).isLessThan(r.identities().get("muslim").bpsnAuc());
    }

    @Test
    void run_badLabelsAndScores_nameFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("comments.csv");
        Files.writeString(data, "comment,toxic,p\n\"I am gay, ok\",1,0.9\nhello,yes,0.2\nbye,0,high\n");
        Path terms = dir.resolve("terms.txt");
        Files.writeString(terms, "gay\n");
        assertThatThrownBy(() -> BiasAucs.run(data, "comment", "toxic", "p", terms))
                .hasMessageContaining("comments.csv:3: column 'toxic': expected 0, 1, true or false, got 'yes'")
                .hasMessageContaining("comments.csv:4: column 'p': expected a finite number, got 'high'");
        assertThatThrownBy(() -> BiasAucs.run(data, "text", "toxic", "p", terms))
                .hasMessageContaining("column 'text': no such column");
        Files.writeString(data, "comment,toxic,p\n\"I am gay, ok\",1,0.9\nhello,0,0.2\nI am gay,0,0.8\nbye,1,0.7\n");
        BiasAucResult r = BiasAucs.run(data, "comment", "toxic", "p", terms);
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.identities().get("gay").n()).isEqualTo(2);
        assertThat(r.identities().get("gay").subgroupAuc()).isEqualTo(1.0);
        assertThat(r.identities().get("gay").bpsnAuc()).isEqualTo(0.0); // background positive 0.7 below subgroup negative 0.8
        assertThat(r.overallAuc()).isEqualTo(0.75);
    }
}
