package org.rai4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the privacy commands' JSON: one object per line, to standard output ({@code --json -}) or to a
 * file that appears only when complete (written to a temporary file beside it, then moved).
 */
final class PrivacyOutput {
    static final ObjectMapper JSON = new ObjectMapper();

    private PrivacyOutput() {}

    /** A new, empty JSON object whose keys keep their insertion order. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes the objects as JSON lines to {@code target} ("-" for standard output). */
    static void writeLines(String target, List<ObjectNode> objects, PrintWriter stdout) throws IOException {
        if ("-".equals(target)) {
            StringBuilder sb = new StringBuilder();
            for (ObjectNode o : objects) {
                sb.append(JSON.writeValueAsString(o)).append('\n');
            }
            stdout.print(sb);
            stdout.flush();
            return;
        }
        Path file = Path.of(target).toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
                for (ObjectNode o : objects) {
                    w.write(JSON.writeValueAsString(o));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A double for JSON: finite values as numbers, ±∞ as the strings "Infinity"/"-Infinity". */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.toString(v));
        }
    }
}
