package org.rai4j.report;

import java.io.IOException;

/**
 * An output file that cannot be written, with a message a user can act on, such as
 * {@code cannot write report.html: its parent 'x' is a file}. The message never names a temporary file.
 */
public final class OutputFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what cannot be written and why */
    public OutputFileException(String message) {
        super(message);
    }

    /**
     * @param message what cannot be written and why
     * @param cause   the file system's exception
     */
    public OutputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
