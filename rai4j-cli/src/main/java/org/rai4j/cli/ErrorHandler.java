package org.rai4j.cli;

import org.rai4j.core.DataFileException;
import org.rai4j.report.OutputFileException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages a user can act on, and exit status 1. Data-file problems print as
 * {@code file:line: column 'c': expected …}; invalid arguments print their message; anything else is
 * a bug and prints its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof DataFileException || ex instanceof UserException || ex instanceof OutputFileException) {
            err.println("rai4j: error: " + ex.getMessage().replace("\n", "\nrai4j: error: "));
            return 1;
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("rai4j: error: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof java.io.IOException) {
            err.println("rai4j: error: " + ex);
            return 1;
        }
        err.println("rai4j: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}
