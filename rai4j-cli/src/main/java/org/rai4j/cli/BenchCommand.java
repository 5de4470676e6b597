package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j bench}: performance measurements that print ratios against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its figures and a ratio against a baseline run in the same process.",
        subcommands = {BenchAuditCommand.class, BenchBountyCommand.class, BenchSpeechCommand.class, BenchDpCommand.class, BenchFlCommand.class,
                BenchServeCommand.class, BenchBiasCommand.class, BenchScaleCommand.class, BenchEncodeCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
