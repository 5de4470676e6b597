package org.rai4j.bounty;

import org.rai4j.core.DataFileException;

import java.util.ArrayList;
import java.util.List;

/**
 * The automated cost-sensitive hunter as a bounty participant ({@code rai4j bounty hunt}): rebuilds the
 * current model on the public training split — the base model with the already accepted submissions
 * prepended in order (repairs are invisible to hunters, who never see the holdout) — and lets a
 * {@link CostSensitiveHunter} propose submissions against it.
 */
public final class HouseHunt {
    private HouseHunt() {}

    /**
     * One proposal, ready to submit.
     *
     * @param id               {@code team-k-kind} (k from 1, kind {@code combined}, {@code to-1} or {@code to-0})
     * @param team             the team name
     * @param group            the group predicate
     * @param model            a rule or a constant
     * @param trainImprovement the hunter's own weighted-improvement estimate on the training split
     */
    public record Proposal(String id, String team, String group, ModelSpec model, double trainImprovement) {}

    /**
     * Proposals against the current model.
     *
     * @param data     the bounty data with its public training split (the holdout is not used)
     * @param base     the base model
     * @param accepted the submissions accepted so far, in order
     * @param maxDepth the hunter's tree depth (≥ 1)
     * @param minLeaf  minimum training rows per leaf (≥ 1)
     * @param team     the team name written into the proposals
     * @throws PredicateException when the base or an accepted group does not parse or fit the schema
     * @throws ModelException     when the base or an accepted model cannot be loaded or evaluated
     */
    public static List<Proposal> run(BountyData data, ModelSpec base, List<Submission> accepted, int maxDepth, int minLeaf,
                                     String team) throws DataFileException, PredicateException, ModelException {
        PointerDecisionList pdl = new PointerDecisionList(data.artifacts().model(base));
        for (Submission s : accepted) {
            pdl.appendLeaf(data.artifacts().group(s.group()), data.artifacts().model(s.model()), s.id());
        }
        double[] current = pdl.predict(pdl.latestVersion(), new TableEvaluations(data.train()));
        CostSensitiveHunter hunter = new CostSensitiveHunter(data.schema(), data.task(), maxDepth, minLeaf);
        List<Proposal> out = new ArrayList<>();
        int k = 0;
        for (CostSensitiveHunter.Proposal p : hunter.propose(data.train(), current)) {
            out.add(new Proposal(team + "-" + (++k) + "-" + p.kind(), team, p.group(), p.model(), p.trainImprovement()));
        }
        return List.copyOf(out);
    }
}
