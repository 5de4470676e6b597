package org.rai4j.cli;

import org.rai4j.bounty.Artifacts;
import org.rai4j.bounty.DataSchema;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.Task;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.nio.file.Path;
import java.util.List;

/** The data of a bounty as the commands load it: tables, schema (from the training split), task, artefacts. */
record BountyData(Table train, Table holdout, DataSchema schema, Task task, Artifacts artifacts) {

    static BountyData load(Path trainFile, Path holdoutFile, String label, String positive, Loss loss) throws DataFileException {
        CsvTableReader reader = new CsvTableReader();
        Table train = reader.read(trainFile);
        Table holdout = holdoutFile == null ? null : reader.read(holdoutFile);
        return of(train, holdout, label, positive, loss);
    }

    static BountyData of(Table train, Table holdout, String label, String positive, Loss loss) throws DataFileException {
        DataSchema schema = DataSchema.fromTable(train, label);
        if (holdout != null) {
            List<String> missing = schema.names().stream().filter(n -> !holdout.hasColumn(n)).toList();
            if (!missing.isEmpty() || !holdout.hasColumn(label)) {
                throw new UserException(holdout.source() + ": expected the same columns as the training file; missing "
                        + (missing.isEmpty() ? label : String.join(", ", missing)));
            }
        }
        Task task = loss == Loss.ZERO_ONE ? Task.binary(train, label, positive) : Task.regression(label);
        return new BountyData(train, holdout, schema, task, new Artifacts(schema, task, OnnxLimits.DEFAULT));
    }

    /** Parses --base: rule:&lt;predicate&gt;, constant:&lt;v&gt; or onnx:&lt;file&gt;. */
    static ModelSpec base(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new ModelSpec.Rule(rest);
            case "constant" -> new ModelSpec.Constant(rest);
            case "onnx" -> new ModelSpec.Onnx(Path.of(rest));
            default -> throw new UserException("--base must be rule:<predicate>, constant:<value> or onnx:<file>, got '" + text + "'");
        };
    }
}
