package org.rai4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The text CSV options that the {@code rai4j text} model commands share. */
final class TextDataOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
    Path data;

    @Option(names = "--text", required = true, paramLabel = "COL", description = "Column holding the text.")
    String text;
}
