package org.rai4j.cli;

import org.rai4j.federated.SimulationResult;
import org.rai4j.report.FederatedJson;
import org.rai4j.report.OutputFileException;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code --json -|FILE} option of the federated commands that run rounds ({@code fl simulate},
 * {@code fl server}) and how their {@code rai4j.fl/1} result is written: warnings on standard error, the JSON
 * on standard output or into the declared file, committed with the run's other outputs.
 */
final class FlJsonOutput {
    @Option(names = "--json", paramLabel = "-|FILE", defaultValue = "-", description = "Write the JSON to standard output (-, default) or FILE.")
    String json;

    /** The declared output file, or {@code null} for standard output. */
    private Path target;

    /** Declares the output file (before any work, so that a bad path fails first). */
    void declare(OutputFiles files) throws OutputFileException {
        target = "-".equals(json) ? null : files.declare("--json", Path.of(json));
    }

    /**
     * Prints the result's warnings, then writes its JSON; when it goes to a file, prints {@code summary}'s
     * line followed by "wrote FILE".
     */
    void write(SimulationResult result, OutputFiles files, PrintWriter out, PrintWriter err,
               Function<SimulationResult, String> summary) throws OutputFileException {
        for (String w : result.warnings()) {
            err.println("rai4j: warning: " + w);
        }
        String text = FederatedJson.toJson(result);
        if (target == null) {
            out.print(text);
            out.flush();
        } else {
            files.put(target, text);
            files.commit();
            err.printf(Locale.ROOT, "rai4j: %swrote %s%n", summary.apply(result), json);
        }
    }
}
