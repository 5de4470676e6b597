package org.rai4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The parallel tuple counter against the sequential reader: on seeded generated CSVs (quotes, embedded
 * line breaks and separators, CRLF, CR, BOM, padding, missing tokens, multi-byte text, empty lines) split
 * into tiny chunks on 1–3 threads, the counts equal {@link TupleCounts#of(Table, List)} of the table
 * {@link CsvTableReader} reads; on every bad input the same exception message as the sequential reader.
 */
class CsvTupleCounterTest {
    @TempDir
    Path dir;

    private static final String[] VALUES = {"F", "M", " F", "F ", "\"F\"", "NA", "?", "", "\"x\ny\"", "\"q\"\"uote\"",
            "é", "日本", "\"line\r\nbreak\"", "1", "1.0", "0", "x\"y", "\"\"", "long-value-over-eight-bytes", "\"sep,in\""};

    /** A random well-formed CSV: header a,b,c,d; values from {@link #VALUES}; random line ends and empty lines. */
    private static String generate(SplittableRandom rng, int rows) {
        String[] ends = {"\n", "\r\n", "\r"};
        String end = ends[rng.nextInt(3)];
        StringBuilder sb = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        sb.append("a,b,c,d").append(end);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 4; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(VALUES[rng.nextInt(c == 3 ? VALUES.length : Math.min(VALUES.length, 4 + 3 * c))]);
            }
            sb.append(rng.nextInt(10) == 0 ? ends[rng.nextInt(3)] : end);
            if (rng.nextInt(25) == 0) {
                sb.append(end); // an empty line
            }
        }
        if (rng.nextBoolean()) {
            sb.setLength(sb.length() - end.length()); // no line end after the last row
        }
        return sb.toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void count_generatedCsvs_equalsTheSequentialReaderOnEveryChunking() throws Exception {
        SplittableRandom rng = new SplittableRandom(20261205L);
        int fast = 0;
        int tries = 0;
        int files = 150;
        for (int i = 0; i < files; i++) {
            String csv = generate(rng, 1 + rng.nextInt(60));
            Path f = write("g" + i + ".csv", csv.getBytes(StandardCharsets.UTF_8));
            List<String> columns = rng.nextBoolean() ? List.of("a", "b", "c", "d") : List.of("d", "b");
            Table table;
            try {
                table = new CsvTableReader().read(f);
            } catch (DataFileException e) {
                // e.g. a bare CR before a quoted CR LF: the sequential reader's verdict must be the counter's too
                int threads = 1 + rng.nextInt(3);
                assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, 1 + rng.nextInt(40))
                        .tryCount(f, columns, (b, r) -> { })).as(csv).isEmpty();
                continue;
            }
            TupleCounts expected = TupleCounts.of(table, columns);
            for (int k = 0; k < 3; k++) {
                tries++;
                int threads = 1 + rng.nextInt(3);
                long chunk = k == 0 ? 0 : 1 + rng.nextInt(k == 1 ? 8 : 200);
                Optional<TupleCounts> got = new CsvTupleCounter(CsvOptions.DEFAULT, threads, chunk).tryCount(f, columns, (b, r) -> { });
                if (got.isPresent()) {
                    assertThat(got.get()).as("file %d, %d threads, chunk %d:%n%s", i, threads, chunk, csv).isEqualTo(expected);
                    fast++;
                }
                assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, chunk).count(f, columns, (b, r) -> { }))
                        .isEqualTo(expected);
            }
        }
        // The fast path must really run: it declines only on what the sequential reader rejects or reads differently.
        assertThat(tries).isGreaterThan(3 * files / 2);
        assertThat(fast).as("fast-path results among %d", tries).isEqualTo(tries);
    }

    @Test
    void count_quotedLineBreaksAcrossEveryChunkBoundary_areParsedFromTheTrueRecordStart() throws Exception {
        StringBuilder sb = new StringBuilder("g,y\n");
        for (int i = 0; i < 200; i++) {
            sb.append(i % 3 == 0 ? "\"multi\nline\n" + i % 7 + "\"" : "g" + i % 5).append(',').append(i % 2).append('\n');
        }
        Path f = write("q.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        TupleCounts expected = TupleCounts.of(new CsvTableReader().read(f), List.of("g", "y"));
        for (long chunk = 1; chunk < 64; chunk++) {
            assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, 2, chunk).tryCount(f, List.of("g", "y"), (b, r) -> { }))
                    .as("chunk %d", chunk).contains(expected);
        }
    }

    @Test
    void count_manyChunksOfABiggerFile_keepsFirstAppearanceOrderAndCounts() throws Exception {
        StringBuilder sb = new StringBuilder("sex,age,y,p,other\n");
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            sb.append(rng.nextBoolean() ? "F" : "M").append(',').append(18 + rng.nextInt(60)).append(',')
                    .append(rng.nextInt(2)).append(',').append(rng.nextInt(2)).append(",\"free, text ").append(i).append("\"\n");
        }
        Path f = write("big.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        List<String> cols = List.of("y", "p", "sex", "age");
        TupleCounts expected = TupleCounts.of(new CsvTableReader().read(f), cols);
        for (int threads : new int[] {1, 2, 4}) {
            assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, 4096).tryCount(f, cols, (b, r) -> { })).contains(expected);
        }
        assertThat(expected.rows()).isEqualTo(50_000);
    }

    /** Scans a whole file (after its header line) with one scanner, as a one-chunk, one-thread counter would. */
    private static CsvChunkScanner scanWhole(Path f, int fields, int[] slotOfField) throws Exception {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
            byte[] all = Files.readAllBytes(f);
            int headerEnd = 0;
            while (all[headerEnd] != '\n') {
                headerEnd++;
            }
            return new CsvChunkScanner(ch, ch.size(), ',', fields, slotOfField, 1000, () -> { }).scan(headerEnd + 1, ch.size());
        }
    }

    @Test
    void scan_repeatedLines_countsMostRecordsFromTheLineCacheWithExactCounts() throws Exception {
        // the audit's shape: few distinct lines, LF and CRLF, some quoted, some with a multi-byte value
        StringBuilder sb = new StringBuilder("g,a,y,p\n");
        SplittableRandom rng = new SplittableRandom(11);
        String[] g = {"F", "M", "\"X, y\"", "é"};
        for (int i = 0; i < 30_000; i++) {
            sb.append(g[rng.nextInt(4)]).append(',').append(rng.nextInt(5)).append(',').append(rng.nextInt(2)).append(',')
                    .append(rng.nextInt(2)).append(rng.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        Path f = write("rep.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        CsvChunkScanner s = scanWhole(f, 4, new int[] {0, 1, 2, 3});
        assertThat(s.rows).isEqualTo(30_000);
        // at most 4*5*2*2*2 = 160 distinct lines, each parsed once: every other record comes from the cache
        assertThat(s.cachedRecords()).isGreaterThanOrEqualTo(30_000 - 160);
        assertThat(s.lineCacheOn()).isTrue();
        List<String> cols = List.of("g", "a", "y", "p");
        TupleCounts expected = TupleCounts.of(new CsvTableReader().read(f), cols);
        for (int threads = 1; threads <= 3; threads++) {
            assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, 0).tryCount(f, cols, (b, r) -> { })).contains(expected);
            assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, 777).tryCount(f, cols, (b, r) -> { })).contains(expected);
        }
    }

    @Test
    void scan_linesThatDoNotRepeat_switchesTheLineCacheOffAndStaysExact() throws Exception {
        StringBuilder sb = new StringBuilder("id,y\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(',').append(i % 2).append('\n');
        }
        Path f = write("ids.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        CsvChunkScanner s = scanWhole(f, 2, new int[] {-1, 0});
        assertThat(s.rows).isEqualTo(20_000);
        assertThat(s.lineCacheOn()).isFalse();
        assertThat(s.cachedRecords()).isZero();
        assertThat(s.tuples()).isEqualTo(2);
        assertThat(s.count(0) + s.count(1)).isEqualTo(20_000);
        assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, 2, 5000).tryCount(f, List.of("y"), (b, r) -> { }))
                .contains(TupleCounts.of(new CsvTableReader().read(f), List.of("y")));
    }

    /** Audited values for {@link #generateWithUniqueColumns}: mostly plain, some quoted, padded, missing or multi-byte. */
    private static final String[] AUDITED = {"F", "M", "18-25", "60+", "a", "0", "1", "1", "0", "NA", "", " F", "\"F\"",
            "\"x, y\"", "é", "\"q\"\"uote\""};

    /**
     * A CSV of the audit's shape with a unique row id and a score column that are not audited, in a random column
     * order; mostly plain lines (what the fast path reads) with, per line and with small probabilities, a CRLF end,
     * a quoted or non-ASCII id, a quoted score with a separator or line break inside, an empty line; and, in a third
     * of the files, one defect the sequential reader rejects (a ragged row, a stray quote, malformed UTF-8 or a bare CR
     * in an unaudited field).
     */
    private static byte[] generateWithUniqueColumns(SplittableRandom rng, List<String> header, int rows) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String crlfShare = rng.nextInt(3) == 0 ? "all" : rng.nextBoolean() ? "some" : "none";
        int badRow = rng.nextInt(3) == 0 ? rng.nextInt(rows) : -1;
        int pool = 2 + rng.nextInt(rng.nextInt(4) == 0 ? AUDITED.length - 1 : 4);
        out.writeBytes((String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            byte[] bad = null;
            int defect = r == badRow ? rng.nextInt(5) : -1;
            for (int c = 0; c < header.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                String name = header.get(c);
                if (name.equals("id")) {
                    int k = rng.nextInt(200);
                    line.append(k == 0 ? "\"id-" + r + "\"" : k == 1 ? "é" + r : defect == 1 ? r + "\"" + r : String.valueOf(1_000_000 + r));
                } else if (name.equals("score")) {
                    int k = rng.nextInt(200);
                    String v = String.format(java.util.Locale.ROOT, "0.%06d", rng.nextInt(1_000_000));
                    line.append(k == 0 ? "\"" + v + ",5\"" : k == 1 ? "\"" + v + "\n\"" : k == 2 ? "" : defect == 3 ? v + "\r" + v : v);
                    if (defect == 2) {
                        bad = line.toString().getBytes(StandardCharsets.UTF_8);
                        line.setLength(0);
                    }
                } else {
                    line.append(AUDITED[rng.nextInt(pool)]);
                }
            }
            if (defect == 0) {
                line.append(rng.nextBoolean() ? ",extra" : "").setLength(rng.nextBoolean() ? line.length() : line.lastIndexOf(","));
            }
            boolean crlf = crlfShare.equals("all") || crlfShare.equals("some") && rng.nextInt(5) == 0;
            line.append(crlf ? "\r\n" : "\n");
            if (bad != null) {
                out.writeBytes(bad);
                out.write(0xFF); // not UTF-8, inside the unaudited score field
            }
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            if (rng.nextInt(500) == 0) {
                out.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            }
        }
        return out.toByteArray();
    }

    @Test
    void count_uniqueIdAndScoreColumns_sameOutcomeAsTheSequentialReader() throws Exception {
        SplittableRandom rng = new SplittableRandom(20261206L);
        int fast = 0;
        int rejected = 0;
        int files = 60;
        for (int i = 0; i < files; i++) {
            List<String> header = new ArrayList<>(List.of("id", "sex", "age", "y", "p", "score"));
            java.util.Collections.shuffle(header, new java.util.Random(rng.nextLong()));
            List<String> audited = new ArrayList<>(List.of("y", "p", "sex", "age"));
            java.util.Collections.shuffle(audited, new java.util.Random(rng.nextLong()));
            List<String> columns = audited.subList(0, 1 + rng.nextInt(4));
            Path f = write("u" + i + ".csv", generateWithUniqueColumns(rng, header, 200 + rng.nextInt(3000)));
            Throwable sequential = catchThrowable(() -> new CsvTableReader().read(f));
            for (int k = 0; k < 2; k++) {
                int threads = 1 + rng.nextInt(3);
                long chunk = k == 0 ? 0 : 1 + rng.nextInt(4000);
                CsvTupleCounter counter = new CsvTupleCounter(CsvOptions.DEFAULT, threads, chunk);
                if (sequential == null) {
                    assertThat(counter.tryCount(f, columns, (b, r) -> { })).as("file %d %s, %d threads, chunk %d", i, header, threads, chunk)
                            .contains(TupleCounts.of(new CsvTableReader().read(f), columns));
                    fast++;
                } else {
                    assertThat(counter.tryCount(f, columns, (b, r) -> { })).as("file %d", i).isEmpty();
                    assertThatThrownBy(() -> counter.count(f, columns, (b, r) -> { })).hasMessage(sequential.getMessage());
                    rejected++;
                }
            }
        }
        // both outcomes occur often enough to matter (about a third of the files carry a defect)
        assertThat(fast).isGreaterThan(files);
        assertThat(rejected).isGreaterThan(files / 4);
    }

    @Test
    void scan_uniqueIdAndScoreColumns_readsPlainLinesEightBytesAtATimeAndCountsSpansFromTheCache() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("id,sex,age,y,p,score\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(1_000_000 + i).append(',').append(rng.nextBoolean() ? "F" : "M").append(',').append(18 + rng.nextInt(3))
                    .append(',').append(rng.nextInt(2)).append(',').append(rng.nextInt(2)).append(',').append(rng.nextDouble())
                    .append(i % 7 == 0 ? "\r\n" : "\n");
        }
        Path f = write("plain.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        CsvChunkScanner s = scanWhole(f, 6, new int[] {-1, 2, 3, 0, 1, -1});
        assertThat(s.rows).isEqualTo(20_000);
        assertThat(s.lineCacheOn()).isFalse();
        // every line is plain except CRLF lines whose LF starts an eight-byte word (the record path reads those)
        assertThat(s.plainRecords()).isGreaterThan(20_000 - 20_000 / 7 / 4);
        // 2 * 3 * 2 * 2 = 24 distinct spans: each looked up field by field once
        assertThat(s.spanHits()).isGreaterThanOrEqualTo(20_000 - 24);
        List<String> cols = List.of("y", "p", "sex", "age");
        TupleCounts expected = TupleCounts.of(new CsvTableReader().read(f), cols);
        assertThat(s.tuples()).isEqualTo(expected.tuples().size());
        for (int threads = 1; threads <= 2; threads++) {
            assertThat(new CsvTupleCounter(CsvOptions.DEFAULT, threads, 0).tryCount(f, cols, (b, r) -> { })).contains(expected);
        }
    }

    @Test
    void count_tooManyDistinctValues_declinesLikeTheTablesNonCategoricalColumn() throws Exception {
        StringBuilder sb = new StringBuilder("id,y\n");
        for (int i = 0; i < 50; i++) {
            sb.append("w").append(i).append(",1\n");
        }
        Path f = write("m.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        CsvOptions few = new CsvOptions(',', java.util.Set.of(""), 10);
        assertThat(new CsvTupleCounter(few, 2, 16).tryCount(f, List.of("id"), (b, r) -> { })).isEmpty();
        assertThat(new CsvTupleCounter(few, 2, 16).tryCount(f, List.of("y"), (b, r) -> { })).isPresent();
    }

    @Test
    void count_reportsProgressUpToTheFileSize() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i % 3).append(',').append(i % 2).append('\n');
        }
        Path f = write("p.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        long[] last = new long[2];
        new CsvTupleCounter(CsvOptions.DEFAULT, 2, 1000).tryCount(f, List.of("a"), (b, r) -> {
            last[0] = Math.max(last[0], b);
            last[1] = Math.max(last[1], r);
        });
        assertThat(last[1]).isEqualTo(20_000);
        assertThat(last[0]).isLessThanOrEqualTo(Files.size(f)).isGreaterThan(Files.size(f) / 2);
    }

    /** The bad inputs of {@link CsvTableReaderTest}: the parallel reader's exception is the sequential reader's, word for word. */
    static Stream<String> badInputs() {
        return Stream.of("a,b,c\n1,2,3\n1,2\n1,2,3,4\n", "", "a,b\n", "a,b,a,\n1,2,3,4\n", "a,b,c\n1,2,3\n4,\"five,6\n7,8,9\n",
                "a,b\r\n1,\"2\r\n", "\uFEFFa,b\n\"x\ny\",1\n\"é\"\"\",\"ü\n", "a\n" + ",".repeat(16_384) + "\n",
                "a,b\n\"x\"y,2\n", "a,b\n1,2\n\n3\n");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void count_badInput_throwsTheSequentialReadersMessage(String csv) throws Exception {
        assertSameOutcome(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void count_malformedUtf8_throwsTheSequentialReadersMessage() throws Exception {
        assertSameOutcome("name,y\nM\u00fcller,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertSameOutcome(new byte[] {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'});
        assertSameOutcome(new byte[] {'a', '\n', (byte) 0xC0, (byte) 0xAF, '\n'});
        assertSameOutcome(new byte[] {'a', '\n', 'x', (byte) 0xE2, (byte) 0x82});
    }

    @Test
    void count_fieldOverSixteenMebichars_throwsTheSequentialReadersMessage() throws Exception {
        byte[] big = ("a,b\n1,2\n3," + "x".repeat((16 << 20) + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        Path f = write("big.csv", big);
        Throwable sequential = catchThrowable(() -> new CsvTableReader().read(f));
        CsvTupleCounter counter = new CsvTupleCounter(CsvOptions.DEFAULT, 2, 0);
        assertThat(counter.tryCount(f, List.of("a"), (b, r) -> { })).isEmpty();
        assertThatThrownBy(() -> counter.count(f, List.of("a"), (b, r) -> { })).hasMessage(sequential.getMessage());
    }

    @Test
    void count_fuzzCorpus_sameOutcomeAsTheSequentialReader() throws Exception {
        Path corpus = Path.of("src/test/resources/org/rai4j/core/CsvTableReaderFuzzTestInputs");
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            s.filter(Files::isRegularFile).forEach(inputs::add);
        }
        assertThat(inputs).isNotEmpty();
        for (Path p : inputs) {
            assertSameOutcome(Files.readAllBytes(p));
        }
    }

    @Test
    void count_folderOrMissingFile_saysSo() {
        assertThatThrownBy(() -> new CsvTupleCounter(CsvOptions.DEFAULT).count(dir, List.of("a"), (b, r) -> { }))
                .hasMessage(dir + ": expected a CSV file, but this is a folder");
        assertThatThrownBy(() -> new CsvTupleCounter(CsvOptions.DEFAULT).count(dir.resolve("no.csv"), List.of("a"), (b, r) -> { }))
                .hasMessageContaining("no.csv: expected a readable file, but it does not exist");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void count_missingColumn_throwsTheTablesNoSuchColumnMessage(int threads) throws Exception {
        Path f = write("u.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvTupleCounter(CsvOptions.DEFAULT, threads, 0).count(f, List.of("c"), (b, r) -> { }))
                .hasMessage(f + ":1: column 'c': no such column; expected one of a, b");
    }

    /** The counter on all columns (or column "a" when the sequential reader fails) ends as the sequential reader does. */
    private void assertSameOutcome(byte[] bytes) throws Exception {
        Path f = write("bad.csv", bytes);
        Throwable sequential = catchThrowable(() -> new CsvTableReader().read(f));
        List<String> columns = sequential == null ? new CsvTableReader().read(f).columnNames() : List.of("a");
        for (int threads = 1; threads <= 2; threads++) {
            for (long chunk : new long[] {0, 1, 3}) {
                CsvTupleCounter counter = new CsvTupleCounter(CsvOptions.DEFAULT, threads, chunk);
                if (sequential == null) {
                    assertThat(counter.count(f, columns, (b, r) -> { }))
                            .isEqualTo(TupleCounts.of(new CsvTableReader().read(f), columns));
                } else {
                    assertThat(counter.tryCount(f, columns, (b, r) -> { })).isEmpty();
                    assertThatThrownBy(() -> counter.count(f, columns, (b, r) -> { }))
                            .isInstanceOf(DataFileException.class).hasMessage(sequential.getMessage());
                }
            }
        }
    }
}
