package org.rai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rai4j fl}: federated learning — simulation and gRPC deployment. */
@Command(name = "fl", mixinStandardHelpOptions = true,
        description = "Federated learning: deterministic cross-device simulation (FedAvg, FedProx, FedAvgM, FedAdam, ...) and deployment over gRPC (fl server, fl client).",
        subcommands = {FlSimulateCommand.class, FlServerCommand.class, FlClientCommand.class})
public final class FlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
