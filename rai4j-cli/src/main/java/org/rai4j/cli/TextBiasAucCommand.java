package org.rai4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rai4j.report.TextRendering;
import org.rai4j.text.BiasAucResult;
import org.rai4j.text.BiasAucs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rai4j text bias-auc}: subgroup, BPSN and BNSP AUCs per identity term, their generalised means, the final score. */
@Command(name = "bias-auc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bias AUCs per identity term (Borkan et al. 2019): subgroup AUC, BPSN and BNSP AUC (ties count "
                + "1/2), their generalised means with p = -5 and the Jigsaw final score "
                + "0.25*overall AUC + 0.25*(M_p subgroup + M_p BPSN + M_p BNSP). A text mentions a term when it "
                + "matches \\bTERM\\b, case-insensitively."},
        footer = {"", "Example:",
                "  rai4j text bias-auc --data comments.csv --text comment --label toxic --score p --identities terms.txt --json -"})
final class TextBiasAucCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
    Path data;

    @Option(names = "--text", required = true, paramLabel = "COL", description = "Column holding the text.")
    String text;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column holding the label: 1/0 or true/false.")
    String label;

    @Option(names = "--score", required = true, paramLabel = "COL", description = "Column holding the model's score (any finite number; higher = more positive).")
    String score;

    @Option(names = "--identities", required = true, paramLabel = "FILE",
            description = "Identity terms, one per line ('#' starts a comment).")
    Path identities;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--data", data).input("--identities", identities);
        run.declare("--json", json);
        BiasAucResult r = BiasAucs.run(data, text, label, score, identities);
        run.report(json, () -> TextRendering.biasAucJson(r), () -> TextRendering.biasAucText(r), spec.commandLine());
        return 0;
    }
}
