package org.rai4j.federated;

import org.rai4j.core.Column;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Table;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.Examples;
import org.rai4j.learn.TokenExamples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A federated population from a CSV file: numeric feature columns, a label column (categorical, or numeric
 * with a handful of values; classes are its distinct values in sorted order) and a partition of the rows into
 * clients ({@code iid}, {@code dirichlet:ALPHA[:MIN]} (each client at least MIN rows, default 2), {@code shards:K}, {@code quantity:BETA} or
 * {@code natural:COLUMN}; see {@link Partitioner}). Each client's rows are split 90 % / 10 % into train and
 * test. Problems in the file are reported with the file, line and column.
 */
public final class CsvFederatedData {
    private static final int MAX_PROBLEMS = 20;

    private CsvFederatedData() {}

    /**
     * Reads and partitions the file.
     *
     * @param file      the CSV file (header line first)
     * @param label     the label column
     * @param features  the feature columns, or null/empty for every column holding numbers except the label and a natural-partition key
     * @param partition the partition spec
     * @param clients   number of clients (ignored for {@code natural:}, where each key value is a client; 0: 30)
     * @param seed      partition seed
     * @throws DataFileException        naming file, line and column of what is wrong in the data
     * @throws IllegalArgumentException for a malformed partition spec
     */
    public static FederatedData load(Path file, String label, List<String> features, String partition, int clients, long seed)
            throws DataFileException {
        Table table = new CsvTableReader().read(file);
        return fromTable(table, label, features, partition, clients, seed);
    }

