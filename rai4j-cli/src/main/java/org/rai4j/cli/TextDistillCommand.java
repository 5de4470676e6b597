package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.TextStudyRendering;
import org.rai4j.text.Distillation;
import org.rai4j.text.SentenceEncoder;
import org.rai4j.text.SentenceEncoders;
import org.rai4j.text.SentencePooling;
import picocli.CommandLine.Command;
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

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default 1).")
    long seed;

    @Option(names = "--encoder", paramLabel = "minilm|minilm-q", defaultValue = "minilm-q",
            description = "The teacher's frozen sentence encoder (default minilm-q).")
    String encoder;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(teacherBias >= -1 && teacherBias <= 1)) {
            throw new UserException("--teacher-bias must be in [-1, 1], got " + teacherBias);
        }
        if (!encoder.equals("minilm") && !encoder.equals("minilm-q")) {
            throw new UserException("--encoder must be minilm or minilm-q, got '" + encoder + "'");
        }
        RunOutputs run = new RunOutputs();
        run.declare("--json", json);
        TextSeatCommand.quietTokenizerLogs();
        SentenceEncoder enc = SentenceEncoders.named(encoder, null, SentencePooling.MEAN);
        Distillation.Result r = Distillation.run(enc, Distillation.Settings.defaults(teacherBias, seed));
        if (json != null) {
            run.json(TextStudyRendering.distillJson(r), json);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
        } else {
            run.out.append(TextStudyRendering.distillText(r));
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
