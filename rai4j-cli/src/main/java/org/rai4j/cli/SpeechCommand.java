package org.rai4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rai4j speech}: the speech audit pipeline (synthetic speakers, acoustic conditions, recognisers). */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Speech recognition audits with synthetic speakers and acoustic conditions.",
        subcommands = {SpeechSynthesizeAuditCommand.class})
final class SpeechCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
