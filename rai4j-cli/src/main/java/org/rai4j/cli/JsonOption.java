package org.rai4j.cli;

import java.util.function.Supplier;
import org.rai4j.report.OutputFileException;
import picocli.CommandLine.Option;

/** {@code --json FILE}: a command's result as JSON (to a file, or standard output with '-') instead of console text. */
final class JsonOption {
    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    /** Declares the JSON file, if any, before the work starts. */
    void declare(RunOutputs run) throws OutputFileException {
        run.declare("--json", json);
    }

    /** The JSON when asked for (with "wrote FILE" for a file), else the console text. */
    void put(RunOutputs run, Supplier<Object> asJson, Supplier<String> asText) {
        if (json == null) {
            run.out.append(asText.get());
            return;
        }
        run.json(asJson.get(), json);
        if (!"-".equals(json)) {
            run.out.append("rai4j: wrote ").append(json).append('\n');
        }
    }
}
