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

    /** An ONNX binary classifier reading the schema-encoded features. */
    record Onnx(Path file) implements GroupSpec {
        public Onnx {
            Preconditions.checkNotNull(file, "file");
        }
    }
}
