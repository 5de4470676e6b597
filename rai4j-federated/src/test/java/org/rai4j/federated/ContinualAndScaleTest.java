package org.rai4j.federated;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContinualAndScaleTest {
    private static final FederatedData BASE = Synthetic.generate(1, 1, 4);

    @Test
    void continual_countsGrowThenCap_fifoKeepsNewest_reservoirIsNested() {
        ContinualPopulation fifo = new ContinualPopulation(BASE, 4, 40, ContinualPopulation.Deletion.FIFO, 1);
        ContinualPopulation res = new ContinualPopulation(BASE, 4, 40, ContinualPopulation.Deletion.RESERVOIR, 1);
        for (int k = 0; k < BASE.size(); k++) {
            int n = BASE.clients().get(k).train().size();
            for (int t = 0; t < 4; t++) {
                int arrived = (t + 1) * n / 4;
                assertThat(fifo.trainCount(k, t)).isEqualTo(Math.min(40, arrived));
                int[] kept = fifo.stored(k, t);
                assertThat(kept).hasSize(Math.min(40, arrived));
                if (arrived > 40) {
                    assertThat(kept[0]).isEqualTo(arrived - 40);
                    assertThat(kept[39]).isEqualTo(arrived - 1);
                }
                int[] r = res.stored(k, t);
                assertThat(r).hasSize(Math.min(40, arrived)).doesNotHaveDuplicates();
                for (int i : r) {
                    assertThat(i).isBetween(0, arrived - 1);
                }
                assertThat(res.load(k, t).train().size()).isEqualTo(r.length);
            }
        }
    }

    /** Reservoir sampling keeps each of the m seen examples with probability cap/m: positions' mean ≈ (m−1)/2. */
    @Test
    void reservoir_isUniformOverTheStream() {
        // one big client stream: m = 2000 arrived, cap 100; mean kept index has sd ≈ 577/√100 = 58 per draw set;
        // averaged over 30 clients of similar streams is not available, so use many seeds of one population
        FederatedData big = new FederatedData(java.util.List.of(new ClientData(0,
                org.rai4j.learn.DenseExamples.wrap(new double[2000], 2000, 1, new int[2000], 2),
                org.rai4j.learn.DenseExamples.wrap(new double[0], 0, 1, new int[0], 2))));
        double total = 0;
        int reps = 200;
        for (int s = 0; s < reps; s++) {
            int[] kept = new ContinualPopulation(big, 1, 100, ContinualPopulation.Deletion.RESERVOIR, s).stored(0, 0);
            for (int i : kept) {
                total += i;
            }
        }
        double mean = total / (reps * 100.0);
        // sd of the mean of 20000 near-independent uniform indices: 577/√20000 = 4.1; band ±20 is 4.9 sd
        assertThat(mean).isCloseTo(999.5, org.assertj.core.data.Offset.offset(20.0));
    }

    @Test
    void continualSimulation_runsPeriodToPeriod_activitySeesCurrentCounts() {
        ContinualPopulation pop = new ContinualPopulation(BASE, 3, 60, ContinualPopulation.Deletion.FIFO, 1);
        SimulationConfig c = new SimulationConfig("t", ModelSpec.softmax(60, 10), new Strategy.FedAvg(),
                new ClientSelector.Activity(1, true, ClientSelector.Weighting.UNBIASED), 5, 6, 1, 10, 0.01, 0, SystemModel.IDEAL, 1, 2);
        SimulationResult r = Simulation.run(pop, c, 2, null);
        assertThat(r.rounds()).hasSize(6);
        assertThat(r.inclusion().clients()).hasSize(30);
        double sum = 0;
        for (InclusionReport.Row row : r.inclusion().clients()) {
            sum += row.intended();
        }
        assertThat(sum).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A million virtual clients cost nothing until sampled; a few rounds run and give the same bits on 1 and 2 threads. */
    @Test
    void generatedPopulation_millionClients_fewRounds_sameBitsAnyThreads() {
        GeneratedPopulation pop = new GeneratedPopulation(1_000_000, 20, 3);
        SimulationConfig c = new SimulationConfig("generated", ModelSpec.softmax(20, 2), new Strategy.FedAvg(), new ClientSelector.Uniform(),
                100, 3, 1, 10, 0.05, 0, SystemModel.IDEAL, 3, 3);
        SimulationResult a = Simulation.run(pop, c, 1, null);
        SimulationResult b = Simulation.run(pop, c, 2, null);
        assertThat(b.parameters()).isEqualTo(a.parameters());
        assertThat(a.finalMetrics().testAccuracy()).isGreaterThan(0.6);
        assertThat(a.inclusion().clients()).isEmpty();
        assertThat(pop.load(5, 0).train().size()).isEqualTo(pop.trainCount(5, 0));
    }
}
