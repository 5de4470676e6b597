package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j text}: fairness for language (issue 15). */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Fairness for language: association tests on word vectors (WEAT) and sentence encoders (SEAT), bias AUCs per identity term.",
        subcommands = {TextWeatCommand.class, TextSeatCommand.class, TextBiasAucCommand.class, TextPerturbCommand.class, TextCeatCommand.class})
public final class TextCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
