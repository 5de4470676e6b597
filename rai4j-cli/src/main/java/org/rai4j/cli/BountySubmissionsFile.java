package org.rai4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rai4j.bounty.GroupSpec;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.Submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a submissions file: one JSON object per line,
 * {@code {"id":"s1","team":"t1","group":"<predicate>" | {"onnx":"g.onnx"},"model":{"rule":…}|{"constant":v}|{"onnx":"h.onnx"}}};
 * ONNX paths are relative to the file's folder. Blank lines and lines starting with {@code #} are
 * skipped. Errors name the file and line.
 */
final class BountySubmissionsFile {
    /** A submission and the line it came from. */
    record Line(Submission submission, long line) {}

    private BountySubmissionsFile() {}

    static List<Line> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": expected a submissions file (JSON lines), but it does not exist");
        } catch (IOException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        ObjectMapper mapper = new ObjectMapper();
        List<Line> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new UserException(where + "expected one JSON object per line: " + e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw new UserException(where + "expected a JSON object like {\"id\":\"s1\",\"team\":\"t1\",\"group\":\"age > 60\",\"model\":{\"constant\":\"good\"}}");
            }
            String id = text(node, "id", where);
            if (!ids.add(id)) {
                throw new UserException(where + "field 'id': '" + id + "' was already used by an earlier line; ids must be unique");
            }
            String team = text(node, "team", where);
            out.add(new Line(new Submission(id, team, group(node.get("group"), dir, where), model(node.get("model"), dir, where)), i + 1));
        }
        if (out.isEmpty()) {
            throw new UserException(file + ": expected at least one submission line");
        }
        return out;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new UserException(where + "expected a non-empty field '" + field + "'");
        }
        return v.asText();
    }

    private static GroupSpec group(JsonNode g, Path dir, String where) {
        if (g != null && g.isTextual()) {
            return new GroupSpec.Predicate(g.asText());
        }
        if (g != null && g.isObject() && g.has("onnx") && g.get("onnx").isTextual()) {
            return new GroupSpec.Onnx(dir.resolve(g.get("onnx").asText()));
        }
        throw new UserException(where + "field 'group': expected a predicate string or {\"onnx\": \"file.onnx\"}");
    }

    static ModelSpec model(JsonNode m, Path dir, String where) {
        if (m != null && m.isObject() && m.size() == 1) {
            if (m.has("rule") && m.get("rule").isTextual()) {
                return new ModelSpec.Rule(m.get("rule").asText());
            }
            if (m.has("constant") && m.get("constant").isValueNode() && !m.get("constant").isNull()) {
                return new ModelSpec.Constant(m.get("constant").asText());
            }
            if (m.has("onnx") && m.get("onnx").isTextual()) {
                return new ModelSpec.Onnx(dir.resolve(m.get("onnx").asText()));
            }
        }
        throw new UserException(where + "field 'model': expected {\"rule\": \"<predicate>\"}, {\"constant\": v} or {\"onnx\": \"file.onnx\"}");
    }
}
