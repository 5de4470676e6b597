package org.rai4j.onnx;

/**
 * An ONNX artefact cannot be used: too large, malformed, a custom-op domain, external data, an input
 * schema that does not match the data, or ONNX Runtime failed. The message names the file and says
 * what was expected.
 */
public final class OnnxModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what was expected */
    public OnnxModelException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the ONNX Runtime failure */
    public OnnxModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
