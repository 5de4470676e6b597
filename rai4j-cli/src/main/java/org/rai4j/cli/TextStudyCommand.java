package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.TextStudyRendering;
import org.rai4j.text.BiasStudy;
import org.rai4j.text.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text study}: does an intrinsic bias metric predict an extrinsic one, misaligned and aligned? */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Intrinsic vs extrinsic bias on models trained here: a templated corpus with an injected "
                + "label-gender bias (a grid from -0.8 to +0.8, every third model with counterfactual augmentation) "
                + "trains N embedding-bag classifiers and N logistic heads on a frozen sentence encoder; each model's "
                + "intrinsic score (WEAT on the embedding-bag's own word vectors; SEAT on the encoder) is set against "
                + "its extrinsic bias on an unbiased test set (counterfactual gap, its signed version, BPSN AUC gap), "
                + "and the correlations across the models are printed with Fisher z intervals, twice: misaligned "
                + "(WEAT 6 names vs family/career words) and aligned (the test set's own gender and sentiment words)."},
        footer = {"", "Example:", "  rai4j text study --models 12 --seed 1 --json -"})
final class TextStudyCommand implements Callable<Integer> {
    @Option(names = "--models", paramLabel = "N", defaultValue = "12",
            description = "Models per type, at least 4 (default 12).")
    int models;

    @Mixin
    TextStudyOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (models < 4) {
            throw new UserException("--models must be at least 4 (a correlation needs 4 models), got " + models);
        }
        common.check();
        SentenceEncoder enc = common.loadEncoder();
        common.print(spec, () -> BiasStudy.run(enc, BiasStudy.Settings.defaults(models, common.seed)),
                TextStudyRendering::studyJson, TextStudyRendering::studyText);
        return 0;
    }
}
