package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j bench}: benchmarks that print a ratio against a baseline measured in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints timings and a ratio against a baseline run in the same process.",
        subcommands = {
                BenchDpCommand.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
