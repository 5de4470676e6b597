package org.rai4j.bounty;

/**
 * A submitted artefact (ONNX group or model, constant, rule) cannot be used: too large, custom
 * operators, wrong input shape, unknown label. A submission with such an artefact is rejected with
 * {@link Reason#INVALID_MODEL}; the message says what is wrong.
 */
public final class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what was expected */
    public ModelException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the underlying failure */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
