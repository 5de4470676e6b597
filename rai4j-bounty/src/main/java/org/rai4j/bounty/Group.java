package org.rai4j.bounty;

import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.util.Set;

/**
 * A group g: X → {0,1} of a bias bounty (spec §1.1): the rows a hunter claims are under-served.
 * Implementations are deterministic (the same table gives the same membership) and thread-safe:
 * {@link GroupPredicate} (the predicate language) and ONNX binary classifiers ({@link Artifacts}).
 */
public interface Group {
    /** Human-readable definition (predicate text or {@code onnx:<file>}). */
    String description();

    /** Hex SHA-256 of the artefact that defines the group (canonical predicate text or file bytes). */
    String sha256();

    /** The feature columns the definition reads (all of them for a learned group). */
    Set<String> columns();

    /**
     * Membership of every row of {@code table}.
     *
     * @throws DataFileException when the table lacks a column the group needs or holds the wrong kind of value
     * @throws ModelException    when a learned group cannot run on this data
     */
    boolean[] members(Table table) throws DataFileException, ModelException;
}
