package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;

/**
 * A word-mapping perturbation such as HELM's dialect perturbation (Liang et al. 2022: {@code dialect(SAE → AAVE)},
 * whose mapping comes from Ziems et al. 2022, VALUE). rai4j ships no mapping: the user supplies one.
 *
 * <p>File format (UTF-8): one mapping per line, {@code source<TAB>replacement[<TAB>replacement…]}; {@code #} starts a
 * comment line; blank lines are ignored. A source is a word or a phrase ("going to"); it matches whole words only
 * (not inside a longer run of letters, digits or apostrophes), whatever its case; longer sources win over shorter ones
 * at the same place. With several replacements one is drawn from the instance's seed, and the same source keeps the
 * same replacement throughout the instance. The replacement takes the source's casing (UPPER, Title). Immutable;
 * thread-safe.
 */
public final class DialectPerturbation implements TextPerturbation {
    private final String name;
    private final Map<String, List<String>> mapping;
    private final Pattern pattern;

    private DialectPerturbation(String name, Map<String, List<String>> mapping) {
        Preconditions.checkArgument(!mapping.isEmpty(), "the mapping is empty");
        this.name = name;
        this.mapping = Map.copyOf(mapping);
        List<String> sources = new ArrayList<>(mapping.keySet());
        sources.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alt = new StringBuilder();
        for (String s : sources) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(s));
        }
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}'’])(?:" + alt + ")(?![\\p{L}\\p{N}'’])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A perturbation from an in-memory mapping (keys matched case-insensitively; each value non-empty).
     *
     * @param name the name in reports, e.g. {@code dialect:aave.tsv}
     */
    public static DialectPerturbation of(String name, Map<String, List<String>> mapping) {
        Preconditions.checkNotNull(name, "name");
        Map<String, List<String>> m = new HashMap<>();
        for (Map.Entry<String, List<String>> e : mapping.entrySet()) {
            String k = e.getKey().strip().toLowerCase(Locale.ROOT);
            Preconditions.checkArgument(!k.isEmpty(), "a source is blank");
            Preconditions.checkArgument(!e.getValue().isEmpty(), "'" + k + "' has no replacement");
            Preconditions.checkArgument(m.put(k, List.copyOf(e.getValue())) == null, "'" + k + "' is listed twice");
        }
        return new DialectPerturbation(name, m);
    }

    /**
     * Reads a mapping file (format in the class comment); the perturbation is named {@code dialect:FILE}.
     *
     * @throws DataFileException naming the file, line and field of every malformed line (up to
     *                           {@link DataFileException#MAX_LISTED})
     */
    public static DialectPerturbation read(Path file) throws IOException, DataFileException {
        Preconditions.checkNotNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null,
                    "no such file (expected a word mapping: source<TAB>replacement per line)"));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    static DialectPerturbation parse(Reader reader, String source) throws IOException, DataFileException {
        BufferedReader r = new BufferedReader(reader);
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<DataProblem> problems = new ArrayList<>();
        long total = 0;
        String line;
        long no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String problem = null;
            String field = null;
            String key = f[0].strip().toLowerCase(Locale.ROOT);
            if (f.length < 2) {
                problem = "expected source<TAB>replacement, found no tab";
            } else if (key.isEmpty()) {
                field = "field 1";
                problem = "the source is blank";
            } else if (Arrays.stream(f, 1, f.length).anyMatch(String::isBlank)) {
                field = "field " + (1 + indexOfBlank(f));
                problem = "a replacement is blank";
            } else if (firstLine.containsKey(key)) {
                field = "field 1";
                problem = "'" + key + "' is listed twice (first on line " + firstLine.get(key) + ")";
            }
            if (problem != null) {
                total++;
                if (problems.size() < DataFileException.MAX_LISTED) {
                    problems.add(new DataProblem(source, no, field, problem));
                }
                continue;
            }
            firstLine.put(key, no);
            mapping.put(key, Arrays.stream(f, 1, f.length).map(String::strip).toList());
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total);
        }
        if (mapping.isEmpty()) {
            throw new DataFileException(new DataProblem(source, 0, null, "the mapping holds no line"));
        }
        return new DialectPerturbation("dialect:" + Path.of(source).getFileName(), mapping);
    }

    private static int indexOfBlank(String[] f) {
        for (int i = 1; i < f.length; i++) {
            if (f[i].isBlank()) {
                return i;
            }
        }
        return f.length - 1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "word mapping, " + mapping.size() + " sources";
    }

    @Override
    public Perturbed apply(String text, long seed) {
        Preconditions.checkNotNull(text, "text");
        SplittableRandom rng = null;
        Map<String, String> chosen = new HashMap<>();
        List<Substitution> subs = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher m = pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            String found = m.group();
            String key = found.toLowerCase(Locale.ROOT);
            List<String> options = mapping.get(key);
            String to = chosen.get(key);
            if (to == null) {
                if (options.size() > 1 && rng == null) {
                    rng = new SplittableRandom(seed);
                }
                to = options.size() == 1 ? options.get(0) : options.get(rng.nextInt(options.size()));
                chosen.put(key, to);
            }
            String cased = GenderSwap.matchCase(found, to);
            out.append(text, last, m.start()).append(cased);
            subs.add(new Substitution(found, cased));
            last = m.end();
        }
        out.append(text, last, text.length());
        return new Perturbed(out.toString(), subs);
    }
}
