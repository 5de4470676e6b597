package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.report.Json;

import java.nio.file.Path;
import java.util.List;

/**
 * The privacy commands' JSON: one compact object per line (JSON lines), under the one JSON policy
 * ({@link Json}: ε = ∞ and other non-finite numbers are {@code null}), to standard output ({@code --json -})
 * or to a declared output file.
 */
final class PrivacyOutput {
    private PrivacyOutput() {}

    /** A new, empty JSON object whose keys keep their insertion order. */
    static ObjectNode object() {
        return Json.object();
    }

    /** Puts the objects as JSON lines into {@code run}: standard output for "-", else the declared file {@code target}. */
    static void writeLines(String target, List<ObjectNode> objects, RunOutputs run) {
        String text = Json.lines(objects);
        if ("-".equals(target)) {
            run.out.append(text);
        } else {
            run.file(Path.of(target), text);
        }
    }

    /** A double for JSON: finite values as numbers, NaN and ±∞ as {@code null} (the one JSON policy). */
    static void put(ObjectNode o, String key, double v) {
        Json.put(o, key, v);
    }
}
