package org.rai4j.bounty;

import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

/**
 * A model h (or the base model f0) of a bias bounty: one prediction per row, in the units of the
 * {@link Task} (a class code for 0-1 loss, a number for squared loss). Deterministic and thread-safe.
 * Outputs are never trusted: the engine checks them (finite, a valid class code) on every row it uses.
 */
public interface Predictor {
    /** Human-readable definition, e.g. {@code rule:age > 60}, {@code constant:good}, {@code onnx:h.onnx}. */
    String description();

    /** Hex SHA-256 of the artefact that defines the model. */
    String sha256();

    /**
     * Predictions for every row of {@code table}.
     *
     * @throws DataFileException when the table lacks a needed column
     * @throws ModelException    when the model cannot run on this data
     */
    double[] predict(Table table) throws DataFileException, ModelException;
}