    /** As {@link #load}, for a table already read. */
    public static FederatedData fromTable(Table table, String label, List<String> features, String partition, int clients, long seed)
            throws DataFileException {
        String spec = partition == null ? "iid" : partition.trim();
        String naturalKey = spec.toLowerCase(Locale.ROOT).startsWith("natural:") ? spec.substring("natural:".length()).trim() : null;
        Column labels = table.column(label);
        if (naturalKey != null) {
            table.column(naturalKey);
        }
        List<String> names = new ArrayList<>();
        if (features == null || features.isEmpty()) {
            for (String c : table.columnNames()) {
                if (!c.equals(label) && !c.equals(naturalKey) && anyNumber(table.column(c))) {
                    names.add(c);
                }
            }
        } else {
            names.addAll(features);
        }
        if (names.isEmpty()) {
            throw new DataFileException(new DataProblem(table.source(), 1, null, "no feature columns besides the label '" + label + "'"));
        }
        if (names.contains(label)) {
            throw new DataFileException(new DataProblem(table.source(), 1, label, "the label column cannot also be a feature"));
        }
        List<DataProblem> problems = new ArrayList<>();
        long[] total = {0};
        int n = table.rowCount();
        double[][] x = new double[n][names.size()];
        for (int j = 0; j < names.size(); j++) {
            Column c = table.column(names.get(j));
            boolean nonNumeric = false; // one problem per non-numeric column, at its first offending line
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) {
                    note(problems, total, table.problem(i, c.name(), "missing value; the federated simulator needs every feature "
                            + "(drop or fill the row, or leave the column out with --features)"));
                } else if (c.isNumeric()) {
                    x[i][j] = c.number(i);
                } else if (!nonNumeric) {
                    String text = c.text(i);
                    try {
                        x[i][j] = Double.parseDouble(text.trim());
                    } catch (NumberFormatException e) {
                        nonNumeric = true;
                        note(problems, total, table.problem(i, c.name(), "expected a number, got '" + text
                                + "' (features must be numeric; choose the feature columns with --features)"));
                    }
                }
            }
        }
        int[] y = labels(table, labels, problems, total);
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total[0]);
        }
        int classes = distinct(y);
        return partitioned(table, DenseExamples.of(x, y, classes), spec, clients, seed);
    }

    /**
     * Reads a text data set and partitions it: each row's {@code text} column becomes a bag of token ids by the
     * hashing trick into {@code buckets} ids ({@link TokenExamples#hashed}; data-independent, so the clients need
     * no shared vocabulary), for the embedding-bag text model.
     *
     * @param file      the CSV file (header line first)
     * @param label     the label column
     * @param text      the text column
     * @param buckets   hash buckets (token ids, the model's embedding rows) ≥ 1
     * @param partition the partition spec
     * @param clients   number of clients (ignored for {@code natural:}; 0: 30)
     * @param seed      partition seed
     * @throws DataFileException        naming file, line and column of what is wrong in the data
     * @throws IllegalArgumentException for a malformed partition spec
     */
    public static FederatedData loadText(Path file, String label, String text, int buckets, String partition, int clients, long seed)
            throws DataFileException {
        return fromTableText(new CsvTableReader().read(file), label, text, buckets, partition, clients, seed);
    }

    /** As {@link #loadText}, for a table already read. */
    public static FederatedData fromTableText(Table table, String label, String text, int buckets, String partition, int clients, long seed)
            throws DataFileException {
        if (buckets < 1) {
            throw new IllegalArgumentException("--buckets must be >= 1, got " + buckets);
        }
        String spec = partition == null ? "iid" : partition.trim();
        Column labels = table.column(label);
        Column texts = table.column(text);
        if (text.equals(label)) {
            throw new DataFileException(new DataProblem(table.source(), 1, label, "the label column cannot also be the text column"));
        }
        List<DataProblem> problems = new ArrayList<>();
        long[] total = {0};
        int n = table.rowCount();
        List<String> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (texts.isMissing(i)) {
                note(problems, total, table.problem(i, text, "missing text (an empty bag would teach nothing; drop the row)"));
                docs.add("");
            } else {
                docs.add(texts.text(i));
            }
        }
        int[] y = labels(table, labels, problems, total);
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total[0]);
        }
        return partitioned(table, TokenExamples.hashed(docs, y, distinct(y), buckets), spec, clients, seed);
    }

    private static FederatedData partitioned(Table table, Examples data, String spec, int clients, long seed) throws DataFileException {
        Partitioner p = partitioner(spec, table);
        int n = data.size();
        int m = p instanceof Partitioner.Natural nat ? distinct(nat.keys()) : clients <= 0 ? 30 : clients;
        if (m > n) {
            throw new IllegalArgumentException("asked for " + m + " clients but " + table.source() + " has only " + n + " rows");
        }
        return p.population(data, m, seed);
    }

    /**
     * Class indices of the label column (its distinct values in sorted order); problems are noted, and when any is
     * found the returned indices are meaningless. Throws for fewer than 2 or more than 1000 classes.
     */
    private static int[] labels(Table table, Column labels, List<DataProblem> problems, long[] total) throws DataFileException {
        int n = table.rowCount();
        String label = labels.name();
        TreeMap<String, Integer> classIndex = new TreeMap<>();
        TreeMap<Double, Integer> numericIndex = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (labels.isMissing(i)) {
                note(problems, total, table.problem(i, label, "missing label"));
            } else if (labels.isNumeric()) {
                numericIndex.put(labels.number(i), 0);
            } else {
                classIndex.put(labels.text(i), 0);
            }
        }
        if (!problems.isEmpty()) {
            return new int[n];
        }
        int classes = labels.isNumeric() ? numericIndex.size() : classIndex.size();
        if (classes < 2) {
            throw new DataFileException(new DataProblem(table.source(), 0, label, "the label has " + classes
                    + " distinct value(s); classification needs at least 2"));
        }
        if (classes > 1000) {
            throw new DataFileException(new DataProblem(table.source(), 0, label, "the label has " + classes
                    + " distinct values; is it a class label? (at most 1000)"));
        }
        int k = 0;
        for (var e : numericIndex.entrySet()) {
            e.setValue(k++);
        }
        k = 0;
        for (var e : classIndex.entrySet()) {
            e.setValue(k++);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.isNumeric() ? numericIndex.get(labels.number(i)) : classIndex.get(labels.text(i));
        }
        return y;
    }

    /**
     * The partitioner of a spec.
     *
     * @param table the data (for {@code natural:COLUMN})
     */
    static Partitioner partitioner(String spec, Table table) throws DataFileException {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        String usage = "--partition must be iid, dirichlet:ALPHA[:MIN], shards:K, quantity:BETA or natural:COLUMN; got '" + spec + "'";
        try {
            if (lower.equals("iid")) {
                return new Partitioner.Iid();
            } else if (lower.startsWith("dirichlet:")) {
                String[] args = s.substring(10).split(":");
                double alpha = Double.parseDouble(args[0].trim());
                int min = args.length > 1 ? Integer.parseInt(args[1].trim()) : 2;
                if (!(alpha > 0) || Double.isInfinite(alpha) || min < 0 || args.length > 2) {
                    throw new IllegalArgumentException("--partition dirichlet:ALPHA[:MIN] needs ALPHA > 0 and MIN >= 0 rows per client, got '"
                            + spec + "'");
                }
                return new Partitioner.Dirichlet(alpha, min);
            } else if (lower.startsWith("shards:")) {
                int shards = Integer.parseInt(s.substring(7).trim());
                if (shards < 1) {
                    throw new IllegalArgumentException("--partition shards:K needs K >= 1 shards per client, got '" + spec + "'");
                }
                return new Partitioner.Shards(shards);
            } else if (lower.startsWith("quantity:")) {
                double beta = Double.parseDouble(s.substring(9).trim());
                if (!(beta > 0) || Double.isInfinite(beta)) {
                    throw new IllegalArgumentException("--partition quantity:BETA needs BETA > 0, got '" + spec + "'");
                }
                return new Partitioner.QuantitySkew(beta);
            } else if (lower.startsWith("natural:")) {
                Column key = table.column(s.substring(8).trim());
                int[] keys = new int[table.rowCount()];
                TreeMap<String, Integer> ids = new TreeMap<>();
                for (int i = 0; i < keys.length; i++) {
                    if (key.isMissing(i)) {
                        throw new DataFileException(table.problem(i, key.name(), "missing client key"));
                    }
                    String t = key.text(i);
                    Integer id = ids.get(t);
                    if (id == null) {
                        id = ids.size();
                        ids.put(t, id);
                    }
                    keys[i] = id;
                }
                return new Partitioner.Natural(keys);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage, e);
        }
        throw new IllegalArgumentException(usage);
    }

    /** Whether some value of the column is a number (a text column is not a default feature; a numeric one with a typo is, and the typo is reported). */
    private static boolean anyNumber(Column c) {
        if (c.isNumeric()) {
            return true;
        }
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                try {
                    Double.parseDouble(c.text(i).trim());
                    return true;
                } catch (NumberFormatException e) {
                    // not a number
                }
            }
        }
        return false;
    }

    private static int distinct(int[] keys) {
        return (int) java.util.Arrays.stream(keys).distinct().count();
    }

    private static void note(List<DataProblem> problems, long[] total, DataProblem p) {
        total[0]++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }
}
