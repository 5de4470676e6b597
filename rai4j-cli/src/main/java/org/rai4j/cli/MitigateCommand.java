package org.rai4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.mitigation.FairnessConstraint;
import org.rai4j.mitigation.Mitigation;
import org.rai4j.mitigation.MitigationMethod;
import org.rai4j.mitigation.MitigationResult;
import org.rai4j.mitigation.MitigationSpec;
import org.rai4j.report.MitigationRendering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j mitigate}: reweighing, threshold optimisation or exponentiated gradient, measured before and after. */
@Command(name = "mitigate", mixinStandardHelpOptions = true,
        description = {"Mitigate a group gap and measure it: --method threshold (group-specific randomised thresholds on a "
                + "score, as Fairlearn's ThresholdOptimizer), reweigh (Kamiran & Calders weights, logistic regression "
                + "retrained) or expgrad (exponentiated-gradient reductions over logistic regression). Fits on a training "
                + "split, compares baseline and mitigated decisions on the held-out rows with paired bootstrap intervals "
                + "(accuracy cost included), and writes the decisions. See docs/mitigation.md."})
final class MitigateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line ('', NA and ? are missing).")
    Path data;

    @Option(names = "--method", required = true, paramLabel = "threshold|reweigh|expgrad", description = "How to mitigate.")
    String method;

    @Option(names = "--constraint", defaultValue = "dp", paramLabel = "dp|eo|tpr",
            description = "Parity to enforce: demographic parity, equalized odds, equal opportunity (default ${DEFAULT-VALUE}).")
    String constraint;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column.")
    String label;

    @Option(names = "--positive-label", defaultValue = "1", paramLabel = "V", description = "The favourable label (default ${DEFAULT-VALUE}).")
    String positiveLabel;

    @Option(names = "--group", required = true, paramLabel = "COL", description = "Sensitive attribute column.")
    String group;

    @Option(names = "--features", split = ",", paramLabel = "C1,C2", description = "Feature columns of the logistic regression.")
    List<String> features = new ArrayList<>();

    @Option(names = "--score", paramLabel = "COL", description = "threshold: an existing model's score instead of training one.")
    String score;

    @Option(names = "--test-fraction", defaultValue = "0.3", paramLabel = "F", description = "Held-out share (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--epsilon", defaultValue = "0.05", paramLabel = "EPS", description = "expgrad constraint bound (default ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Split, randomisation and bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the input rows with split, prediction_before and prediction_after.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write rai4j.mitigate/1 JSON (both audits included).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a static HTML report.")
    Path html;

    @Override
    public Integer call() throws Exception {
        MitigationMethod m = switch (method.toLowerCase(Locale.ROOT)) {
            case "threshold" -> MitigationMethod.THRESHOLD;
            case "reweigh" -> MitigationMethod.REWEIGH;
            case "expgrad" -> MitigationMethod.EXPGRAD;
            default -> throw new UserException("--method must be threshold, reweigh or expgrad, got '" + method + "'");
        };
        FairnessConstraint c = switch (constraint.toLowerCase(Locale.ROOT)) {
            case "dp" -> FairnessConstraint.DEMOGRAPHIC_PARITY;
            case "eo" -> FairnessConstraint.EQUALIZED_ODDS;
            case "tpr" -> FairnessConstraint.TRUE_POSITIVE_RATE_PARITY;
            default -> throw new UserException("--constraint must be dp, eo or tpr, got '" + constraint + "'");
        };
        MitigationSpec s = new MitigationSpec(m, c, label, positiveLabel, group, features, score, testFraction, epsilon,
                bootstrap, seed);
        RunOutputs run = new RunOutputs().input("--data", data);
        Path outFile = run.declare("--out", out);
        Path jsonFile = run.declare("--json", json);
        Path htmlFile = run.declare("--html", html);
        Table table = new CsvTableReader(new CsvOptions(',', Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels())).read(data);
        MitigationResult r = Mitigation.run(table, s);
        StringBuilder text = run.text("-".equals(json));
        text.append(MitigationRendering.text(r));
        if ("-".equals(json)) {
            run.out.append(MitigationRendering.json(r));
        } else if (jsonFile != null) {
            run.file(jsonFile, MitigationRendering.json(r));
            text.append("wrote ").append(json).append('\n');
        }
        if (outFile != null) {
            run.file(outFile, MitigationRendering.csv(table, r));
            text.append("wrote ").append(out).append('\n');
        }
        if (htmlFile != null) {
            run.file(htmlFile, MitigationRendering.html(r));
            text.append("wrote ").append(html).append('\n');
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
