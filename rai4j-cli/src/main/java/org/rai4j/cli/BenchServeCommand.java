package org.rai4j.cli;

import org.rai4j.server.ServeBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/** {@code rai4j bench serve}: read latency and throughput of the platform under concurrent readers and hunters. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Benchmark the platform on loopback: N hunters submitting and R concurrent readers for a bounded time;",
                "prints read latency (p50/p99), reads/s, and the verification time per submission on a large holdout."})
public final class BenchServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hunters", defaultValue = "4", description = "Hunters submitting (one submission per second each; default ${DEFAULT-VALUE}).")
    int hunters;

    @Option(names = "--readers", defaultValue = "200", description = "Concurrent readers (default ${DEFAULT-VALUE}).")
    int readers;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--holdout-rows", defaultValue = "100000", description = "Holdout rows of the bench bounty (default ${DEFAULT-VALUE}).")
    int holdoutRows;

    @Override
    public Integer call() throws Exception {
        if (hunters < 0 || readers < 1 || seconds < 1 || holdoutRows < 100) {
            throw new UserException("expected --hunters >= 0, --readers >= 1, --seconds >= 1, --holdout-rows >= 100");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        var out = spec.commandLine().getOut();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.print(ServeBench.header(hunters, readers, seconds, holdoutRows, loadBefore));
        out.flush();
        ServeBench.Result r = ServeBench.run(hunters, readers, seconds, holdoutRows);
        out.print(r.render());
        out.print(r.renderTargets(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.flush();
        return 0;
    }
}
