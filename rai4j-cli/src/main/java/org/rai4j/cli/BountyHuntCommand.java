package org.rai4j.cli;

import org.rai4j.bounty.BountyData;
import org.rai4j.bounty.HouseHunt;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelException;
import org.rai4j.bounty.PredicateException;
import org.rai4j.bounty.Submission;
import org.rai4j.bounty.SubmissionsFile;
import org.rai4j.report.BountyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<HouseHunt.Proposal> proposals;
        try {
            List<Submission> done = new ArrayList<>();
            if (accepted != null) {
                for (SubmissionsFile.Line line : SubmissionsFile.read(accepted)) {
                    done.add(line.submission());
                }
            }
            proposals = HouseHunt.run(data, BountyData.base(base), done, maxDepth, minLeaf, team);
        } catch (PredicateException | ModelException e) {
            throw new UserException("--base or --accepted: " + e.getMessage());
        }
        String lines = BountyReport.huntLines(proposals);
        data.artifacts().close();
        if (output != null) {
            run.file(output, lines);
            run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
            spec.commandLine().getErr().println("bounty hunt: " + proposals.size() + " proposals written to " + output);
        } else {
            spec.commandLine().getOut().print(lines);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
