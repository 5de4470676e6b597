package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit use case end to end on small generated tables. */
class PrivacyAuditTest {
    private static final PrivacyAudit.Listener QUIET = new PrivacyAudit.Listener() {
        @Override
        public void model(int done, int total, String what) {
        }

        @Override
        public void warning(String message) {
        }
    };

    @TempDir
    Path dir;

    private static PrivacyAudit.Spec spec(PrivacyAudit.Model model, List<Double> eps, List<PrivacyAudit.Attack> attacks, int refs,
                                          int canaries, int epochs, int hidden) {
        return new PrivacyAudit.Spec("label", null, null, model, eps, attacks, refs, canaries, epochs, 64, 1.0, 0.1, hidden, 100,
                8, 1e-5, 0.2, 200, 0.95, 3, 2);
    }

    /**
     * Random labels (4 classes) on 10 noise features: an MLP that fits them memorises, so without noise the loss attack
     * detects members and the one-run canary audit certifies some ε; with DP-SGD at ε = 2 neither empirical bound may
     * exceed 2 (each fails with probability ≤ 5% for a correct DP-SGD; seeded, so deterministic).
     */
    @Test
    void randomLabelMlp_leaksWithoutNoise_boundsStayBelowTheoryWithDpSgd() throws Exception {
        Table t = table(randomLabels(1500, 10, 4, 5));
        PrivacyAudit.Result r = PrivacyAudit.run(t, spec(PrivacyAudit.Model.MLP, List.of(Double.POSITIVE_INFINITY, 2.0),
                List.of(PrivacyAudit.Attack.LOSS), 0, 200, 200, 128), QUIET);
        PrivacyAudit.Row plain = r.rows().get(0);
        PrivacyAudit.Row dp = r.rows().get(1);
        AttackMetrics.Result lossPlain = plain.attacks().get(0).metrics();
        System.out.printf(Locale.ROOT, "plain: loss AUC %.4f, CP eps %.3f, one-run %.3f (%d/%d); eps 2: AUC %.4f, CP %.3f, one-run %.3f%n",
                lossPlain.auc().value(), plain.attacks().get(0).empirical().epsilonLowerBound(), plain.oneRun().epsilonLowerBound(),
                plain.oneRun().correct(), plain.oneRun().guesses(), dp.attacks().get(0).metrics().auc().value(),
                dp.attacks().get(0).empirical().epsilonLowerBound(), dp.oneRun().epsilonLowerBound());
        assertThat(plain.trainAccuracy()).as("the MLP fits most of its members' random labels").isGreaterThan(0.7);
        assertThat(lossPlain.auc().interval().lo()).as("loss AUC without noise").isGreaterThan(0.6);
        assertThat(plain.oneRun().epsilonLowerBound()).as("one-run bound without noise").isGreaterThan(0.5);
        assertThat(dp.oneRun().epsilonLowerBound()).isLessThanOrEqualTo(2.0);
        assertThat(dp.attacks().get(0).empirical().epsilonLowerBound()).isLessThanOrEqualTo(2.0);
        assertThat(dp.noiseMultiplier()).isPositive();
        assertThat(dp.spentEpsilon()).isLessThanOrEqualTo(2.0);
        assertThat(r.poolRows() + r.canaryRows() + r.testRows()).isEqualTo(1500);
        assertThat(r.canaryRows()).isEqualTo(200);
    }

    @Test
    void run_withReferenceModels_isReproducible_andHasEveryAttack() throws Exception {
        Table t = table(separable(300, 9));
        PrivacyAudit.Spec s = spec(PrivacyAudit.Model.LOGISTIC, List.of(Double.POSITIVE_INFINITY, 4.0),
                List.of(PrivacyAudit.Attack.SHADOW, PrivacyAudit.Attack.LOSS, PrivacyAudit.Attack.LIRA_ONLINE,
                        PrivacyAudit.Attack.LIRA_OFFLINE), 4, 20, 5, 8);
        PrivacyAudit.Result a = PrivacyAudit.run(t, s, QUIET);
        PrivacyAudit.Result b = PrivacyAudit.run(t, s, QUIET);
        assertThat(a.rows()).hasSize(2);
        for (int r = 0; r < 2; r++) {
            PrivacyAudit.Row x = a.rows().get(r);
            PrivacyAudit.Row y = b.rows().get(r);
            assertThat(x.attacks().stream().map(o -> o.attack().id()).toList())
                    .containsExactly("loss", "lira-offline", "lira-online", "shadow");
            assertThat(x.testAccuracy().value()).isEqualTo(y.testAccuracy().value()).isGreaterThan(0.8);
            assertThat(x.oneRun()).isEqualTo(y.oneRun());
            for (int k = 0; k < 4; k++) {
                assertThat(x.attacks().get(k).metrics().auc()).isEqualTo(y.attacks().get(k).metrics().auc());
                assertThat(x.attacks().get(k).empirical()).isEqualTo(y.attacks().get(k).empirical());
            }
        }
        assertThat(a.rows().get(0).noiseMultiplier()).isNaN();
        assertThat(a.rows().get(1).noiseMultiplier()).isPositive();
    }

