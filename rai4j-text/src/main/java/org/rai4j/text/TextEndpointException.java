package org.rai4j.text;

/**
 * A text model behind an HTTP endpoint ({@link HttpTextClassifier}) could not be reached or answered outside the
 * protocol. The message names the URL, the texts of the failed request, the HTTP status where there was one and
 * what was expected.
 */
public final class TextEndpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, where, and what was expected */
    public TextEndpointException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and what was expected
     * @param cause   the underlying failure
     */
    public TextEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
