package org.rai4j.cli;

import org.rai4j.fairness.LastMileExample;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rai4j demo-last-mile}: writes the simulated data of the last-mile story (docs/last-mile.md):
 * the provider's evaluation of a voice-command recogniser and a hospital's imaging-floor recordings.
 */
@Command(name = "demo-last-mile", mixinStandardHelpOptions = true,
        description = {"Write the simulated data of the last-mile example (docs/last-mile.md): a provider's evaluation of a",
                "bedside voice-command recogniser and a hospital's imaging-floor recordings, with known per-accent error rates."})
public final class LastMileDemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for provider-eval.csv and imaging-floor.csv.")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--provider-rows", defaultValue = "6000", description = "Utterances in the provider's evaluation (default ${DEFAULT-VALUE}).")
    int providerRows;

    @Option(names = "--hospital-rows", defaultValue = "2400", description = "Utterances from the imaging floor (default ${DEFAULT-VALUE}).")
    int hospitalRows;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs();
        Path provider = run.declare("--out", out.resolve("provider-eval.csv"));
        Path hospital = run.declare("--out", out.resolve("imaging-floor.csv"));
        LastMileExample example = new LastMileExample(seed);
        write(example, LastMileExample.Site.PROVIDER_EVALUATION, providerRows, provider, run);
        write(example, LastMileExample.Site.IMAGING_FLOOR, hospitalRows, hospital, run);
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    private static void write(LastMileExample example, LastMileExample.Site site, int rows, Path file, RunOutputs run)
            throws Exception {
        StringWriter w = new StringWriter();
        example.writeCsv(w, site, rows);
        run.file(file, w.toString());
        run.out.append("wrote ").append(file).append(" (").append(rows).append(" utterances)\n");
    }
}
