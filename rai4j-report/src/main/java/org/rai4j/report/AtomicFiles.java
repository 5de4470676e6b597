package org.rai4j.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One file written atomically: the same as {@link OutputFiles#write(String, Path, String)} (kept so that
 * code written against the first release still compiles; new code declares its outputs with
 * {@link OutputFiles} before the work starts).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code text} (UTF-8) to {@code target}: checked, written to a temporary sibling, moved in place. */
    public static void write(Path target, String text) throws IOException {
        OutputFiles.write("output", target, text);
    }
}
