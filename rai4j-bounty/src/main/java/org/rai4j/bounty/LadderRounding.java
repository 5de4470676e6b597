package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ladder-style release of numbers (Blum &amp; Hardt, "The Ladder", ICML 2015; spec §2.3): every
 * number shown to hunters is rounded down to a multiple of the step η, so each release carries at
 * most log(1/η) bits about the holdout. Default η = α/2 (spec §2.6). Immutable.
 *
 * @param step η &gt; 0
 */
public record LadderRounding(BigDecimal step) {
    public LadderRounding {
        Preconditions.checkNotNull(step, "step");
        Preconditions.checkArgument(step.signum() > 0, "the ladder step must be > 0, got " + step);
    }

    /** η = α/2. */
    public static LadderRounding halfOf(BigDecimal alpha) {
        return new LadderRounding(alpha.divide(BigDecimal.valueOf(2)));
    }

    /** ⌊x/η⌋·η, computed in decimal so that e.g. 0.03 with η = 0.01 stays 0.03. */
    public double roundDown(double x) {
        Preconditions.checkArgument(Double.isFinite(x), "only finite numbers can be released, got " + x);
        BigDecimal v = new BigDecimal(Double.toString(x));
        BigDecimal k = v.divide(step, 0, RoundingMode.FLOOR);
        return k.multiply(step).doubleValue();
    }
}
