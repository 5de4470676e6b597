package org.rai4j.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program, feeding optional standard input and capturing its output. Stateless. */
final class ProcessRunner {
    private ProcessRunner() {}

    /** What a finished program printed. */
    record Output(String stdout, String stderr) {}

    /**
     * Runs {@code command}; fails with the command line and the tail of its error output when it exits
     * non-zero or runs longer than {@code timeoutSeconds}.
     */
    static Output run(List<String> command, String stdin, long timeoutSeconds) throws IOException, InterruptedException {
        return run(command, stdin, timeoutSeconds, true);
    }

    /** Runs {@code command}; when {@code requireSuccess} is false a non-zero exit status is not an error. */
    static Output run(List<String> command, String stdin, long timeoutSeconds, boolean requireSuccess)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = pump(p.getInputStream(), out);
        Thread errReader = pump(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' did not finish within " + timeoutSeconds + " s");
        }
        outReader.join();
        errReader.join();
        String stderr = err.toString(StandardCharsets.UTF_8);
        if (requireSuccess && p.exitValue() != 0) {
            String tail = stderr.length() > 1500 ? "…" + stderr.substring(stderr.length() - 1500) : stderr;
            throw new IOException("'" + String.join(" ", command) + "' failed with exit status " + p.exitValue()
                    + (tail.isBlank() ? "" : ": " + tail.strip()));
        }
        return new Output(out.toString(StandardCharsets.UTF_8), stderr);
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                // the process died; its exit status tells the story
            }
        }, "process-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
