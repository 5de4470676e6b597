package org.rai4j.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour is what a new user types first: every tour line is run, in order, in one scratch folder
 * (so the demo's exported CSV feeds the audits after it), and must exit as its comment says — status 3 for a
 * {@code --fail-if} gate line (the README promises "exit status 3 when the gate holds"), 0 otherwise.
 * {@code ./rai4j audit …} expands to the last full audit command. Three commands are not run, by name: {@code bench}
 * (minutes of CPU at 10^7 rows; the bench code has its own tests), {@code serve} (runs until stopped; the
 * rai4j-server tests start the same command) and {@code fl server} (waits for its clients; FlCommandTest runs it
 * with client processes). The test fails if the tour gains any other line it cannot run.
 */
class ReadmeTourTest {
    private static final Set<String> NOT_RUN = Set.of("bench", "serve", "fl server");

    @Test
    void everyTourLine_exitsAsTheReadmeSays() throws Exception {
        Path root = DocsCheck.repositoryRoot();
        List<String> tour = tourCommands(Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(tour).as("tour commands in README.md").hasSizeGreaterThan(8);

        StringBuilder script = new StringBuilder("set -u\n");
        Set<String> skipped = new LinkedHashSet<>();
        String lastAudit = null;
        int run = 0;
        for (String command : tour) {
            String c = command;
            if (c.startsWith("./rai4j audit …")) {
                assertThat(lastAudit).as("a full audit command before '" + c + "'").isNotNull();
                c = lastAudit + c.substring("./rai4j audit …".length());
            } else if (c.startsWith("./rai4j audit ")) {
                lastAudit = c;
            }
            String[] words = c.substring("./rai4j ".length()).split(" ");
            String sub = NOT_RUN.contains(words[0]) ? words[0] : words.length > 1 ? words[0] + " " + words[1] : words[0];
            if (NOT_RUN.contains(sub)) {
                skipped.add(sub);
                continue;
            }
            int expected = c.contains("--fail-if") ? 3 : 0;
            script.append(c).append(" > out.txt 2>&1; s=$?; if [ $s -ne ").append(expected)
                    .append(" ]; then echo \"README tour: '").append(c.replace("\"", "\\\"").replace("$", "\\$"))
                    .append("' exited $s, the README says ").append(expected).append(":\"; tail -5 out.txt; exit 1; fi\n");
            run++;
        }
        assertThat(skipped).as("tour lines not run").isEqualTo(NOT_RUN);

        Path dir = Files.createTempDirectory("readme-tour");
        Path page = dir.resolve("README-tour.md");
        Files.writeString(page, "<!-- docs:setup\n" + script + "-->\n");
        List<String> problems = new DocsCheck(root, page, false).run();
        assertThat(problems).as(run + " README tour commands").isEmpty();
    }

    @Test
    void aTourLineThatFails_isReported() throws Exception {
        Path root = DocsCheck.repositoryRoot();
        Path dir = Files.createTempDirectory("readme-tour-bad");
        Path page = dir.resolve("README-tour.md");
        Files.writeString(page, "<!-- docs:setup\n./rai4j audit --data missing.csv --label y --prediction p --group g"
                + " > out.txt 2>&1; s=$?; if [ $s -ne 0 ]; then echo \"exited $s\"; exit 1; fi\n-->\n");
        List<String> problems = new DocsCheck(root, page, false).run();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("docs:setup exited 1").contains("exited 1");
    }

    /** The {@code ./rai4j} lines of the fence after "## A tour", continuation lines joined, comments dropped. */
    static List<String> tourCommands(List<String> readme) {
        List<String> out = new ArrayList<>();
        int i = readme.indexOf("## A tour");
        assertThat(i).as("'## A tour' heading in README.md").isNotNegative();
        while (!readme.get(i).startsWith("```")) {
            i++;
        }
        StringBuilder current = null;
        for (i = i + 1; !readme.get(i).startsWith("```"); i++) {
            String line = readme.get(i);
            String code = stripComment(line).strip();
            if (current == null) {
                if (!code.startsWith("./rai4j")) {
                    continue;
                }
                current = new StringBuilder();
            }
            boolean continued = code.endsWith("\\");
            current.append(continued ? code.substring(0, code.length() - 1).strip() : code).append(' ');
            if (!continued) {
                out.add(current.toString().strip().replaceAll("\\s+", " "));
                current = null;
            }
        }
        return out;
    }

    /** Drops a trailing {@code # comment} that is not inside double quotes. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '#' && !quoted && k > 0 && line.charAt(k - 1) == ' ') {
                return line.substring(0, k);
            }
        }
        return line;
    }
}
