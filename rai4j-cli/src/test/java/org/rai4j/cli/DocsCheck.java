package org.rai4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-runs the example transcripts of one docs/ page and compares them with the program's output.
 * The marker convention is documented in docs/README.md:
 * <ul>
 *   <li>{@code <!-- docs:run -->} on the line before a fence: the fence is a transcript. Lines starting
 *       with {@code $ } are commands (a line ending in {@code \} continues on the next); the lines up to
 *       the next command are the expected output (stdout and stderr together, as a terminal shows them).
 *       A command that exits non-zero ends its output with a line {@code [exit N]}.
 *       {@code mask="REGEX"} (repeatable) replaces matches in both texts by {@code <masked>}; an expected
 *       line {@code [...]} matches any number of lines.</li>
 *   <li>{@code <!-- docs:setup ... -->}: hidden shell commands run at that point (must exit 0).</li>
 *   <li>{@code <!-- docs:measured -->}: the next fence holds measured figures (benchmarks), not checked; a
 *       line starting with "Measured" and a date (YYYY-MM-DD) must come within the five lines before it.</li>
 * </ul>
 * Any other fence whose first line starts with {@code $ } is an error: every transcript is checked or
 * explicitly marked as measured.
 *
 * <p>Commands run with bash in a scratch folder per page (blocks of a page share it, in order), where
 * {@code data} links to the repository's folder and {@code docs} is a copy of it and {@code rai4j}/{@code ./rai4j} run the
 * command line from the test class path; {@code shared-data} links to the real datasets beside the project when they are
 * there (a page that uses it is skipped without them, or fails in CI: see {@code SharedData}). With {@code -Ddocs.update=true} the page's transcripts are
 * rewritten with the actual outputs instead of compared.
 */
final class DocsCheck {
    static final Pattern RUN = Pattern.compile("^<!--\\s*docs:run\\b(.*?)-->\\s*$");
    static final Pattern SETUP = Pattern.compile("^<!--\\s*docs:setup\\b(.*)$");
    static final Pattern MEASURED = Pattern.compile("^<!--\\s*docs:measured\\b.*-->\\s*$");
    static final Pattern MASK = Pattern.compile("mask=\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern MEASURED_LINE = Pattern.compile("(?i).*\\bmeasured\\b.*\\d{4}-\\d{2}-\\d{2}.*");
    static final String SKIP = "[...]";
    /** The scratch folder's link to the real datasets beside the project, for pages on real data. */
    static final String SHARED_DATA = "shared-data";

    private final Path root;
    private final Path page;
    private final boolean update;

    DocsCheck(Path root, Path page, boolean update) {
        this.root = root;
        this.page = page;
        this.update = update;
    }

    /** The repository root, found upward from the working directory. */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("rai4j")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no repository root (a folder with docs/ and the rai4j launcher) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Checks the page; returns the list of problems (empty when every transcript matches). */
    List<String> run() throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Path scratch = Files.createTempDirectory("rai4j-docs-");
        try {
            prepare(scratch);
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                Matcher run = RUN.matcher(line);
                Matcher setup = SETUP.matcher(line);
                if (setup.matches()) {
                    StringBuilder script = new StringBuilder(setup.group(1).replaceFirst("-->\\s*$", ""));
                    out.add(line);
                    int start = i + 1;
                    while (!line.contains("-->")) {
                        i++;
                        if (i >= lines.size()) {
                            problems.add(where(start) + "unterminated docs:setup comment");
                            return problems;
                        }
                        line = lines.get(i);
                        out.add(line);
                        script.append('\n').append(line.replaceFirst("-->\\s*$", ""));
                    }
                    Result r = shell(scratch, script.toString());
                    if (r.status != 0) {
                        problems.add(where(start) + "docs:setup exited " + r.status + ":\n" + r.output);
                    }
                    i++;
                    continue;
                }
                if (isFence(line) && startsTranscript(lines, i)) {
                    boolean marked = i > 0 && (RUN.matcher(lines.get(i - 1)).matches()
                            || MEASURED.matcher(lines.get(i - 1)).matches());
                    if (!marked) {
                        problems.add(where(i + 2) + "a transcript ('$ ' lines) without <!-- docs:run --> or "
                                + "<!-- docs:measured --> on the line before its fence (see docs/README.md)");
                    }
                }
                if (MEASURED.matcher(line).matches()) {
                    boolean dated = false;
                    for (int k = Math.max(0, i - 5); k < i; k++) {
                        dated |= MEASURED_LINE.matcher(lines.get(k)).matches();
                    }
                    if (!dated) {
                        problems.add(where(i + 1) + "docs:measured needs a line 'Measured YYYY-MM-DD on <machine>: <command>' "
                                + "within the five lines before it");
                    }
                }
                if (run.matches()) {
                    List<String> masks = new ArrayList<>();
                    Matcher m = MASK.matcher(run.group(1));
                    while (m.find()) {
                        masks.add(m.group(1).replace("\\\"", "\""));
                    }
                    out.add(line);
                    i++;
                    if (i >= lines.size() || !isFence(lines.get(i))) {
                        problems.add(where(i) + "docs:run must be followed by a fenced block");
                        continue;
                    }
                    String fence = fenceOf(lines.get(i));
                    out.add(lines.get(i));
                    int bodyStart = i + 1;
                    int end = bodyStart;
                    while (end < lines.size() && !lines.get(end).startsWith(fence)) {
                        end++;
                    }
                    if (end >= lines.size()) {
                        problems.add(where(bodyStart) + "unterminated fence");
                        return problems;
                    }
                    List<String> body = lines.subList(bodyStart, end);
                    out.addAll(transcript(scratch, body, bodyStart, masks, problems));
                    out.add(lines.get(end));
                    i = end + 1;
                    continue;
                }
                out.add(line);
                i++;
            }
        } finally {
            deleteTree(scratch);
        }
        if (update) {
            Files.writeString(page, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        }
        return problems;
    }

