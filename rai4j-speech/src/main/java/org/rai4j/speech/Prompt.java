package org.rai4j.speech;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Table;
import org.rai4j.core.Preconditions;

/**
 * A sentence to be spoken: its id, text and domain (e.g. {@code general}, {@code medical}).
 *
 * @param id     unique id, e.g. {@code m012}
 * @param text   the sentence as written (the reference transcript)
 * @param domain a free label used for grouping
 */
public record Prompt(String id, String text, String domain) {
    public Prompt {
        Preconditions.checkArgument(id != null && !id.isBlank(), "prompt id must not be blank");
        Preconditions.checkArgument(text != null && !text.isBlank(), "prompt text must not be blank");
        Preconditions.checkArgument(domain != null && !domain.isBlank(), "prompt domain must not be blank");
    }

    /**
     * Reads prompts from a CSV file with columns {@code prompt_id}, {@code text} and optionally
     * {@code domain} (default {@code general}); every problem is reported with its line.
     */
    public static List<Prompt> read(Path file) throws DataFileException {
        Table t = new CsvTableReader(new CsvOptions(',', Set.of(""), 1_000_000)).read(file);
        Column id = t.column("prompt_id");
        Column text = t.column("text");
        Column domain = t.hasColumn("domain") ? t.column("domain") : null;
        ProblemCollector problems = new ProblemCollector();
        Set<String> seen = new HashSet<>();
        List<Prompt> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String i = id.text(r);
            String s = text.text(r);
            String d = domain == null || domain.text(r) == null ? "general" : domain.text(r);
            if (i == null) {
                problems.add(t.problem(r, "prompt_id", "expected an id, got an empty field"));
            } else if (!i.matches("[A-Za-z0-9_.-]+")) {
                problems.add(t.problem(r, "prompt_id", "expected letters, digits, '_', '.' or '-', got '" + i + "'"));
            } else if (!seen.add(i)) {
                problems.add(t.problem(r, "prompt_id", "expected a unique id, but '" + i + "' appears earlier"));
            }
            if (s == null) {
                problems.add(t.problem(r, "text", "expected a sentence, got an empty field"));
            }
            if (problems.isEmpty()) {
                out.add(new Prompt(i, s, d));
            }
        }
        problems.throwIfAny();
        return out;
    }
}
