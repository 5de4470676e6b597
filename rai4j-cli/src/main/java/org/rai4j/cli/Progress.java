package org.rai4j.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr. When stderr is a terminal: a progress bar. Otherwise (logs, pipes,
 * CI): one plain line at most every {@value #LINE_INTERVAL_SECONDS} seconds, such as
 * {@code rai4j: bootstrap 340/1000}, and nothing for work that ends sooner. The environment variable
 * {@code RAI4J_PROGRESS=off} silences both (the docs check uses it, since timing-dependent lines cannot
 * be compared). Close it when the work ends. Thread-safe: listeners may be called from several threads.
 */
final class Progress implements AutoCloseable {
    static final int LINE_INTERVAL_SECONDS = 3;

    private final ProgressBar bar;
    private final String task;
    private final long total;
    private final PrintStream lines;
    private final LongSupplier clock;
    private long lastLine;

    private Progress(ProgressBar bar, String task, long total, PrintStream lines, LongSupplier clock) {
        this.bar = bar;
        this.task = task;
        this.total = total;
        this.lines = lines;
        this.clock = clock;
        this.lastLine = clock.getAsLong();
    }

    /** Whether progress is shown at all ({@code RAI4J_PROGRESS=off} turns it off). */
    static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getenv("RAI4J_PROGRESS"));
    }

    /** Progress of {@code total} steps named {@code task} (total ≤ 0: an unknown number of steps). */
    static Progress start(String task, long total) {
        if (!enabled()) {
            return new Progress(null, task, total, null, System::nanoTime);
        }
        if (System.console() == null) {
            return lines(task, total, System.err, System::nanoTime);
        }
        if (total <= 0) {
            return new Progress(null, task, total, null, System::nanoTime);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        return new Progress(bar, task, total, null, System::nanoTime);
    }

    /** Plain progress lines to {@code out} with the given nanosecond clock (for tests). */
    static Progress lines(String task, long total, PrintStream out, LongSupplier nanoClock) {
        return new Progress(null, task, total, out, nanoClock);
    }

    /** A consumer of "steps done so far". */
    IntConsumer listener() {
        return this::stepTo;
    }

    /** Sets the bar's extra message (terminal only; e.g. the item being worked on). */
    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** Reports that {@code done} steps are finished. */
    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        if (lines == null) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            if (now - lastLine < LINE_INTERVAL_SECONDS * 1_000_000_000L) {
                return;
            }
            lastLine = now;
        }
        lines.println(total > 0 ? "rai4j: " + task + " " + done + "/" + total : "rai4j: " + task + " " + done);
        lines.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
