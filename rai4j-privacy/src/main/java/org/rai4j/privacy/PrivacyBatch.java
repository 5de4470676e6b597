package org.rai4j.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Computes one result per batch row (ε for a setting, σ for a target, …) on all cores, keeping the rows'
 * order. A row whose computation throws a {@link RuntimeException} becomes a failed row carrying the
 * message, so the other rows still come out. Progress is reported every two seconds for long batches.
 * The command line's {@code privacy epsilon|noise --batch} and the platform share it.
 */
public final class PrivacyBatch {
    private PrivacyBatch() {}

    /**
     * One row's outcome: a value, or the message of the failure.
     *
     * @param value the result, or {@code null} when the row failed
     * @param error why the row failed, or {@code null}
     */
    public record Row<T>(T value, String error) {
        /** Whether the row failed. */
        public boolean failed() {
            return error != null;
        }
    }

    /** Hears about failed rows and progress; called from worker threads, one call at a time per event. */
    public interface Listener {
        /** Row {@code row} failed with {@code message}. */
        void failed(int row, String message);

        /** {@code done} of {@code total} rows are computed, at {@code rowsPerSecond}. */
        void progress(int done, int total, double rowsPerSecond);
    }

    /**
     * Computes {@code compute.apply(r)} for r = 0 … rows − 1 in parallel.
     *
     * @return one outcome per row, in row order
     */
    public static <T> List<Row<T>> run(int rows, IntFunction<T> compute, Listener listener) {
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastReport = {start};
        List<Row<T>> out = IntStream.range(0, rows).parallel().mapToObj(r -> {
            Row<T> row;
            try {
                row = new Row<>(compute.apply(r), null);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                synchronized (lastReport) {
                    listener.failed(r, message);
                }
                row = new Row<>(null, message);
            }
            int d = done.incrementAndGet();
            long now = System.nanoTime();
            synchronized (lastReport) {
                if (now - lastReport[0] > 2_000_000_000L) {
                    lastReport[0] = now;
                    listener.progress(d, rows, d / ((now - start) / 1e9));
                }
            }
            return row;
        }).toList();
        return Collections.unmodifiableList(new ArrayList<>(out));
    }

    /** The number of failed rows. */
    public static int failures(List<? extends Row<?>> rows) {
        return (int) rows.stream().filter(Row::failed).count();
    }
}
