package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Computes one JSON object per batch row on all cores, keeping the rows' order. A row whose computation
 * fails becomes {@code {"error": "…"}} and is counted, so the other rows still come out. Shows progress
 * on standard error for long batches.
 */
final class PrivacyBatchRunner {
    record Result(List<ObjectNode> objects, int failures) {}

    private PrivacyBatchRunner() {}

    static Result run(int rows, IntFunction<ObjectNode> compute, IntFunction<String> where, java.io.PrintWriter err) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastReport = {start};
        ObjectNode[] out = IntStream.range(0, rows).parallel().mapToObj(r -> {
            ObjectNode o;
            try {
                o = compute.apply(r);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                err.println("rai4j: error: " + where.apply(r) + ": " + e.getMessage());
                o = PrivacyOutput.object();
                o.put("error", e.getMessage());
            }
            int d = done.incrementAndGet();
            long now = System.nanoTime();
            synchronized (lastReport) {
                if (Progress.enabled() && now - lastReport[0] > 2_000_000_000L) {
                    lastReport[0] = now;
                    err.printf("rai4j: %d/%d rows (%.0f rows/s)%n", d, rows, d / ((now - start) / 1e9));
                }
            }
            return o;
        }).toArray(ObjectNode[]::new);
        return new Result(new ArrayList<>(List.of(out)), failures.get());
    }
}
