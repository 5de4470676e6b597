package org.rai4j.bounty;

import org.rai4j.bounty.internal.Json;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a file of hunters' submissions: one JSON object per line,
 * {@code {"id":"s1","team":"t1","group":"<predicate>" | {"onnx":"g.onnx"},"model":{"rule":…}|{"constant":v}|{"onnx":"h.onnx"}}}.
 * UTF-8 (a leading byte-order mark is accepted); blank lines and lines starting with {@code #} are skipped.
 * Structural errors (not JSON, a missing or repeated id, a field of the wrong shape) fail the whole file with
 * a {@link DataFileException} naming the file, line and field.
 *
 * <p>ONNX paths come from strangers, so they are confined: each is resolved against the submissions file's
 * folder and the resulting {@link GroupSpec.Onnx} / {@link ModelSpec.Onnx} carries that folder; {@link Artifacts}
 * opens only regular files whose real path (symbolic links resolved) lies inside it, checks the size before
 * reading, and hashes and loads the same bytes. A path that leaves the folder makes that submission
 * {@link Reason#INVALID_MODEL} with the same message whether or not the target exists; nothing is opened
 * while reading this file. Stateless.
 */
public final class SubmissionsFile {
    /** Longest submissions file read (bytes). */
    public static final long MAX_BYTES = 256L << 20;

    /**
     * A submission and the line it came from.
     *
     * @param submission the submission
     * @param line       1-based line number
     */
    public record Line(Submission submission, long line) {}

    private SubmissionsFile() {}

    /**
     * Reads {@code file}.
     *
     * @throws DataFileException naming the file (and line and field) when it is missing, unreadable, not UTF-8,
     *                           or a line is not a well-formed submission
     */
    public static List<Line> read(Path file) throws DataFileException {
        Preconditions.checkNotNull(file, "file");
        String name = file.toString();
        return read(readBytes(file, name), name, file.toAbsolutePath().normalize().getParent());
    }

    /**
     * Reads the content of a submissions file already in memory (an upload; also what {@link #read(Path)} does
     * after its size and file-type checks): the same decoding, lines, fields and ONNX path confinement.
     *
     * @param bytes  the file's bytes, at most {@link #MAX_BYTES}
     * @param name   the name used in messages (e.g. the uploaded file's name)
     * @param folder the folder ONNX paths are resolved against and confined to (absolute)
     * @throws DataFileException naming {@code name} (and line and field) when the bytes are not UTF-8, too many,
     *                           or a line is not a well-formed submission
     */
    public static List<Line> read(byte[] bytes, String name, Path folder) throws DataFileException {
        Preconditions.checkNotNull(bytes, "bytes");
        Preconditions.checkNotNull(name, "name");
        Preconditions.checkNotNull(folder, "folder");
        if (bytes.length > MAX_BYTES) {
            throw problem(name, 0, "the file has more than " + MAX_BYTES + " bytes");
        }
        String text = decode(bytes, name);
        Path dir = folder.toAbsolutePath().normalize();
        List<Line> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            long line = i + 1;
            Object node;
            try {
                node = Json.parse(t);
            } catch (IllegalArgumentException e) {
                throw problem(name, line, "expected one JSON object per line: " + e.getMessage());
            }
            if (!(node instanceof Map<?, ?> m)) {
                throw problem(name, line, "expected a JSON object like {\"id\":\"s1\",\"team\":\"t1\",\"group\":\"age > 60\","
                        + "\"model\":{\"constant\":\"good\"}}");
            }
            String id = text(m, "id", name, line);
            if (!ids.add(id)) {
                throw problem(name, line, "field 'id': '" + id + "' was already used by an earlier line; ids must be unique");
            }
            String team = text(m, "team", name, line);
            out.add(new Line(new Submission(id, team, group(m.get("group"), dir, name, line), model(m.get("model"), dir, name, line)), line));
        }
        if (out.isEmpty()) {
            throw problem(name, 0, "expected at least one submission line");
        }
        return out;
    }

    private static byte[] readBytes(Path file, String name) throws DataFileException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                if (!Files.exists(file)) {
                    throw problem(name, 0, "expected a submissions file (JSON lines), but it does not exist");
                }
                throw problem(name, 0, "expected a submissions file (JSON lines), but it is not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw problem(name, 0, "the file has " + size + " bytes; at most " + MAX_BYTES + " are read");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // one buffer of the size just checked (+1 to see growth); a file that grew is read on up to the cap
                byte[] first = new byte[(int) size + 1];
                int n = in.readNBytes(first, 0, first.length);
                if (n < first.length) {
                    bytes = java.util.Arrays.copyOf(first, n);
                } else {
                    byte[] rest = in.readNBytes((int) (MAX_BYTES + 1 - n));
                    bytes = java.util.Arrays.copyOf(first, n + rest.length);
                    System.arraycopy(rest, 0, bytes, n, rest.length);
                }
            }
        } catch (NoSuchFileException e) {
            throw problem(name, 0, "expected a submissions file (JSON lines), but it does not exist");
        } catch (IOException e) {
            throw problem(name, 0, "cannot read: " + e.getMessage());
        }
        return bytes;
    }

    private static String decode(byte[] bytes, String name) throws DataFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops at the first invalid byte: name its line in one pass (the file may be large)
            long line = 1;
            for (int j = 0; j < in.position(); j++) {
                line += bytes[j] == '\n' ? 1 : 0;
            }
            throw problem(name, line, "expected UTF-8 text, found an invalid byte sequence");
        }
    }

    private static DataFileException problem(String file, long line, String message) {
        return new DataFileException(new DataProblem(file, line, null, message));
    }

    private static String text(Map<?, ?> node, String field, String file, long line) throws DataFileException {
        String v = scalar(node.get(field));
        if (v == null || v.isBlank()) {
            throw problem(file, line, "expected a non-empty field '" + field + "'");
        }
        return v;
    }

    /** The text of a JSON string, number or boolean; null for anything else. */
    private static String scalar(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal b) {
            return b.toString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return null;
    }

    private static GroupSpec group(Object g, Path dir, String file, long line) throws DataFileException {
        if (g instanceof String s) {
            return new GroupSpec.Predicate(s);
        }
        if (g instanceof Map<?, ?> m && m.size() == 1 && m.get("onnx") instanceof String f) {
            return new GroupSpec.Onnx(resolve(dir, f), dir);
        }
        throw problem(file, line, "field 'group': expected a predicate string or {\"onnx\": \"file.onnx\"}");
    }

    private static ModelSpec model(Object o, Path dir, String file, long line) throws DataFileException {
        if (o instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("rule") instanceof String r) {
                return new ModelSpec.Rule(r);
            }
            String c = scalar(m.get("constant"));
            if (c != null) {
                return new ModelSpec.Constant(c);
            }
            if (m.get("onnx") instanceof String f) {
                return new ModelSpec.Onnx(resolve(dir, f), dir);
            }
        }
        throw problem(file, line, "field 'model': expected {\"rule\": \"<predicate>\"}, {\"constant\": v} or {\"onnx\": \"file.onnx\"}");
    }

    /** {@code dir.resolve(text)}, lexically normalised; no file is touched. NUL and other invalid names stay as text. */
    private static Path resolve(Path dir, String text) {
        try {
            return dir.resolve(text).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return dir.resolve("invalid-path").resolve(Integer.toHexString(text.hashCode()));
        }
    }
}
