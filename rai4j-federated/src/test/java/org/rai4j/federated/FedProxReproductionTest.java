package org.rai4j.federated;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reproduction acceptance, mean over data seeds 1, 2, 3. The default build runs a reduced
 * protocol (60 rounds, Synthetic(1,1) and IID only); {@code mvn -Pfl-full} runs the full 200-round protocol
 * on (1,1), (0.5,0.5), (0,0), IID and the 90 %-straggler ordering. The tolerances are what the reference
 * code's own seed-to-seed spread allows; the figures are printed and recorded in the issue note.
 */
class FedProxReproductionTest {
    @Test
    void reduced_synthetic11_fedProxAtLeastAsAccurateAndStabler() {
        FedProxReproduction.Outcome avg = FedProxReproduction.run("synthetic:1,1", new Strategy.FedAvg(), 0, 60);
        FedProxReproduction.Outcome prox = FedProxReproduction.run("synthetic:1,1", new Strategy.FedProx(1), 0, 60);
        assertThat(prox.meanAccuracy()).isGreaterThanOrEqualTo(avg.meanAccuracy() - 0.01);
        assertThat(prox.meanInstability()).isLessThan(0.6 * avg.meanInstability());
    }

    @Test
    void reduced_iid_fedAvgLearns() {
        FedProxReproduction.Outcome avg = FedProxReproduction.run("synthetic:iid", new Strategy.FedAvg(), 0, 60);
        assertThat(avg.meanAccuracy()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void reduced_stragglers90_orderingFedAvgDropBelowFedProx() {
        FedProxReproduction.Outcome avg = FedProxReproduction.run("synthetic:1,1", new Strategy.FedAvg(), 0.9, 60);
        FedProxReproduction.Outcome prox1 = FedProxReproduction.run("synthetic:1,1", new Strategy.FedProx(1), 0.9, 60);
        assertThat(avg.meanAccuracy()).isLessThanOrEqualTo(prox1.meanAccuracy());
    }

    @Tag("fl-full")
    @Test
    void full_fedProxAtLeastAsAccurateAndStabler_onAllThreeHeterogeneousSets() {
        for (String d : new String[] {"synthetic:1,1", "synthetic:0.5,0.5", "synthetic:0,0"}) {
            FedProxReproduction.Outcome avg = FedProxReproduction.run(d, new Strategy.FedAvg(), 0, 200);
            FedProxReproduction.Outcome prox = FedProxReproduction.run(d, new Strategy.FedProx(1), 0, 200);
            assertThat(prox.meanAccuracy()).as(d).isGreaterThanOrEqualTo(avg.meanAccuracy() - 0.005);
            assertThat(prox.meanInstability()).as(d).isLessThan(0.6 * avg.meanInstability());
            if (d.equals("synthetic:1,1")) {
                assertThat(prox.meanAccuracy()).isBetween(0.82, 0.92);
            }
        }
    }

    @Tag("fl-full")
    @Test
    void full_stragglers90_fedAvgDropAtMostFedProxMu0AtMostFedProxMu1() {
        FedProxReproduction.Outcome avg = FedProxReproduction.run("synthetic:1,1", new Strategy.FedAvg(), 0.9, 200);
        FedProxReproduction.Outcome prox0 = FedProxReproduction.run("synthetic:1,1", new Strategy.FedProx(0), 0.9, 200);
        FedProxReproduction.Outcome prox1 = FedProxReproduction.run("synthetic:1,1", new Strategy.FedProx(1), 0.9, 200);
        // all three are run (and printed) before asserting. Measured over seeds 1-3: FedAvg(drop) 0.806 vs FedProx mu=0 0.804,
        // so the first inequality does NOT hold; over seeds 1-10 (StragglerStudy) the paired difference mu0 - FedAvg is
        // +0.004 [-0.060, 0.067] (a tie) and mu1 - mu0 +0.072 [0.036, 0.109] (docs/federated.md).
        assertThat(avg.meanAccuracy()).isLessThanOrEqualTo(prox0.meanAccuracy());
        assertThat(prox0.meanAccuracy()).isLessThanOrEqualTo(prox1.meanAccuracy());
    }

    @Tag("fl-full")
    @Test
    void full_iid_fedAvgReaches085In200Rounds() {
        FedProxReproduction.Outcome avg = FedProxReproduction.run("synthetic:iid", new Strategy.FedAvg(), 0, 200);
        assertThat(avg.meanAccuracy()).isGreaterThanOrEqualTo(0.85);
    }
}
