package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;

/**
 * Word lists: one word or term per line, {@code #} starts a comment line, blank lines are ignored, surrounding
 * spaces are stripped. A word listed twice is an error naming both lines.
 */
public final class WordLists {
    private WordLists() {}

    /** Reads a list from a user's file. */
    public static List<String> read(Path file) throws IOException, DataFileException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /** Reads a list bundled on the class path next to this class (e.g. {@code weat/flowers.txt}). */
    public static List<String> resource(String name) {
        try (InputStream in = WordLists.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled word list " + name);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFileException e) {
            throw new IllegalStateException("bundled word list is malformed: " + e.getMessage(), e);
        }
    }

    static List<String> parse(Reader reader, String name) throws IOException, DataFileException {
        BufferedReader r = new BufferedReader(reader);
        List<String> out = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String line;
        long no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            String w = line.strip();
            if (w.isEmpty() || w.startsWith("#")) {
                continue;
            }
            if (!seen.add(w)) {
                long first = lines.get(out.indexOf(w));
                throw new DataFileException(new DataProblem(name, no, null,
                        "'" + w + "' is listed twice (first on line " + first + ")"));
            }
            out.add(w);
            lines.add(no);
        }
        if (out.isEmpty()) {
            throw new DataFileException(new DataProblem(name, 0, null, "the list holds no word"));
        }
        return List.copyOf(out);
    }
}
