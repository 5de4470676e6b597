package org.rai4j.cli;

import org.rai4j.report.Json;
import org.rai4j.report.OutputFileException;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What one command run writes: its output files (declared and checked before the work starts, committed
 * together by {@link OutputFiles}) and its standard output and error text, held back until the files are
 * in place so that "wrote FILE" is never printed for a file that was not written.
 */
final class RunOutputs {
    final OutputFiles files = new OutputFiles();
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();

    /** Records an input file that no output may overwrite. */
    RunOutputs input(String option, Path file) {
        files.input(option, file);
        return this;
    }

    /** Declares an output file given as text: {@code null} and "-" (standard output) declare nothing. */
    Path declare(String option, String target) throws OutputFileException {
        return target == null || "-".equals(target) ? null : files.declare(option, Path.of(target));
    }

    /** Declares an output file; {@code null} declares nothing. */
    Path declare(String option, Path target) throws OutputFileException {
        return target == null ? null : files.declare(option, target);
    }

    /** Gives a declared file its content. */
    void file(Path target, String content) {
        files.put(target, content);
    }

    /**
     * Puts {@code value} as an indented JSON document ({@link Json}): to standard output ("-", with a final
     * newline) or into the declared file {@code target} (without one).
     */
    void json(Object value, String target) {
        String doc = Json.document(value);
        if ("-".equals(target)) {
            out.append(doc).append('\n');
        } else {
            file(Path.of(target), doc);
        }
    }

    /**
     * Puts {@code objects} as JSON lines ({@link Json#lines}: one compact object per line, the one JSON policy):
     * to standard output ("-") or into the declared file {@code target}.
     */
    void jsonLines(String target, Iterable<?> objects) {
        String text = Json.lines(objects);
        if ("-".equals(target)) {
            out.append(text);
        } else {
            file(Path.of(target), text);
        }
    }

    /**
     * A command's one result: as a JSON document when {@code jsonTarget} is given ({@link #json}; a file also gets
     * "rai4j: wrote FILE" on standard output), else as console text; then {@link #finish}.
     */
    void report(String jsonTarget, Supplier<Object> json, Supplier<String> text, CommandLine cl)
            throws OutputFileException {
        if (jsonTarget != null) {
            json(json.get(), jsonTarget);
            if (!"-".equals(jsonTarget)) {
                out.append("rai4j: wrote ").append(jsonTarget).append('\n');
            }
        } else {
            out.append(text.get());
        }
        finish(cl.getOut(), cl.getErr());
    }

    /** The held-back text of standard output ({@code toErr} false) or standard error. */
    StringBuilder text(boolean toErr) {
        return toErr ? err : out;
    }

    /** Writes every file (all or none), then prints the held-back text. */
    void finish(PrintWriter stdout, PrintWriter stderr) throws OutputFileException {
        files.commit();
        stdout.print(out);
        stdout.flush();
        stderr.print(err);
        stderr.flush();
        out.setLength(0);
        err.setLength(0);
    }
}
