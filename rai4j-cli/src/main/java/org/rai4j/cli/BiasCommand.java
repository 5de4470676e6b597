package org.rai4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.BiasAnalysis;
import org.rai4j.fairness.BiasMode;
import org.rai4j.fairness.BiasReport;
import org.rai4j.fairness.BiasSpec;
import org.rai4j.report.BiasRendering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j bias}: SageMaker-Clarify-family pre- and post-training bias metrics of a CSV file. */
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = {"Pre-training (CI, DPL, KL, JS, LP, TVD, KS, CDDL) and, with --prediction, post-training (DPPL, DI, DCA, "
                + "DCR, RD, SD, DAR, DRR, AD, TE, CDDPL, FT, GE) bias metrics of a monitored group against the rest, as "
                + "SageMaker Clarify defines them. --mode clarify reproduces Clarify's conventions exactly; --mode strict "
                + "reports UNDEFINED with a reason instead of 0/0 = 0 and x/0 = Infinity, and adds a bootstrap interval. "
                + "Formulas and orientation: docs/bias-metrics.md."})
final class BiasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Observed label column.")
    String label;

    @Option(names = "--prediction", paramLabel = "COLUMN", description = "Predicted label column (adds post-training metrics).")
    String prediction;

    @Option(names = "--facet", required = true, paramLabel = "COLUMN", description = "Facet (sensitive attribute) column.")
    String facet;

    @Option(names = "--facet-values", split = ",", paramLabel = "V1,V2",
            description = "The monitored group: rows with one of these facet values. Default: one-vs-all, every value in turn.")
    List<String> facetValues = new ArrayList<>();

    @Option(names = "--facet-threshold", paramLabel = "T", description = "The monitored group: rows with a numeric facet > T.")
    Double facetThreshold;

    @Option(names = "--positive-label", split = ",", paramLabel = "V1,V2",
            description = "Label (and prediction) values that count as positive (favourable).")
    List<String> positiveLabels = new ArrayList<>();

    @Option(names = "--label-threshold", paramLabel = "T", description = "Labels (and predictions) > T are positive.")
    Double labelThreshold;

    @Option(names = "--group-variable", paramLabel = "COLUMN", description = "Strata for CDDL/CDDPL.")
    String groupVariable;

    @Option(names = "--features", split = ",", paramLabel = "C1,C2", description = "Numeric feature columns for FT's k-NN.")
    List<String> features = new ArrayList<>();

    @Option(names = "--mode", defaultValue = "clarify", paramLabel = "clarify|strict",
            description = "Numeric conventions (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "B", description = "Bootstrap replicates in strict mode (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Interval confidence (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write rai4j.bias/1 JSON to FILE ('-' for standard output).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a static HTML report.")
    Path html;

    @Override
    public Integer call() throws Exception {
        BiasMode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "clarify" -> BiasMode.CLARIFY;
            case "strict" -> BiasMode.STRICT;
            default -> throw new UserException("--mode must be clarify or strict, got '" + mode + "'");
        };
        if (positiveLabels.isEmpty() == (labelThreshold == null)) {
            throw new UserException("give either --positive-label V1,V2 or --label-threshold T");
        }
        BiasSpec s = new BiasSpec(label, positiveLabels, labelThreshold, prediction, facet, facetValues, facetThreshold,
                groupVariable, features, m, replicates, confidence, seed);
        RunOutputs run = new RunOutputs().input("--data", data);
        Path jsonFile = run.declare("--json", json);
        Path htmlFile = run.declare("--html", html);
        Table table = new CsvTableReader().read(data);
        BiasReport report = BiasAnalysis.run(table, s);
        if ("-".equals(json)) {
            run.out.append(BiasRendering.json(report)).append('\n');
        } else {
            run.out.append(BiasRendering.text(report));
        }
        if (jsonFile != null) {
            run.file(jsonFile, BiasRendering.json(report));
            run.out.append("rai4j: wrote ").append(json).append('\n');
        }
        if (htmlFile != null) {
            run.file(htmlFile, BiasRendering.html(report));
            run.out.append("rai4j: wrote ").append(html).append('\n');
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
