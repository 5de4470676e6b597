package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rai4j.core.Preconditions;

/**
 * SEAT's semantically bleached templates (May et al. 2019, NAACL, §3): each word becomes several sentences, e.g.
 * a name gives "This is Amy.", "Amy is a person.", "The person's name is Amy.", …; a count noun gives singular and
 * plural sentences ("This is an aster.", "These are asters.", "Asters are things."). The templates
 * ({@code seat/templates.txt}) and the kind of each bundled WEAT word ({@code seat/kinds.txt}) are resource files.
 *
 * <p>A word's kind: listed in kinds.txt as adjective, mass noun, verb or plural noun → that group; he/she, him/her,
 * his/hers → the pronoun groups; capitalised but not all capitals → name; otherwise a count noun, singular and
 * plural (irregular plurals listed, else the regular English rule), with the person or thing templates. Immutable;
 * thread-safe.
 */
public final class SeatTemplates {
    private final Map<String, List<String>> groups;
    private final Map<String, String> kinds;
    private final Map<String, String> singularOfPlural;
    private final Map<String, String> irregularPlural;
    private final Set<String> persons;

    private SeatTemplates(Map<String, List<String>> groups, Map<String, String> kinds,
                          Map<String, String> singularOfPlural, Map<String, String> irregularPlural, Set<String> persons) {
        this.groups = groups;
        this.kinds = kinds;
        this.singularOfPlural = singularOfPlural;
        this.irregularPlural = irregularPlural;
        this.persons = persons;
    }

    /** The bundled templates and word kinds. */
    public static SeatTemplates bundled() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines("seat/templates.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                groups.put(line.substring(1, line.length() - 1), current);
            } else {
                Preconditions.checkState(current != null, "seat/templates.txt: template before the first [group]");
                current.add(line);
            }
        }
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> singular = new HashMap<>();
        Map<String, String> irregular = new HashMap<>();
        Set<String> persons = new HashSet<>();
        for (String line : lines("seat/kinds.txt")) {
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "adjective", "mass-noun", "verb" -> kinds.put(f[1], f[0]);
                case "plural" -> singular.put(f[1], f[2]);
                case "irregular" -> irregular.put(f[1], f[2]);
                case "person" -> persons.add(f[1]);
                default -> throw new IllegalStateException("seat/kinds.txt: unknown kind '" + f[0] + "'");
            }
        }
        return new SeatTemplates(Map.copyOf(groups), Map.copyOf(kinds), Map.copyOf(singular), Map.copyOf(irregular),
                Set.copyOf(persons));
    }

    /** The sentences of {@code word}, in template order. */
    public List<String> sentences(String word) {
        Preconditions.checkNotNull(word, "word");
        String w = word.strip();
        Preconditions.checkArgument(!w.isEmpty(), "word must not be blank");
        String kind = kinds.get(w);
        if (kind != null) {
            return fill(kind, w);
        }
        switch (w) {
            case "he", "she" -> {
                return fill("subject-pronoun", w);
            }
            case "him", "her" -> {
                return fill("object-pronoun", w);
            }
            case "his", "hers" -> {
                return fill("possessive-pronoun", w);
            }
            default -> { }
        }
        String singular = singularOfPlural.get(w);
        String plural;
        if (singular != null) {
            plural = w;
        } else if (Character.isUpperCase(w.codePointAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
            return fill("name", w);
        } else {
            singular = w;
            plural = plural(w);
        }
        boolean person = persons.contains(singular);
        List<String> out = new ArrayList<>(fill("singular-noun", singular));
        out.addAll(fill(person ? "singular-person" : "singular-thing", singular));
        out.addAll(fill("plural-noun", plural));
        out.addAll(fill(person ? "plural-person" : "plural-thing", plural));
        return List.copyOf(out);
    }

    /** The sentences of every word of {@code words}, concatenated in order. */
    public List<String> sentences(List<String> words) {
        Preconditions.checkNotNull(words, "words");
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.addAll(sentences(w));
        }
        return List.copyOf(out);
    }

    String plural(String w) {
        String irregular = irregularPlural.get(w);
        if (irregular != null) {
            return irregular;
        }
        int n = w.length();
        if (n >= 2 && w.endsWith("y") && "aeiou".indexOf(w.charAt(n - 2)) < 0) {
            return w.substring(0, n - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        return w + "s";
    }

    static String article(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return "aeiou".indexOf(l.charAt(0)) >= 0 || l.startsWith("honor") || l.startsWith("hour") ? "an" : "a";
    }

    private List<String> fill(String group, String term) {
        List<String> templates = groups.get(group);
        Preconditions.checkState(templates != null, "seat/templates.txt has no [" + group + "] group");
        List<String> out = new ArrayList<>(templates.size());
        for (String t : templates) {
            String s = t.replace("{article}", article(term)).replace("{term}", term);
            out.add(s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1));
        }
        return out;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SeatTemplates.class.getResourceAsStream(resource)) {
            Preconditions.checkState(in != null, "missing bundled resource " + resource);
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
