package org.rai4j.speech;

import java.util.List;

/**
 * Programs the speech pipeline needs are not installed. The message names each one, what it is needed
 * for and the command that installs it; it is meant to be shown to the user as is.
 */
public final class MissingToolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ExternalTool> missing;

    /** @param message what is missing and how to install it; @param missing the tools */
    public MissingToolException(String message, List<ExternalTool> missing) {
        super(message);
        this.missing = List.copyOf(missing);
    }

    /** The tools that were not found. */
    public List<ExternalTool> missing() {
        return missing;
    }
}
