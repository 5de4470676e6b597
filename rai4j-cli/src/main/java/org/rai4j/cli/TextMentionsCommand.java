package org.rai4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rai4j.report.TextModelRendering;
import org.rai4j.text.IdentityMentions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text mentions}: an identity-mention group column, so {@code rai4j audit} gives equality-of-odds gaps by identity. */
@Command(name = "mentions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adds a group column naming the identity term each text mentions (\\bTERM\\b, case-insensitive): "
                + "the term, 'multiple' for two or more, 'none' for none. With --score COL --threshold T also a 0/1 "
                + "column 'predicted' (score >= T). Audit the result with `rai4j audit --group COLUMN` for "
                + "equality-of-odds gaps by identity mention with intervals. Other columns are copied as written; "
                + "--out is written atomically."},
        footer = {"", "Example:",
                "  rai4j text mentions --data comments.csv --text comment --identities terms.txt --score score --threshold 0.5 --out groups.csv",
                "  rai4j audit --data groups.csv --label toxic --prediction predicted --group identity"})
final class TextMentionsCommand implements Callable<Integer> {
    @Mixin
    TextDataOptions input;

    @Option(names = "--identities", required = true, paramLabel = "FILE", description = "Identity terms, one per line ('#' starts a comment).")
    Path identities;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "identity", description = "Name of the new group column (default ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--score", paramLabel = "COL", description = "Score column to threshold into the 0/1 column 'predicted'.")
    String score;

    @Option(names = "--threshold", paramLabel = "T", description = "With --score: predicted = 1 when score >= T.")
    Double threshold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CSV with the new column(s).")
    Path out;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--data", input.data).input("--identities", identities);
        run.declare("--out", out);
        json.declare(run);
        if ((score == null) != (threshold == null)) {
            throw new UserException("--score and --threshold go together: give both (for a 'predicted' column) or neither");
        }
        IdentityMentions.Result r = IdentityMentions.run(input.data, input.text, identities, column, score,
                threshold == null ? Double.NaN : threshold);
        json.put(run, () -> TextModelRendering.mentionsJson(r, out), () -> TextModelRendering.mentionsText(r));
        run.file(out, r.csv());
        run.out.append("rai4j: wrote ").append(out).append('\n');
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
