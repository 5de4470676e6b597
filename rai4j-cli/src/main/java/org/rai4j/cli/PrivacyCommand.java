package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j privacy}: differential-privacy accounting, noise calibration and DP-SGD training. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Differential privacy: epsilon accounting (RDP, PRV, GDP), noise calibration, DP-SGD training, privacy audits.",
        subcommands = {PrivacyEpsilonCommand.class, PrivacyNoiseCommand.class, PrivacyTrainCommand.class,
                PrivacyAuditCommand.class, PrivacyAuditBoundCommand.class})
public final class PrivacyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
