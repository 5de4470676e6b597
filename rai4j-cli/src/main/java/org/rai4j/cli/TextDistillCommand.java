package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.TextStudyRendering;
import org.rai4j.text.Distillation;
import org.rai4j.text.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text distill}: distillation with counterfactual role reversal (Gupta et al. 2022), at our scale. */
@Command(name = "distill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Distillation with counterfactual role reversal (Gupta et al. 2022): a teacher (a logistic head "
                + "on frozen MiniLM vectors, trained on a templated corpus with an injected label-gender bias) is "
                + "distilled into embedding-bag students by soft-target training on a transfer set: base; cda (the "
                + "transfer set plus its gender swaps); perturb (target = mean of the teacher's scores on x and on the "
                + "swapped x); cda+perturb. Each model's counterfactual gap, signed gap, BPSN AUC gap and accuracy on "
                + "an unbiased test set, with bootstrap intervals, and each student's paired difference from base."},
        footer = {"", "Example:", "  rai4j text distill --teacher-bias 0.6 --seed 1 --json -"})
final class TextDistillCommand implements Callable<Integer> {
    @Option(names = "--teacher-bias", paramLabel = "B", defaultValue = "0.6",
            description = "Injected label-gender bias of the teacher's training set, in [-1, 1] (default 0.6).")
    double teacherBias;

    @Mixin
    TextStudyOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(teacherBias >= -1 && teacherBias <= 1)) {
            throw new UserException("--teacher-bias must be in [-1, 1], got " + teacherBias);
        }
        common.check();
        SentenceEncoder enc = common.loadEncoder();
        common.print(spec, () -> Distillation.run(enc, Distillation.Settings.defaults(teacherBias, common.seed)),
                TextStudyRendering::distillJson, TextStudyRendering::distillText);
        return 0;
    }
}
