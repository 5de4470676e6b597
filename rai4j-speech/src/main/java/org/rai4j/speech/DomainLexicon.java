package org.rai4j.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pronunciation dictionary of a domain: the entries of the CMU pronouncing dictionary (as shipped
 * with pocketsphinx-en-us) for the domain's words, alternates included ({@code word(2)}), plus
 * rai4j's own pronunciations for domain words CMUdict lacks ({@code domain-lexicon.dict}, written for
 * the bundled prompts: e.g. "metformin", "paracetamol"). A word with no pronunciation anywhere is an
 * error naming it, since the recogniser could never produce it.
 */
public final class DomainLexicon {
    private DomainLexicon() {}

    /**
     * The dictionary text (CMUdict format, sorted) for {@code words}.
     *
     * @param cmudict the CMU dictionary file
     * @throws IOException              when the dictionary cannot be read
     * @throws IllegalArgumentException naming the words without a pronunciation
     */
    public static String forWords(Collection<String> words, Path cmudict) throws IOException {
        Set<String> wanted = new TreeSet<>(words);
        Map<String, List<String>> found = new TreeMap<>();
        for (String line : Files.readAllLines(cmudict, StandardCharsets.UTF_8)) {
            addLine(line, wanted, found);
        }
        for (String line : supplement()) {
            if (!found.containsKey(base(line.split("\\s+", 2)[0]))) {
                addLine(line, wanted, found);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            if (!found.containsKey(w)) {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no pronunciation for " + missing.size() + " word(s) of the prompts: "
                    + String.join(", ", missing) + " (add them to the prompts in another spelling, e.g. numbers as words)");
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> entries : found.values()) {
            for (String e : entries) {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private static void addLine(String line, Set<String> wanted, Map<String, List<String>> found) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith(";;;")) {
            return;
        }
        String[] parts = l.split("\\s+", 2);
        if (parts.length < 2) {
            return;
        }
        String w = base(parts[0]);
        if (wanted.contains(w)) {
            found.computeIfAbsent(w, x -> new ArrayList<>()).add(parts[0] + " " + parts[1].strip().replaceAll("\\s+", " "));
        }
    }

    /** {@code word(2)} → {@code word}. */
    private static String base(String entry) {
        int p = entry.indexOf('(');
        return p > 0 && entry.endsWith(")") ? entry.substring(0, p) : entry;
    }

    private static List<String> supplement() throws IOException {
        try (InputStream in = DomainLexicon.class.getResourceAsStream("domain-lexicon.dict")) {
            if (in == null) {
                throw new IOException("resource org/rai4j/speech/domain-lexicon.dict missing from the jar");
            }
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(l);
            }
            return out;
        }
    }

}
