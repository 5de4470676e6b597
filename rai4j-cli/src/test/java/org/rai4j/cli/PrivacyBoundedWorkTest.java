package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 16: privacy calls that never returned (tiny σ for RDP, small σ for PRV, absurd target ε) now do
 * bounded work and end with a clear answer; σ = 0 is explicit. Each must finish well within 60 s even on
 * a loaded machine (they take well under a second of computation).
 */
class PrivacyBoundedWorkTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Rai4j.newCommandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute(args);
            return new Run(status, out.toString(), err.toString());
        });
    }

    @Test
    void epsilon_rdpWithNoiseMultiplier1e200_returnsInfinityWithAWarning() {
        Run r = run("privacy", "epsilon", "--noise-multiplier", "1e-200", "--sample-rate", "0.01", "--steps", "100",
                "--delta", "1e-5");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEqualTo("rai4j: warning: epsilon is infinite: noise multiplier 1.0E-200 is too small for "
                + "any finite guarantee (no optimal order)\n");
        assertThat(r.out()).contains("epsilon         Infinity");
    }

    @Test
    void epsilon_noiseMultiplierZero_saysThereIsNoPrivacy() {
        for (String accountant : new String[] {"rdp", "prv"}) {
            Run r = run("privacy", "epsilon", "--noise-multiplier", "0", "--sample-rate", "0.01", "--steps", "100",
                    "--delta", "1e-5", "--accountant", accountant);
            assertThat(r.status()).isZero();
            assertThat(r.err()).as(accountant).isEqualTo("rai4j: warning: noise multiplier 0 adds no noise: there is no "
                    + "differential privacy guarantee (epsilon is infinite and there is no optimal order)\n");
        }
    }

    @Test
    void epsilon_prvWithNoiseMultiplier003_failsWithTheGridSizeInsteadOfRunningForHours() {
        Run r = run("privacy", "epsilon", "--noise-multiplier", "0.03", "--sample-rate", "0.01", "--steps", "100",
                "--delta", "1e-5", "--accountant", "prv");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: the prv accountant cannot handle these parameters: the PRV "
                + "accountant would need a grid of 3.64e+08 points (the privacy loss reaches 56240.1 with noise "
                + "multiplier 0.03), more than its limit of 33554432; use the rdp accountant or a larger epsilon error "
                + "(try --accountant rdp)\n");
    }

    @Test
    void noise_targetEpsilon1e300_stopsAfterTheBisectionCapWithAMessage() {
        Run r = run("privacy", "noise", "--target-epsilon", "1e300", "--delta", "1e-5", "--sample-rate", "0.01",
                "--steps", "100");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot calibrate to target epsilon 1.0E300 within 0.01: after 100 "
                + "bisection steps noise multiplier 1.5777218104420236E-29 gives epsilon 2.2095398108561114E59 (a target "
                + "this large is no meaningful privacy guarantee; choose a smaller target)\n");
    }

    @Test
    void noise_exactLargeButResolvableTarget_meetsItOnTheSafeSide() {
        Run r = run("privacy", "noise", "--target-epsilon", "1e5", "--delta", "1e-5", "--sample-rate", "0.01",
                "--steps", "100", "--exact", "--json", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"noise_multiplier\":");
        double eps = Double.parseDouble(r.out().replaceAll(".*\"epsilon\":([^,}]+).*\\s*", "$1"));
        assertThat(eps).isLessThanOrEqualTo(1e5);
    }
}
