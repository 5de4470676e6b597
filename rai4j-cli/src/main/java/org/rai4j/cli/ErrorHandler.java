package org.rai4j.cli;

import org.rai4j.core.DataFileException;
import org.rai4j.report.OutputFileException;
import org.rai4j.text.TextEndpointException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages a user can act on, and exit status 1. Data-file problems print as
 * {@code file:line: column 'c': expected …}; invalid arguments and a text endpoint's bad answer print their
 * message; anything else is
 * a bug and prints its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /**
     * {@code text} safe for a terminal: control characters (NUL, ESC of ANSI sequences, carriage
     * return, …) other than line breaks and tabs, and the bidirectional overrides, are shown as
     * {@code \\uXXXX} escapes, so values quoted from a data file cannot rewrite the operator's screen.
     */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (Character.isISOControl(c) && c != '\n' && c != '\t')
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (unsafe && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (unsafe) {
                    sb.append(String.format("\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof DataFileException || ex instanceof UserException || ex instanceof OutputFileException
                || ex instanceof TextEndpointException) {
            err.println("rai4j: error: " + printable(ex.getMessage()).replace("\n", "\nrai4j: error: "));
            return 1;
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("rai4j: error: " + printable(ex.getMessage()));
            return 1;
        }
        if (ex instanceof java.io.IOException) {
            err.println("rai4j: error: " + printable(String.valueOf(ex)));
            return 1;
        }
        err.println("rai4j: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}
