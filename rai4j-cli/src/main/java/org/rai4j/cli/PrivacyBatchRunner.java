package org.rai4j.cli;

import org.rai4j.report.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.privacy.PrivacyBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs a privacy batch ({@link PrivacyBatch}) for the command line: failed rows become
 * {@code {"error": "…"}} and are printed with their file and line; progress goes to standard error.
 */
final class PrivacyBatchRunner {
    record Result(List<ObjectNode> objects, int failures) {}

    private PrivacyBatchRunner() {}

    static Result run(int rows, IntFunction<ObjectNode> compute, IntFunction<String> where, java.io.PrintWriter err) {
        List<PrivacyBatch.Row<ObjectNode>> out = PrivacyBatch.run(rows, compute, new PrivacyBatch.Listener() {
            @Override
            public void failed(int row, String message) {
                err.println("rai4j: error: " + where.apply(row) + ": " + message);
            }

            @Override
            public void progress(int done, int total, double rowsPerSecond) {
                if (!Progress.enabled()) {
                    return;
                }
                err.printf("rai4j: %d/%d rows (%.0f rows/s)%n", done, total, rowsPerSecond);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (PrivacyBatch.Row<ObjectNode> r : out) {
            if (r.failed()) {
                ObjectNode o = Json.object();
                o.put("error", r.error());
                objects.add(o);
            } else {
                objects.add(r.value());
            }
        }
        return new Result(objects, PrivacyBatch.failures(out));
    }
}