    private static boolean isFence(String line) {
        return line.startsWith("```");
    }

    private static String fenceOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return "`".repeat(n);
    }

    private static boolean startsTranscript(List<String> lines, int fenceLine) {
        return fenceLine + 1 < lines.size() && lines.get(fenceLine + 1).startsWith("$ ");
    }

    private String where(int oneBasedLine) {
        return root.relativize(page) + ":" + oneBasedLine + ": ";
    }

    /** Runs a transcript's commands; records mismatches; returns the body with actual outputs (update mode). */
    private List<String> transcript(Path scratch, List<String> body, int bodyStart, List<String> masks,
                                    List<String> problems) throws IOException, InterruptedException {
        List<String> rewritten = new ArrayList<>();
        int i = 0;
        while (i < body.size()) {
            if (!body.get(i).startsWith("$ ")) {
                problems.add(where(bodyStart + i + 1) + "a docs:run block must start with a '$ ' command line");
                return body;
            }
            int cmdLine = bodyStart + i + 1;
            StringBuilder cmd = new StringBuilder(body.get(i).substring(2));
            rewritten.add(body.get(i));
            while (body.get(i).endsWith("\\") && i + 1 < body.size()) {
                i++;
                cmd.append('\n').append(body.get(i));
                rewritten.add(body.get(i));
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (i < body.size() && !body.get(i).startsWith("$ ")) {
                expected.add(body.get(i));
                i++;
            }
            Result r = shell(scratch, cmd.toString());
            List<String> actual = new ArrayList<>(normalise(r.output));
            if (r.status != 0) {
                actual.add("[exit " + r.status + "]");
            }
            if (!matches(mask(trimTrailing(expected), masks), mask(actual, masks))) {
                problems.add(where(cmdLine) + "output of `" + cmd.toString().replace("\\\n", " ").replaceAll("\\s+", " ")
                        + "` differs from the page (exit " + r.status + ")\n" + diff(trimTrailing(expected), actual));
            }
            if (update) {
                rewritten.addAll(actual.isEmpty() ? List.of() : actual);
                if (i < body.size() && !expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
                    rewritten.add("");
                }
            } else {
                rewritten.addAll(expected);
            }
        }
        return rewritten;
    }

    private static List<String> normalise(String output) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\n", -1)) {
            // a carriage return rewrites the line on a terminal: keep what is left visible
            String visible = l.replaceAll("\r+$", "");
            int cr = visible.lastIndexOf('\r');
            lines.add((cr >= 0 ? visible.substring(cr + 1) : visible).replaceAll("\\s+$", ""));
        }
        return trimTrailing(lines);
    }

    private static List<String> trimTrailing(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.replaceAll("\\s+$", ""));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static List<String> mask(List<String> lines, List<String> masks) {
        if (masks.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            for (String m : masks) {
                l = l.replaceAll(m, "<masked>");
            }
            out.add(l);
        }
        return out;
    }

    /** Line-wise match; an expected line "[...]" matches any number of actual lines. */
    static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> e, int i, List<String> a, int j) {
        while (i < e.size()) {
            if (e.get(i).equals(SKIP)) {
                for (int k = j; k <= a.size(); k++) {
                    if (matches(e, i + 1, a, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= a.size() || !e.get(i).equals(a.get(j))) {
                return false;
            }
            i++;
            j++;
        }
        return j == a.size();
    }

    private static String diff(List<String> expected, List<String> actual) {
        StringBuilder sb = new StringBuilder();
        int n = Math.max(expected.size(), actual.size());
        int shown = 0;
        for (int k = 0; k < n && shown < 12; k++) {
            String e = k < expected.size() ? expected.get(k) : "<none>";
            String a = k < actual.size() ? actual.get(k) : "<none>";
            if (!e.equals(a)) {
                sb.append("    line ").append(k + 1).append(":\n      page:    ").append(e)
                        .append("\n      program: ").append(a).append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            sb.append("    (outputs differ only around a [...] skip)\n");
        }
        sb.append("    (regenerate with: mvn -B -o -pl rai4j-cli -am test -Dtest=DocsExamplesTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true)");
        return sb.toString();
    }

    private record Result(int status, String output) {}

    private Result shell(Path scratch, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(scratch.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", scratch.resolve(".bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("RAI4J_DOCS_CP", classPath());
        env.put("RAI4J_DOCS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.remove("RAI4J_JAVA_OPTS");
        env.put("RAI4J_PROGRESS", "off");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace(scratch.toString() + "/", "")
                .replace(root.toString() + "/", "");
        return new Result(p.exitValue(), text);
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private void prepare(Path scratch) throws IOException {
        Files.createSymbolicLink(scratch.resolve("data"), root.resolve("data"));
        Path shared = sharedData(root);
        if (Files.isDirectory(shared)) {
            Files.createSymbolicLink(scratch.resolve(SHARED_DATA), shared.toAbsolutePath().normalize());
        }
        copyTree(root.resolve("docs"), scratch.resolve("docs"));
        Path bin = Files.createDirectories(scratch.resolve(".bin"));
        // The class path goes through CLASSPATH, not -cp: ONNX Runtime 1.29.0's native start-up crashes (SIGSEGV)
        // when the JVM's command line is longer than about 4 KB, and the build's class path is 12 KB.
        String launcher = "#!/bin/bash\nCLASSPATH=\"$RAI4J_DOCS_CP\" exec \"$RAI4J_DOCS_JAVA\" -XX:+UseSerialGC "
                + "org.rai4j.cli.Rai4j \"$@\"\n";
        for (Path p : List.of(bin.resolve("rai4j"), scratch.resolve("rai4j"))) {
            Files.writeString(p, launcher);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The real datasets beside the project ({@code ../shared/data}, or the {@code rai4j.shared.data} property). */
    static Path sharedData(Path root) {
        String p = System.getProperty("rai4j.shared.data");
        return p != null && !p.isBlank() ? Path.of(p) : root.resolve("../shared/data");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
