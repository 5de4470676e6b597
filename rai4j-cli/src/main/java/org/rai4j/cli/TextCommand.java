package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j text}: fairness for language (issue 15). */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Fairness for language: association tests on word vectors (WEAT), sentence encoders (SEAT) and "
                + "contexts (CEAT), bias AUCs per identity term, training a text classifier, its counterfactual "
                + "gender-swap gap, counterfactual augmentation, prediction sensitivity, HELM-style perturbation "
                + "evaluation, the intrinsic-vs-extrinsic study, distillation with counterfactual role reversal.",
        subcommands = {TextWeatCommand.class, TextSeatCommand.class, TextCeatCommand.class, TextBiasAucCommand.class,
                TextTrainCommand.class, TextCounterfactualCommand.class, TextAugmentCommand.class,
                TextSensitivityCommand.class, TextPerturbCommand.class, TextStudyCommand.class,
                TextDistillCommand.class, TextMentionsCommand.class})
public final class TextCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
