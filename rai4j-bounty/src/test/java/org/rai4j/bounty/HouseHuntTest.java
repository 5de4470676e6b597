package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseHuntTest {
    /** Label 1 iff u > 10 and c == 'blue', with 5% label noise. */
    private static BountyData data() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        int n = 2000;
        double[] u = new double[n];
        String[] c = new String[n];
        String[] y = new String[n];
        String[] cats = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            u[i] = r.nextInt(20);
            c[i] = cats[r.nextInt(3)];
            y[i] = ((u[i] > 10 && c[i].equals("blue")) ^ r.nextInt(20) == 0) ? "1" : "0";
        }
        Table t = Table.of("train", Column.numeric("u", u), Column.categorical("c", c), Column.categorical("y", y));
        return BountyData.of(t, null, "y", "1", Loss.ZERO_ONE);
    }

    @Test
    void run_withoutAcceptedSubmissions_isTheHunterAgainstTheBaseModel() throws Exception {
        BountyData d = data();
        List<HouseHunt.Proposal> got = HouseHunt.run(d, new ModelSpec.Constant("0"), List.of(), 3, 30, "h");
        // Independent route: the hunter itself against the constant-0 base.
        List<CostSensitiveHunter.Proposal> direct = new CostSensitiveHunter(d.schema(), d.task(), 3, 30)
                .propose(d.train(), new double[d.train().rowCount()]);
        assertThat(got).hasSize(direct.size()).isNotEmpty();
        for (int k = 0; k < got.size(); k++) {
            HouseHunt.Proposal p = got.get(k);
            assertThat(p.id()).isEqualTo("h-" + (k + 1) + "-" + direct.get(k).kind());
            assertThat(p.team()).isEqualTo("h");
            assertThat(p.group()).isEqualTo(direct.get(k).group());
            assertThat(p.model()).isEqualTo(direct.get(k).model());
            assertThat(p.trainImprovement()).isEqualTo(direct.get(k).trainImprovement());
        }
    }

    @Test
    void run_huntsAgainstTheBaseWithTheAcceptedSubmissionsPrepended() throws Exception {
        BountyData d = data();
        List<HouseHunt.Proposal> first = HouseHunt.run(d, new ModelSpec.Constant("0"), List.of(), 3, 30, "h");
        List<Submission> accepted = new ArrayList<>();
        HouseHunt.Proposal best = first.get(0);
        accepted.add(new Submission("a1", "h", new GroupSpec.Predicate(best.group()), best.model()));
        List<HouseHunt.Proposal> second = HouseHunt.run(d, new ModelSpec.Constant("0"), accepted, 3, 30, "h");
        // The accepted group is already fixed in the current model, so the hunter cannot propose it again with
        // the same improvement.
        assertThat(second).noneMatch(p -> p.group().equals(best.group()) && p.trainImprovement() == best.trainImprovement());
    }

    @Test
    void run_reportsABaseRuleThatDoesNotFitTheSchema() throws Exception {
        BountyData d = data();
        assertThatThrownBy(() -> HouseHunt.run(d, new ModelSpec.Rule("nope > 1"), List.of(), 3, 30, "h"))
                .isInstanceOf(PredicateException.class);
    }

    @Test
    void bountyBenchmark_buildsThePdlAndTimesEveryStep() throws Exception {
        List<String> progress = new ArrayList<>();
        BountyBenchmark.Result r = BountyBenchmark.run(2000, 4, 2, 1, progress::add);
        assertThat(r.rows()).isEqualTo(2000);
        assertThat(r.leaves()).isEqualTo(3);
        assertThat(r.nodes()).isEqualTo(4 + (int) r.repairs());
        assertThat(r.rejectMs()).hasSize(2);
        assertThat(r.batchedMs()).hasSize(2);
        assertThat(r.perRowMs()).hasSize(2);
        assertThat(progress).hasSize(2);
        assertThatThrownBy(() -> BountyBenchmark.run(999, 4, 1, 1, s -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
