package org.rai4j.bounty;

import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.nio.file.Path;
import java.util.List;

/**
 * The data of a bounty: the public training split (which fixes the schema hunters see), the private
 * holdout (may be {@code null} for hunter-side work), the task (label, loss, classes) and the artefact
 * loader for groups and models. Close {@link #artifacts()} when done.
 *
 * @param train     the public training split
 * @param holdout   the private holdout, or {@code null}
 * @param schema    the feature schema, from the training split
 * @param task      label column, loss and classes
 * @param artifacts loads and caches group predicates and models against the schema
 */
public record BountyData(Table train, Table holdout, DataSchema schema, Task task, Artifacts artifacts) {

    /**
     * Reads the two CSV files and builds the bounty's data.
     *
     * @param holdoutFile the holdout CSV, or {@code null}
     * @param positive    the positive label, or {@code null} to infer it (0/1, true/false, yes/no)
     * @throws IllegalArgumentException when the holdout lacks a column of the training split
     */
    public static BountyData load(Path trainFile, Path holdoutFile, String label, String positive, Loss loss) throws DataFileException {
        CsvTableReader reader = new CsvTableReader();
        Table train = reader.read(trainFile);
        Table holdout = holdoutFile == null ? null : reader.read(holdoutFile);
        return of(train, holdout, label, positive, loss);
    }

    /**
     * The bounty's data from tables already read.
     *
     * @throws IllegalArgumentException when the holdout lacks a column of the training split
     */
    public static BountyData of(Table train, Table holdout, String label, String positive, Loss loss) throws DataFileException {
        DataSchema schema = DataSchema.fromTable(train, label);
        if (holdout != null) {
            List<String> missing = schema.names().stream().filter(n -> !holdout.hasColumn(n)).toList();
            if (!missing.isEmpty() || !holdout.hasColumn(label)) {
                throw new IllegalArgumentException(holdout.source() + ": expected the same columns as the training file; missing "
                        + (missing.isEmpty() ? label : String.join(", ", missing)));
            }
        }
        Task task = loss == Loss.ZERO_ONE ? Task.binary(train, label, positive) : Task.regression(label);
        return new BountyData(train, holdout, schema, task, new Artifacts(schema, task, OnnxLimits.DEFAULT));
    }

    /**
     * Parses a base model written as {@code rule:<predicate>}, {@code constant:<v>} or {@code onnx:<file>}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static ModelSpec base(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new ModelSpec.Rule(rest);
            case "constant" -> new ModelSpec.Constant(rest);
            case "onnx" -> new ModelSpec.Onnx(Path.of(rest));
            default -> throw new IllegalArgumentException("--base must be rule:<predicate>, constant:<value> or onnx:<file>, got '" + text + "'");
        };
    }
}
