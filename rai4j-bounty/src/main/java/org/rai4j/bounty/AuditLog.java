package org.rai4j.bounty;

import org.rai4j.bounty.internal.Json;
import org.rai4j.core.Hashing;
import org.rai4j.core.Preconditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only, hash-chained log of a bounty (spec §3.6): one JSON object per line, each carrying
 * {@code "prev"}, the SHA-256 of the previous line (64 zeros for the first), so that editing,
 * dropping or reordering any line breaks the chain ({@link #verifyChain(List)}). The engine writes a
 * genesis entry (configuration, data and schema hashes, base model, engine version) and one entry per
 * submission (artefact SHA-256s, every decision input, the decision, the nodes appended and the
 * prediction hash of the resulting version); no wall-clock times, so a replay reproduces the log
 * byte for byte ({@link AuditReplay}). Optionally mirrored to a file, line by line; the file's companion
 * {@code FILE.head} ({@link #headFile(Path)}) holds the SHA-256 of its last line, rewritten atomically after
 * every append, so that a truncated log (whose remaining chain is intact) is still detected. Not thread-safe.
 */
public final class AuditLog {
    /** The "prev" of the first line. */
    public static final String GENESIS_PREV = "0".repeat(64);

    private final List<String> lines = new ArrayList<>();
    private final Path file;

    private AuditLog(Path file) {
        this.file = file;
    }

    /** A log kept in memory. */
    public static AuditLog inMemory() {
        return new AuditLog(null);
    }

    /**
     * A log also appended to {@code file}, which must not exist yet.
     *
     * @throws IOException when the file exists or cannot be created
     */
    public static AuditLog createFile(Path file) throws IOException {
        Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new AuditLog(file);
    }

    /** The companion file holding the chain head of the log {@code file}: {@code FILE.head}. */
    public static Path headFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".head");
    }

    /** The lines so far. */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** SHA-256 of the last line (the chain head), or {@link #GENESIS_PREV} when empty. */
    public String head() {
        return lines.isEmpty() ? GENESIS_PREV : Hashing.sha256(lines.get(lines.size() - 1));
    }

    /** Appends {@code entry} with its {@code "prev"} link; returns the line written. */
    String append(Map<String, Object> entry) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("prev", head());
        e.putAll(entry);
        String line = Json.write(e);
        lines.add(line);
        if (file != null) {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Path head = headFile(file);
                Path tmp = head.resolveSibling(head.getFileName() + ".tmp");
                Files.writeString(tmp, head() + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, head, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot append to the audit log " + file, ex);
            }
        }
        return line;
    }

    /**
     * Checks the hash chain of {@code lines}.
     *
     * @throws IllegalArgumentException naming the first line (1-based) whose link is broken
     */
    public static void verifyChain(List<String> lines) {
        Preconditions.checkArgument(!lines.isEmpty(), "the audit log is empty");
        String prev = GENESIS_PREV;
        for (int i = 0; i < lines.size(); i++) {
            Object parsed = Json.parse(lines.get(i));
            if (!(parsed instanceof Map<?, ?> m) || !prev.equals(m.get("prev"))) {
                throw new IllegalArgumentException("audit log line " + (i + 1) + ": the hash chain is broken (expected prev "
                        + prev + "); the log was edited, truncated or reordered");
            }
            prev = Hashing.sha256(lines.get(i));
        }
    }
}
