package org.rai4j.cli;

/** A problem with what the user asked for (not a bug): printed without a stack trace, exit status 1. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do about it */
    public UserException(String message) {
        super(message);
    }
}
