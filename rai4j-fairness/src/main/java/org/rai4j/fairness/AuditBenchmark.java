package org.rai4j.fairness;

import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Provenance;
import org.rai4j.core.Table;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The measurements behind {@code rai4j bench audit}: CSV ingest, the counting pass from memory, and
 * the cost of B bootstrap intervals, on {@link SyntheticData} with 100 finest slices. Each figure is
 * the median of several runs after a warm-up. The baseline, run in the same process, is naive row
 * resampling (draw N row indices, recount), timed on a few replicates and scaled to B.
 */
public final class AuditBenchmark {
    /** Results of one benchmark size. */
    public record Result(long rows, long csvBytes, double ingestSeconds, double countSeconds, double intervalSeconds,
                         double naiveIntervalSeconds, int replicates, int slices) {
        /** CSV ingest throughput in MB/s (10⁶ bytes). */
        public double ingestMBps() {
            return csvBytes / 1e6 / ingestSeconds;
        }

        /** CSV ingest throughput in rows/s. */
        public double ingestRowsPerSecond() {
            return rows / ingestSeconds;
        }

        /** Counting pass throughput in rows/s. */
        public double countRowsPerSecond() {
            return rows / countSeconds;
        }
    }

    private AuditBenchmark() {}

    /** Runs the benchmark at {@code rows} rows, writing the CSV under {@code tempDir}. */
    public static Result run(long rows, int slices, int replicates, Path tempDir) throws IOException, DataFileException {
        SyntheticData synth = new SyntheticData(rows, slices, 7);
        Path csv = Files.createTempFile(tempDir, "rai4j-bench-", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                synth.writeCsv(w);
            }
            long bytes = Files.size(csv);
            CsvTableReader reader = new CsvTableReader();
            double ingest = median(3, () -> {
                Table t = reader.read(csv);
                if (t.rowCount() != rows) {
                    throw new IllegalStateException("read " + t.rowCount() + " rows, expected " + rows);
                }
            });
            EncodedData data = synth.encoded();
            long[] sink = new long[1];
            double count = median(7, () -> sink[0] += CellCounter.countBinary(data)[0]);
            AuditSpec spec = new AuditSpec(Task.BINARY, "y_true", "y_pred", null, null, "1", "0", List.of("a", "b"),
                    List.of(), MissingGroupPolicy.ERROR, 30, 0.95, replicates, 11, Adjustment.HOLM);
            Provenance prov = Provenance.current(11L, Map.of(), Map.of());
            double intervals = median(3, () -> Auditor.run(data, spec, prov, b -> { }));
            int naiveReplicates = 3;
            double naive = median(1, () -> naiveBootstrap(data, naiveReplicates)) * replicates / naiveReplicates;
            return new Result(rows, bytes, ingest, count, intervals, naive, replicates, data.cellCount());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The baseline: resample rows with replacement and recount, per replicate. */
    static long naiveBootstrap(EncodedData d, int replicates) {
        long total = 0;
        for (int b = 0; b < replicates; b++) {
            SplittableRandom rng = new SplittableRandom(b);
            long[] counts = new long[d.cellCount() * 4];
            for (int i = 0; i < d.rows; i++) {
                int r = rng.nextInt(d.rows);
                counts[d.cell[r] * 4 + d.truth[r] * 2 + d.predicted[r]]++;
            }
            total += counts[0];
        }
        return total;
    }

    private interface Work {
        void run() throws IOException, DataFileException;
    }

    private static double median(int runs, Work w) throws IOException, DataFileException {
        w.run(); // warm-up
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            w.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }
}
