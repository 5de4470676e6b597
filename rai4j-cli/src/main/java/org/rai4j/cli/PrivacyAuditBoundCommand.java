package org.rai4j.cli;

import org.rai4j.privacy.audit.OneRunAudit;
import org.rai4j.report.PrivacyAuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rai4j privacy audit-bound}: the ε lower bound of a one-run audit (Steinke, Nasr, Jagielski 2023)
 * from its counts — m canaries, r guesses, v correct — at δ and confidence 1 − β.
 */
@Command(name = "audit-bound", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Epsilon lower bound of a one-run privacy audit (Steinke, Nasr, Jagielski 2023): M canaries "
                + "each included with probability 1/2, R guesses, V of them correct. Training is not (epsilon, delta)-DP "
                + "for any epsilon below the bound, at confidence 1 - B."},
        footer = {"", "Example:",
                "  rai4j privacy audit-bound --canaries 1000 --guesses 100 --correct 90 --delta 1e-5 --beta 0.05 --json -"})
public final class PrivacyAuditBoundCommand implements Callable<Integer> {
    @Option(names = "--canaries", paramLabel = "M", required = true, description = "Number of canaries (>= 1).")
    int canaries;

    @Option(names = "--guesses", paramLabel = "R", required = true, description = "Number of guesses, 0 <= R <= M.")
    int guesses;

    @Option(names = "--correct", paramLabel = "V", required = true, description = "Number of correct guesses, 0 <= V <= R.")
    int correct;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "0", description = "Delta of the guarantee tested, in [0, 1] (default 0).")
    double delta;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.05",
            description = "1 - confidence, in (0, 1) (default 0.05: 95%% confidence).")
    double beta;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Write JSON to standard output (-) or FILE.")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs();
        run.declare("--json", json);
        OneRunAudit.Bound b;
        try {
            b = OneRunAudit.epsilonLowerBound(canaries, guesses, correct, delta, beta);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (json != null) {
            run.jsonLines(json, List.of(PrivacyAuditReport.boundJson(b)));
        } else {
            run.out.append(PrivacyAuditReport.boundText(b));
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
