package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j bounty}: algorithmic bias bounties (simulate a bounty; hunt for submissions automatically). */
@Command(name = "bounty", mixinStandardHelpOptions = true,
        description = {"Algorithmic bias bounties: hunters submit a group g and a model h better on g; the engine verifies",
                "the claim on a private holdout and folds accepted pairs into a pointer decision list with repairs."},
        subcommands = {BountySimulateCommand.class, BountyHuntCommand.class, BountyReplayCommand.class,
                BountyGermanCreditCommand.class})
public final class BountyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
