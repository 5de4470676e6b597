package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.nio.file.Path;

/**
 * How a submitted model h (or the base model) is written down: a rule {@code {"rule": "<predicate>"}}
 * predicting the positive class where the predicate holds, a constant {@code {"constant": v}}, or an
 * ONNX file {@code {"onnx": "h.onnx"}}. Declarative only: nothing here executes code.
 */
public sealed interface ModelSpec {
    /** Predicts the positive class (1 for squared loss) where {@code predicate} holds, else the negative (0). */
    record Rule(String predicate) implements ModelSpec {
        public Rule {
            Preconditions.checkNotNull(predicate, "predicate");
        }
    }

    /** Predicts {@code value} (a class label, or a number for squared loss) everywhere. */
    record Constant(String value) implements ModelSpec {
        public Constant {
            Preconditions.checkNotNull(value, "value");
        }
    }

    /**
     * An ONNX model reading the schema-encoded features ({@link DataSchema#encode}).
     *
     * @param file   the ONNX file
     * @param folder the folder the file must stay in (real path, symbolic links resolved), or null for a file the
     *               operator chose (e.g. the base model); submitted artefacts always carry their submission's folder
     */
    record Onnx(Path file, Path folder) implements ModelSpec {
        public Onnx {
            Preconditions.checkNotNull(file, "file");
        }

        /** An operator's file, not confined to a folder. */
        public Onnx(Path file) {
            this(file, null);
        }
    }
}
