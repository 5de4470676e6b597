package org.rai4j.core;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads a CSV file (RFC 4180, UTF-8, header line required) into a {@link Table}, computing the file's
 * SHA-256 on the way. Every structural problem (empty file, blank or duplicate header names, rows
 * with the wrong number of fields, broken quoting) is reported with the file name and line. Reading
 * either succeeds completely or throws; nothing partial escapes. Instances are immutable and
 * thread-safe.
 */
public final class CsvTableReader {
    private final CsvOptions options;

    /** A reader with the given options. */
    public CsvTableReader(CsvOptions options) {
        this.options = Preconditions.checkNotNull(options, "options");
    }

    /** A reader with {@link CsvOptions#DEFAULT}. */
    public CsvTableReader() {
        this(CsvOptions.DEFAULT);
    }

    /** How far a read has come; called every {@value #PROGRESS_ROWS} rows from the reading thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param bytes bytes read so far (the reader reads ahead by up to 64 KiB)
         * @param rows  data rows parsed so far
         */
        void update(long bytes, long rows);
    }

    /** How often (in data rows) a {@link Progress} hears from the reader. */
    public static final int PROGRESS_ROWS = 8192;

    /** Reads {@code file}; the file name as given is used in messages. */
    public Table read(Path file) throws DataFileException {
        return read(file, bytes -> { });
    }

    /**
     * Reads {@code file}, telling {@code progress} the bytes and rows read so far every
     * {@value #PROGRESS_ROWS} rows.
     *
     * @throws DataFileException when the file is missing, unreadable or malformed
     */
    public Table read(Path file, Progress progress) throws DataFileException {
        return read(file, bytes -> { }, progress);
    }

    /**
     * Reads {@code file}, reporting progress as the number of bytes read so far.
     *
     * @throws DataFileException when the file is missing, unreadable or malformed
     */
    public Table read(Path file, LongConsumer progressBytes) throws DataFileException {
        return read(file, progressBytes, (bytes, rows) -> { });
    }

    private Table read(Path file, LongConsumer progressBytes, Progress progress) throws DataFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataFileException(new DataProblem(name, 0, null, "expected a CSV file, but this is a folder"));
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name, progressBytes, progress);
        } catch (NoSuchFileException e) {
            throw new DataFileException(new DataProblem(name, 0, null, "expected a readable file, but it does not exist"));
        } catch (IOException e) {
            throw new DataFileException(new DataProblem(name, 0, null, "expected a readable file, got " + e));
        }
    }

    /** Reads CSV text held in memory (tests, embedded data). */
    public Table read(String csv, String sourceName) throws DataFileException {
        try (InputStream in = new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
            return read(in, sourceName, bytes -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads CSV from a stream; {@code sourceName} is used in messages. The stream is not closed. */
    public Table read(InputStream in, String sourceName, LongConsumer progressBytes) throws DataFileException {
        return read(in, sourceName, progressBytes, (bytes, rows) -> { });
    }

    private Table read(InputStream in, String sourceName, LongConsumer progressBytes, Progress progress)
            throws DataFileException {
        MessageDigest sha = Hashing.newSha256();
        QuoteTracker quotes = new QuoteTracker(options.separator());
        CountingInputStream counting = new CountingInputStream(new BufferedInputStream(in, 1 << 16), progressBytes, quotes);
        DigestInputStream digesting = new DigestInputStream(counting, sha);
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(options.separator())
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .detectBomHeader(true)
                .allowUnclosedQuote(false)
                .ofCsvRecord(digesting, StandardCharsets.UTF_8);
        ColumnBuilder[] builders = null;
        String[] header = null;
        int[] lines = new int[1024];
        int rows = 0;
        ProblemCollector problems = new ProblemCollector();
        try {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = readHeader(record, sourceName);
                    builders = new ColumnBuilder[header.length];
                    for (int i = 0; i < header.length; i++) {
                        builders[i] = new ColumnBuilder(header[i], options);
                    }
                    continue;
                }
                long line = record.getStartingLineNumber();
                if (record.getFieldCount() != header.length) {
                    problems.add(new DataProblem(sourceName, line, null, "expected " + header.length
                            + " fields as in the header, got " + record.getFieldCount()));
                    continue;
                }
                if (rows == lines.length) {
                    lines = Arrays.copyOf(lines, rows * 2);
                }
                lines[rows++] = (int) line;
                for (int i = 0; i < builders.length; i++) {
                    builders[i].add(record.getField(i));
                }
                if (rows % PROGRESS_ROWS == 0) {
                    progress.update(counting.count, rows);
                }
            }
        } catch (CsvParseException e) {
            throwIfNotUtf8(sourceName, quotes);
            if (String.valueOf(e.getMessage()).startsWith("Unclosed quoted field") && quotes.inQuotedField()) {
                problems.add(unterminated(sourceName, quotes));
                problems.throwIfAny();
            }
            throw new DataFileException(parseProblem(sourceName, e));
        } catch (UncheckedIOException e) {
            throw new DataFileException(new DataProblem(sourceName, 0, null, "expected a readable file, got " + e.getCause()));
        }
        quotes.finish();
        throwIfNotUtf8(sourceName, quotes);
        if (quotes.inQuotedField()) {
            problems.add(unterminated(sourceName, quotes));
        }
        problems.throwIfAny();
        if (header == null) {
            throw new DataFileException(new DataProblem(sourceName, 1, null, "expected a header line, but the file is empty"));
        }
        problems.throwIfAny();
        if (rows == 0) {
            throw new DataFileException(new DataProblem(sourceName, 2, null, "expected at least one data row after the header"));
        }
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder b : builders) {
            columns.add(b.build());
        }
        return new Table(sourceName, Hashing.hex(sha.digest()), columns, Arrays.copyOf(lines, rows));
    }

    private static final java.util.regex.Pattern FIELD_TOO_BIG = java.util.regex.Pattern.compile(
            "Field at index (\\d+) in record starting at line (\\d+) exceeds the max (field|record) size of (\\d+) characters");
    private static final java.util.regex.Pattern BUFFER_TOO_SMALL = java.util.regex.Pattern.compile(
            "The maximum buffer size of (\\d+) is insufficient.*\\((?:record starting at )?line (\\d+)\\)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TOO_MANY_FIELDS = java.util.regex.Pattern.compile(
            "Record starting at line (\\d+) has surpassed the maximum limit of (\\d+) fields");

    /** FastCSV's limit and syntax errors, rephrased with the line and the limit. */
    private static DataProblem parseProblem(String source, CsvParseException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher big = FIELD_TOO_BIG.matcher(m);
        if (big.find()) {
            boolean field = big.group(3).equals("field");
            return new DataProblem(source, Long.parseLong(big.group(2)), null, (field ? "a field has more than "
                    : "the record has more than ") + big.group(4) + " characters, the most a "
                    + (field ? "field" : "record") + " may have; is a quote missing or the separator wrong?");
        }
        java.util.regex.Matcher buffer = BUFFER_TOO_SMALL.matcher(m);
        if (buffer.find()) {
            return new DataProblem(source, Long.parseLong(buffer.group(2)), null, "a field has more than " + buffer.group(1)
                    + " characters, the most a field may have; is a quote missing or the separator wrong?");
        }
        java.util.regex.Matcher many = TOO_MANY_FIELDS.matcher(m);
        if (many.find()) {
            return new DataProblem(source, Long.parseLong(many.group(1)), null, "the record has more than " + many.group(2)
                    + " fields, the most a record may have; is the separator wrong?");
        }
        return new DataProblem(source, 0, null, "expected well-formed CSV: " + m
                + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
    }

    /** Text that is not UTF-8 is an error: decoding it would silently turn values into replacement characters. */
    private static void throwIfNotUtf8(String source, QuoteTracker quotes) throws DataFileException {
        if (quotes.malformedUtf8()) {
            throw new DataFileException(new DataProblem(source, quotes.malformedLine(), null, "expected UTF-8 text, got "
                    + quotes.malformedDescription() + "; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"));
        }
    }

    private static DataProblem unterminated(String source, QuoteTracker quotes) {
        return new DataProblem(source, quotes.openLine(), null, "unterminated quoted field starting at line "
                + quotes.openLine() + " column " + quotes.openColumn() + "; expected a closing '\"' (write a quote inside a quoted field as \"\")");
    }

    private static String[] readHeader(CsvRecord record, String source) throws DataFileException {
        String[] header = new String[record.getFieldCount()];
        Set<String> seen = new HashSet<>();
        ProblemCollector problems = new ProblemCollector();
        for (int i = 0; i < header.length; i++) {
            String h = record.getField(i).strip();
            header[i] = h;
            if (h.isEmpty()) {
                problems.add(new DataProblem(source, record.getStartingLineNumber(), null,
                        "expected a name for column " + (i + 1) + " in the header, got an empty field"));
            } else if (!seen.add(h)) {
                problems.add(new DataProblem(source, record.getStartingLineNumber(), h,
                        "expected unique column names, but this name appears twice in the header"));
            }
        }
        problems.throwIfAny();
        return header;
    }

    /** Grows a column's views while rows are read. */
    private static final class ColumnBuilder {
        private final String name;
        private final CsvOptions options;
        private int size;
        /** Columns start small and double: a header of thousands of columns costs no more than its rows. */
        private double[] numbers = new double[16];
        private boolean numeric = true;
        private java.util.HashMap<String, Integer> dict = new java.util.HashMap<>();
        private List<String> levels = new ArrayList<>();
        private double[] levelNumbers = new double[16];
        private int[] codes = new int[16];
        private String[] strings;

        ColumnBuilder(String name, CsvOptions options) {
            this.name = name;
            this.options = options;
        }

        void add(String raw) {
            if (codes != null && size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            if (numeric && size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            if (strings != null && size == strings.length) {
                strings = Arrays.copyOf(strings, size * 2);
            }
            String v = raw.strip();
            boolean missing = options.missingTokens().contains(v);
            if (codes != null) {
                addCategorical(missing ? null : v);
            } else if (strings != null) {
                strings[size] = missing ? null : v;
                if (numeric) {
                    numbers[size] = missing ? Double.NaN : parseNumber(v);
                }
            } else if (numeric) {
                numbers[size] = missing ? Double.NaN : parseNumber(v);
            }
            size++;
        }

        private void addCategorical(String v) {
            if (v == null) {
                codes[size] = Column.MISSING;
                if (numeric) {
                    numbers[size] = Double.NaN;
                }
                return;
            }
            Integer code = dict.get(v);
            if (code == null) {
                if (levels.size() >= options.maxLevels()) {
                    dropDictionary();
                    strings[size] = v;
                    if (numeric) {
                        numbers[size] = parseNumber(v);
                    }
                    return;
                }
                code = levels.size();
                dict.put(v, code);
                levels.add(v);
                if (code == levelNumbers.length) {
                    levelNumbers = Arrays.copyOf(levelNumbers, code * 2);
                }
                levelNumbers[code] = Numbers.parseOrNaN(v);
            }
            codes[size] = code;
            if (numeric) {
                double x = levelNumbers[code];
                if (Double.isNaN(x)) {
                    numeric = false;
                    numbers = null;
                } else {
                    numbers[size] = x;
                }
            }
        }

        private double parseNumber(String v) {
            double x = Numbers.parseOrNaN(v);
            if (Double.isNaN(x)) {
                numeric = false;
                numbers = null;
            }
            return x;
        }

        /** Too many distinct values: keep text (only needed when the column is not numeric). */
        private void dropDictionary() {
            strings = new String[Math.max(codes.length, 16)];
            for (int i = 0; i < size; i++) {
                strings[i] = codes[i] == Column.MISSING ? null : levels.get(codes[i]);
            }
            codes = null;
            dict = null;
            levels = null;
            levelNumbers = null;
        }

        Column build() {
            double[] n = numeric ? Arrays.copyOf(numbers, size) : null;
            int[] c = codes == null ? null : Arrays.copyOf(codes, size);
            String[] s = null;
            if (strings != null && !numeric) {
                s = Arrays.copyOf(strings, size);
            }
            return new Column(name, size, n, c, levels, s);
        }
    }

    /** Counts bytes, reports every 1 MiB and shows them to the quote tracker. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final LongConsumer progress;
        private final QuoteTracker quotes;
        private long count;
        private long lastReported;

        CountingInputStream(InputStream in, LongConsumer progress, QuoteTracker quotes) {
            super(in);
            this.progress = progress;
            this.quotes = quotes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                quotes.accept((byte) b);
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                quotes.accept(buf, off, n);
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - lastReported >= (1 << 20)) {
                lastReported = count;
                progress.accept(count);
            }
        }
    }
}