    @Test
    void missingLabel_isReportedWithFileLineAndColumn() throws Exception {
        StringBuilder csv = new StringBuilder(separable(100, 1));
        csv.append("0.5,0.5,\n");
        Table t = table(csv.toString());
        assertThatThrownBy(() -> PrivacyAudit.run(t, spec(PrivacyAudit.Model.LOGISTIC, List.of(1.0),
                List.of(PrivacyAudit.Attack.LOSS), 0, 10, 1, 8), QUIET))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv:102").hasMessageContaining("'label'").hasMessageContaining("missing");
    }

    @Test
    void badSettings_nameTheOption() throws Exception {
        Table three = table(randomLabels(200, 3, 3, 1));
        assertThatThrownBy(() -> PrivacyAudit.run(three, spec(PrivacyAudit.Model.LOGISTIC, List.of(1.0),
                List.of(PrivacyAudit.Attack.LOSS), 0, 10, 1, 8), QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--model logistic needs exactly 2");
        Table small = table(separable(100, 1));
        assertThatThrownBy(() -> PrivacyAudit.run(small, spec(PrivacyAudit.Model.LOGISTIC, List.of(1.0),
                List.of(PrivacyAudit.Attack.LOSS), 0, 60, 1, 8), QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--canaries 60");
        assertThatThrownBy(() -> spec(PrivacyAudit.Model.LOGISTIC, List.of(1.0), List.of(PrivacyAudit.Attack.LIRA_ONLINE), 1, 10, 1, 8))
                .hasMessageContaining("--reference-models must be >= 2");
        assertThatThrownBy(() -> spec(PrivacyAudit.Model.LOGISTIC, List.of(-1.0), List.of(PrivacyAudit.Attack.LOSS), 0, 10, 1, 8))
                .hasMessageContaining("--epsilons");
        assertThatThrownBy(() -> PrivacyAudit.Attack.parse("lira")).hasMessageContaining("unknown attack 'lira'");
        assertThatThrownBy(() -> PrivacyAudit.Model.parse("svm")).hasMessageContaining("--model must be");
    }

    @Test
    void splitBound_choosesTheThresholdOnTheSelectionHalfOnly() {
        // perfect separation on the selection half, none on the evaluation half: the bound must come from the latter
        int n = 2000;
        double[] score = new double[n];
        boolean[] member = new boolean[n];
        boolean[] selection = new boolean[n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            member[i] = i % 2 == 0;
            selection[i] = i < n / 2;
            score[i] = selection[i] ? (member[i] ? 1 + rng.nextDouble() : rng.nextDouble()) : rng.nextDouble() * 2;
        }
        EmpiricalEpsilon.Bound b = PrivacyAudit.splitBound(score, member, selection, 0, 0.05);
        assertThat(b.members() + b.nonMembers()).isEqualTo(n / 2);
        assertThat(b.epsilonLowerBound()).isLessThan(0.3);
    }

    private Table table(String csv) throws Exception {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, csv);
        return new CsvTableReader().read(f);
    }

    static String randomLabels(int n, int d, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < d; j++) {
            sb.append('x').append(j).append(',');
        }
        sb.append("label\n");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sb.append(String.format(Locale.ROOT, "%.5f,", rng.nextGaussian()));
            }
            sb.append('c').append(rng.nextInt(k)).append('\n');
        }
        return sb.toString();
    }

    static String separable(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < n; i++) {
            boolean pos = rng.nextBoolean();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", (pos ? 1.5 : -1.5) + rng.nextGaussian(), rng.nextGaussian(),
                    pos ? "yes" : "no"));
        }
        return sb.toString();
    }
}
