package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.nio.file.Path;

/**
 * How a submitted group g is written down: a predicate of the group language, or an ONNX binary
 * classifier whose predicted label 1 (or "true", or the positive class) means membership.
 */
public sealed interface GroupSpec {
    /** A {@link GroupPredicate} text. */
    record Predicate(String text) implements GroupSpec {
        public Predicate {
            Preconditions.checkNotNull(text, "text");
        }
    }

    /**
     * An ONNX binary classifier reading the schema-encoded features.
     *
     * @param file   the ONNX file
     * @param folder the folder the file must stay in (real path, symbolic links resolved), or null for a file the
     *               operator chose (e.g. the base model); submitted artefacts always carry their submission's folder
     */
    record Onnx(Path file, Path folder) implements GroupSpec {
        public Onnx {
            Preconditions.checkNotNull(file, "file");
        }

        /** An operator's file, not confined to a folder. */
        public Onnx(Path file) {
            this(file, null);
        }
    }
}
