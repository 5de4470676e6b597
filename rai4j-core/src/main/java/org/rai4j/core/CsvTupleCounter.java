package org.rai4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the distinct value tuples of some columns of a CSV file ({@link TupleCounts}) on all cores: the
 * file is split into chunks at line ends, each chunk is parsed by its own thread straight from bytes (no
 * {@code String} per field; a dictionary per column maps field bytes to ids) and the per-chunk counts are
 * merged in file order, so the result — tuples in order of first appearance — equals
 * {@link TupleCounts#of(Table, List)} on the table {@link CsvTableReader} reads.
 *
 * <p><b>Quoted line breaks.</b> A chunk boundary is only a guess (the first line end after an offset); a
 * chunk is accepted only when the chunk before it, parsed from a known record start, ended exactly at its
 * start. Otherwise (the line end was inside a quoted field) the chunk is parsed again from where the
 * previous one really ended. <b>Repeated lines.</b> A line (record start to LF) that parsed as exactly one
 * record is remembered per chunk with its tuple; the same bytes later count that tuple again without being
 * split into fields ({@code LineCache}; exact, since a complete record parses the same wherever it stands).
 * <b>Lines that never repeat</b> (a row id, a score): a plain line (ASCII, no quote, no bare CR) is split eight bytes
 * at a time, and the counted fields are recognised together by their span, the bytes from the first counted field
 * to the last, when that span was seen before ({@code CsvChunkScanner}).
 * <b>Problems.</b> On anything the sequential reader would reject or read
 * differently the fast path declines ({@link #tryCount} returns empty; {@link #count} then reads the file
 * with {@link CsvTableReader}, whose messages name file, line and column). Thread-safe.
 */
public final class CsvTupleCounter {
    private static final long MIN_CHUNK = 1 << 20;
    private static final long MAX_CHUNK = 32L << 20;

    private final CsvOptions options;
    private final int threads;
    private final long chunkBytes;

    /** A counter on all available cores. */
    public CsvTupleCounter(CsvOptions options) {
        this(options, Runtime.getRuntime().availableProcessors(), 0);
    }

    /**
     * @param threads    worker threads (≥ 1)
     * @param chunkBytes bytes per chunk, or 0 to choose from the file size (tests use tiny chunks)
     */
    public CsvTupleCounter(CsvOptions options, int threads, long chunkBytes) {
        this.options = Preconditions.checkNotNull(options, "options");
        Preconditions.checkAtLeast(threads, 1, "threads");
        Preconditions.checkArgument(chunkBytes >= 0, "chunkBytes must be >= 0");
        Preconditions.checkArgument(options.separator() < 0x80, "the fast reader needs an ASCII separator");
        this.threads = threads;
        this.chunkBytes = chunkBytes;
    }

    /**
     * The tuple counts of {@code columns} in {@code file}: from the parallel reader, or, when it declines,
     * from {@link CsvTableReader} (whose exception says what is wrong where).
     *
     * @throws DataFileException when the file is missing, malformed or lacks a column
     */
    public TupleCounts count(Path file, List<String> columns, CsvTableReader.Progress progress) throws DataFileException {
        Optional<TupleCounts> fast = tryCount(file, columns, progress);
        if (fast.isPresent()) {
            return fast.get();
        }
        return TupleCounts.of(new CsvTableReader(options).read(file, progress), columns);
    }

    /**
     * The tuple counts of {@code columns} in {@code file} from the parallel reader, or empty when it cannot
     * decide (a malformed or unusual file, a missing column, more distinct values than
     * {@link CsvOptions#maxLevels()}): then read the file with {@link CsvTableReader} for the exact message.
     * {@code progress} is called (under a lock, from worker threads) with bytes and rows so far.
     *
     * @throws DataFileException when the file is missing or unreadable
     */
    public Optional<TupleCounts> tryCount(Path file, List<String> columns, CsvTableReader.Progress progress)
            throws DataFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return count(channel, name, columns, progress);
        } catch (NoSuchFileException e) {
            throw new DataFileException(new DataProblem(name, 0, null, "expected a readable file, but it does not exist"));
        } catch (IOException e) {
            throw new DataFileException(new DataProblem(name, 0, null, "expected a readable file, got " + e));
        }
    }

    private Optional<TupleCounts> count(FileChannel channel, String name, List<String> columns,
                                        CsvTableReader.Progress progress) throws IOException {
        long size = channel.size();
        Header header = header(channel, size);
        if (header == null) {
            return Optional.empty();
        }
        int[] slotOfField = new int[header.names.size()];
        Arrays.fill(slotOfField, -1);
        for (int s = 0; s < columns.size(); s++) {
            int f = header.names.indexOf(columns.get(s));
            if (f < 0 || slotOfField[f] >= 0) {
                return Optional.empty(); // a missing (or repeated) column: the sequential path names it
            }
            slotOfField[f] = s;
        }
        long[] starts = chunkStarts(channel, size, header.end);
        int chunks = starts.length - 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rai4j-csv");
            t.setDaemon(true);
            return t;
        });
        AtomicLong rowsSoFar = new AtomicLong();
        AtomicLong bytesSoFar = new AtomicLong();
        Object lock = new Object();
        int maxDistinct = options.maxLevels() + options.missingTokens().size() + 64;
        try {
            Future<String> sha = pool.submit(() -> sha256(channel, size));
            List<Future<Object>> parsed = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                long from = starts[i];
                long stop = starts[i + 1];
                parsed.add(pool.submit(() -> {
                    CsvChunkScanner[] holder = new CsvChunkScanner[1];
                    holder[0] = new CsvChunkScanner(channel, size, options.separator(), header.names.size(), slotOfField,
                            maxDistinct, () -> report(holder[0], bytesSoFar, rowsSoFar, lock, progress));
                    try {
                        holder[0].scan(from, stop);
                        report(holder[0], bytesSoFar, rowsSoFar, lock, progress);
                        return holder[0];
                    } catch (CsvChunkScanner.Decline d) {
                        return d;
                    }
                }));
            }
            Merge merge = new Merge(columns.size());
            long pos = header.end;
            for (int i = 0; i < chunks; i++) {
                Object r = parsed.get(i).get();
                if (!(r instanceof CsvChunkScanner s) || s.start != pos) {
                    // a wrong guess (the boundary was inside a quoted field) or a decline from one: redo from the true start
                    try {
                        r = new CsvChunkScanner(channel, size, options.separator(), header.names.size(), slotOfField,
                                maxDistinct, () -> { }).scan(pos, Math.max(pos, starts[i + 1]));
                    } catch (CsvChunkScanner.Decline d) {
                        return Optional.empty();
                    }
                }
                CsvChunkScanner s = (CsvChunkScanner) r;
                merge.add(s);
                pos = s.end;
            }
            if (pos != size || merge.rows == 0 || merge.rows > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            TupleCounts counts = merge.result(name, sha.get(), columns);
            return counts == null ? Optional.empty() : Optional.of(counts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(CsvChunkScanner s, AtomicLong bytes, AtomicLong rows, Object lock,
                               CsvTableReader.Progress progress) {
        long pos = s.position() - s.start;
        long delta = pos - s.consumedReported;
        s.consumedReported = pos;
        long b = bytes.addAndGet(delta);
        long r = rows.addAndGet(s.rows - rowsReported(s));
        synchronized (lock) {
            progress.update(b, r);
        }
    }

    /** Rows a scanner has already reported: tracked through its own field to avoid a map. */
    private static long rowsReported(CsvChunkScanner s) {
        long before = s.rowsReported;
        s.rowsReported = s.rows;
        return before;
    }

    /** Merges chunk results in file order: first appearances stay first. */
    private final class Merge {
        private final int slots;
        private final Map<List<String>, long[]> tuples = new LinkedHashMap<>();
        private final List<Set<String>> distinct = new ArrayList<>();
        private final Set<String> missing = options.missingTokens();
        long rows;

        Merge(int slots) {
            this.slots = slots;
            for (int i = 0; i < slots; i++) {
                distinct.add(new HashSet<>());
            }
        }

        void add(CsvChunkScanner s) {
            List<Map<Integer, String>> texts = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                texts.add(new HashMap<>());
            }
            for (int t = 0; t < s.tuples(); t++) {
                List<String> key = new ArrayList<>(slots);
                for (int i = 0; i < slots; i++) {
                    ByteDictionary d = s.dicts[i];
                    String v = texts.get(i).computeIfAbsent(s.id(t, i), id -> {
                        String stripped = d.text(id).strip();
                        return missing.contains(stripped) ? null : stripped;
                    });
                    key.add(v);
                    if (v != null) {
                        distinct.get(i).add(v);
                    }
                }
                tuples.computeIfAbsent(key, k -> new long[1])[0] += s.count(t);
            }
            rows += s.rows;
        }

        /** The counts, or null when a column has more distinct values than a categorical column may. */
        TupleCounts result(String name, String sha, List<String> columns) {
            for (Set<String> d : distinct) {
                if (d.size() > options.maxLevels()) {
                    return null;
                }
            }
            List<List<String>> keys = new ArrayList<>(tuples.keySet());
            long[] counts = new long[keys.size()];
            int i = 0;
            for (long[] c : tuples.values()) {
                counts[i++] = c[0];
            }
            return new TupleCounts(name, sha, columns, keys, counts);
        }
    }

    /** The header's names and the offset just after it, or null when the fast path should not read it. */
    private record Header(List<String> names, long end) {}

    private Header header(FileChannel channel, long size) throws IOException {
        int n = (int) Math.min(size, 1 << 20);
        ByteBuffer bb = ByteBuffer.allocate(n);
        while (bb.hasRemaining() && channel.read(bb, bb.position()) > 0) {
            // read the first MiB (or the whole file)
        }
        byte[] b = Arrays.copyOf(bb.array(), bb.position());
        int p = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            p = 3;
        }
        if (p < b.length && (b[p] == '\n' || b[p] == '\r')) {
            return null; // leading empty lines: leave the header's line number to the sequential reader
        }
        List<String> names = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int fieldStart = p;
        boolean quoted = false;
        while (true) {
            if (p >= b.length) {
                if (b.length == size && !quoted) {
                    names.add(fieldText(b, fieldStart, p));
                    break; // a header without a line end: the file has no rows (the sequential reader says so)
                }
                return null;
            }
            byte c = b[p];
            if (quoted) {
                if (c == '"') {
                    if (p + 1 < b.length && b[p + 1] == '"') {
                        p += 2;
                        continue;
                    }
                    quoted = false;
                }
                p++;
                continue;
            }
            if (c == '"' && p == fieldStart) {
                quoted = true;
                p++;
                continue;
            }
            if (c == options.separator() || c == '\n' || c == '\r') {
                names.add(fieldText(b, fieldStart, p));
                if (c == options.separator()) {
                    p++;
                    fieldStart = p;
                    continue;
                }
                p += c == '\r' && p + 1 < b.length && b[p + 1] == '\n' ? 2 : 1;
                break;
            }
            if (c < 0) {
                return null; // non-ASCII header: let the sequential reader validate it
            }
            p++;
        }
        Set<String> seen = new HashSet<>();
        for (String h : names) {
            if (h == null || h.isEmpty() || !seen.add(h)) {
                return null;
            }
        }
        if (names.size() > 16_384) {
            return null;
        }
        return new Header(names, p);
    }

    /** A header field's text, unquoted and trimmed; null when it is not a plain quoted or unquoted field. */
    private static String fieldText(byte[] b, int from, int to) {
        String raw = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (raw.startsWith("\"")) {
            if (raw.length() < 2 || !raw.endsWith("\"")) {
                return null;
            }
            String inner = raw.substring(1, raw.length() - 1);
            if (inner.replace("\"\"", "").indexOf('"') >= 0) {
                return null;
            }
            raw = inner.replace("\"\"", "\"");
        } else if (raw.indexOf('"') >= 0) {
            return null;
        }
        return raw.strip();
    }

    /** Chunk starts: the header's end, then the offset after the first LF at or after each multiple of the chunk size. */
    private long[] chunkStarts(FileChannel channel, long size, long headerEnd) throws IOException {
        long chunk = chunkBytes > 0 ? chunkBytes
                : Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, (size - headerEnd) / (threads * 4L) + 1));
        List<Long> starts = new ArrayList<>();
        starts.add(headerEnd);
        ByteBuffer window = ByteBuffer.allocate(64 * 1024);
        for (long at = headerEnd + chunk; at < size; at += chunk) {
            long lf = nextLineFeed(channel, size, at, window);
            if (lf < 0) {
                break;
            }
            long s = lf + 1;
            if (s > starts.get(starts.size() - 1) && s < size) {
                starts.add(s);
            }
            at = Math.max(at, s - 1);
        }
        starts.add(size);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static long nextLineFeed(FileChannel channel, long size, long from, ByteBuffer window) throws IOException {
        for (long at = from; at < size; ) {
            window.clear();
            int n = channel.read(window, at);
            if (n <= 0) {
                return -1;
            }
            byte[] a = window.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    return at + i;
                }
            }
            at += n;
        }
        return -1;
    }

    private static String sha256(FileChannel channel, long size) throws IOException {
        MessageDigest sha = Hashing.newSha256();
        ByteBuffer bb = ByteBuffer.allocate(1 << 20);
        long pos = 0;
        while (pos < size) {
            bb.clear();
            int n = channel.read(bb, pos);
            if (n <= 0) {
                break;
            }
            bb.flip();
            sha.update(bb);
            pos += n;
        }
        return Hashing.hex(sha.digest());
    }
}
