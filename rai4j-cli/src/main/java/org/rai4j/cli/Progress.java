package org.rai4j.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.function.IntConsumer;

/**
 * Progress of long work on stderr: a progress bar when stderr is a terminal, nothing otherwise (so
 * that logs and pipes stay clean). Close it when the work ends.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} steps named {@code task}. */
    static Progress start(String task, long total) {
        if (System.console() == null || total <= 0) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        return new Progress(bar);
    }

    /** A consumer of "steps done so far". */
    IntConsumer listener() {
        return done -> {
            if (bar != null) {
                bar.stepTo(done);
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
