package org.rai4j.cli;

import org.rai4j.bounty.BountyData;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rai4j.bounty.CostSensitiveHunter;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelException;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.PredicateException;
import org.rai4j.bounty.PointerDecisionList;
import org.rai4j.bounty.SubmissionsFile;
import org.rai4j.bounty.TableEvaluations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bounty hunt}: the automated cost-sensitive hunter as a participant. Fits its trees on
 * the public training split against the current model (the base model with the already accepted
 * submissions prepended in order — repairs are invisible to hunters, who never see the holdout) and
 * prints proposals as submission lines ready for {@code bounty simulate} or a real bounty.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propose (group, model) pairs automatically: cost-sensitive classification with our own",
                "regression trees on the training split, against the current model. Prints submission lines (JSONL)."})
public final class BountyHuntCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "T.csv", description = "Public training split.")
    Path train;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column.")
    String label;

    @Option(names = "--base", required = true, paramLabel = "BASE", description = "Base model: rule:<predicate>, constant:<v> or onnx:<file>.")
    String base;

    @Option(names = "--positive", paramLabel = "V", description = "Positive label (inferred for 0/1, true/false, yes/no).")
    String positive;

    @Option(names = "--accepted", paramLabel = "S.jsonl", description = "Submissions already accepted, in order (the current model).")
    Path accepted;

    @Option(names = "--max-depth", defaultValue = "3", paramLabel = "D", description = "Tree depth (default ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-leaf", defaultValue = "30", paramLabel = "N", description = "Minimum training rows per leaf (default ${DEFAULT-VALUE}).")
    int minLeaf;

    @Option(names = "--team", defaultValue = "house-hunter", paramLabel = "NAME", description = "Team name in the lines (default ${DEFAULT-VALUE}).")
    String team;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the lines to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--train", train).input("--accepted", accepted);
        run.declare("--output", output);
        BountyData data = BountyData.load(train, null, label, positive, Loss.ZERO_ONE);
        // The current model on the training split: the base with the accepted submissions prepended in order.
        double[] current;
        try {
            current = currentModel(data);
        } catch (PredicateException e) {
            throw new UserException("--base or --accepted: " + e.getMessage());
        } catch (ModelException e) {
            throw new UserException("--base or --accepted: " + e.getMessage());
        }
        CostSensitiveHunter hunter = new CostSensitiveHunter(data.schema(), data.task(), maxDepth, minLeaf);
        List<CostSensitiveHunter.Proposal> proposals = hunter.propose(data.train(), current);
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (CostSensitiveHunter.Proposal p : proposals) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", team + "-" + (++k) + "-" + p.kind());
            line.put("team", team);
            line.put("group", p.group());
            line.put("model", p.model() instanceof ModelSpec.Rule r ? Map.of("rule", r.predicate())
                    : Map.of("constant", ((ModelSpec.Constant) p.model()).value()));
            line.put("train_weighted_improvement", p.trainImprovement());
            sb.append(mapper.writeValueAsString(line)).append('\n');
        }
        data.artifacts().close();
        if (output != null) {
            run.file(output, sb.toString());
            run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
            spec.commandLine().getErr().println("bounty hunt: " + proposals.size() + " proposals written to " + output);
        } else {
            spec.commandLine().getOut().print(sb);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private double[] currentModel(BountyData data) throws Exception {
        PointerDecisionList pdl = new PointerDecisionList(data.artifacts().model(BountyData.base(base)));
        if (accepted != null) {
            for (SubmissionsFile.Line line : SubmissionsFile.read(accepted)) {
                var s = line.submission();
                pdl.appendLeaf(data.artifacts().group(s.group()), data.artifacts().model(s.model()), s.id());
            }
        }
        return pdl.predict(pdl.latestVersion(), new TableEvaluations(data.train()));
    }
}
