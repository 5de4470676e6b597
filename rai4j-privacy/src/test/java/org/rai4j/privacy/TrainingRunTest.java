package org.rai4j.privacy;

import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingRunTest {
    private static Table table(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            boolean pos = rng.nextBoolean();
            x[i] = (pos ? 2 : -2) + rng.nextGaussian();
            y[i] = pos ? "yes" : "no";
        }
        return new Table("t.csv", "0".repeat(64), List.of(Column.numeric("x", x), Column.categorical("y", y)), null);
    }

    private static TrainingRun.Spec spec(boolean dp) {
        return new TrainingRun.Spec(TrainingRun.ModelKind.LOGISTIC, "y", null, null, 10, 4, 4, 0.25, 5, 5, 20, 1.0, 0.5, dp,
                dp ? 2.0 : null, dp ? 1e-4 : null, Accountant.RDP, PrivacyRandom.NoiseMode.STANDARD);
    }

    private static final TrainingRun.Listener QUIET = new TrainingRun.Listener() {
        @Override
        public void epoch(int epoch, int total) { }

        @Override
        public void step(long step, long total) { }

        @Override
        public void warning(String message) { }
    };

    @Test
    void run_noDp_splitsAsCoreSplitsAndLearnsTheSeparableLabel() throws Exception {
        TrainingRun.Result r = TrainingRun.run(table(400), spec(false), QUIET);
        assertThat(r.testRows()).isEqualTo(100);
        assertThat(r.trainRows()).isEqualTo(300);
        assertThat(r.dp()).isNull();
        assertThat(r.classes()).hasSize(2);
        assertThat(r.testAccuracy()).isGreaterThan(0.9);
        assertThat(TrainingRun.run(table(400), spec(false), QUIET).testAccuracy()).isEqualTo(r.testAccuracy());
    }

    @Test
    void run_dp_spendsAtMostTheTargetAndWarnsWhenDeltaIsTooLarge() throws Exception {
        List<String> warnings = new ArrayList<>();
        TrainingRun.Result r = TrainingRun.run(table(400), spec(true), new TrainingRun.Listener() {
            @Override
            public void epoch(int epoch, int total) { }

            @Override
            public void step(long step, long total) { }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
        assertThat(r.dp().spent().epsilon()).isLessThanOrEqualTo(2.0);
        assertThat(warnings).isEmpty(); // delta 1e-4 < 1/300
    }

    @Test
    void run_logisticWithOneClassOrTooFewRows_explains() {
        assertThatThrownBy(() -> TrainingRun.run(table(1), spec(false), QUIET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingRun.Spec(TrainingRun.ModelKind.MLP, "y", null, null, 1, 1, 1, 1.5, 1, 1, 1, 1, 1, false,
                null, null, Accountant.RDP, PrivacyRandom.NoiseMode.STANDARD))
                .hasMessage("--test-fraction must be in (0, 1), got 1.5");
    }
}
