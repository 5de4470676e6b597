package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposure of a secret in the embedding-bag text model, with and without DP-SGD (seeded, so the figures are exact
 * for this code; docs/privacy-audit.md quotes them): 3 secrets per insertion count k = 1, 2, 4, 8, 16, codes of
 * 4 digits (|R| = 10,000), 2,000 synthetic utterances, 10 epochs.
 */
class TextCanaryAuditTest {
    @Test
    void exposure_byInsertionCount_withAndWithoutDpSgd() {
        TextCanaryAudit.Spec spec = new TextCanaryAudit.Spec(4, List.of(1, 2, 4, 8, 16), List.of(Double.POSITIVE_INFINITY, 4.0), 3,
                2000, 10, 64, 1.0, 0.5, 20000, 32, 1e-5, 1000, 7);
        List<TextCanaryAudit.Measurement> ms = TextCanaryAudit.run(spec, m -> System.out.printf(Locale.ROOT,
                "eps %s k %2d secret %s rank %5d enumeration %6.3f extrapolation %7.3f [%7.3f, %7.3f] extracted %s test acc %.3f%n",
                m.epsilon(), m.insertions(), m.secret(), m.rank(), m.enumeration(), m.extrapolation().exposure(), m.extrapolation().lo(), m.extrapolation().hi(), m.extracted(), m.testAccuracy()));
        assertThat(ms).hasSize(30);
        List<TextCanaryAudit.Measurement> plain16 = ms.stream().filter(m -> Double.isInfinite(m.epsilon()) && m.insertions() == 16).toList();
        List<TextCanaryAudit.Measurement> dp = ms.stream().filter(m -> !Double.isInfinite(m.epsilon())).toList();
        assertThat(plain16.stream().filter(m -> m.rank() <= 5).count()).as("secrets inserted 16 times without DP in the top 5").isEqualTo(3);
        assertThat(plain16.stream().filter(TextCanaryAudit.Measurement::extracted).count()).as("extracted without DP").isGreaterThanOrEqualTo(1);
        assertThat(dp.stream().filter(TextCanaryAudit.Measurement::extracted).count()).as("extracted with DP-SGD at eps 4").isZero();
        assertThat(dp.stream().mapToLong(TextCanaryAudit.Measurement::rank).min().getAsLong()).as("best DP rank").isGreaterThan(50);
        assertThat(ms).allSatisfy(m -> assertThat(m.testAccuracy()).isGreaterThan(0.95));
        List<TextCanaryAudit.Measurement> uncapped = ms.stream().filter(m -> m.rank() > 1).toList();
        long inside = uncapped.stream().filter(m -> m.extrapolation().contains(m.enumeration())).count();
        System.out.printf(Locale.ROOT, "extrapolation interval contains the enumeration exposure in %d of %d uncapped cases%n", inside,
                uncapped.size());
        assertThat(inside).isGreaterThanOrEqualTo(uncapped.size() * 9 / 10);
    }
}
