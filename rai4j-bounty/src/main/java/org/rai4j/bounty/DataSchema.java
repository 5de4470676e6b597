package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The published data dictionary of a bounty: the feature columns hunters may use, in order, each
 * numeric or categorical, with the sorted levels of every categorical column. Built from the public
 * training split (the label column is excluded). It fixes the feature encoding of learned models
 * ({@link #encode(Table)}: one float per feature column in schema order; numeric values as they are,
 * categorical values as the index of the level in the sorted level list; missing or unseen values as
 * NaN) and is what group predicates are checked against. Immutable and thread-safe.
 */
public final class DataSchema {
    /** One feature column. {@code levels} is empty for numeric columns. */
    public record Feature(String name, boolean numeric, List<String> levels) {
        public Feature {
            Preconditions.checkNotNull(name, "name");
            levels = List.copyOf(levels);
        }
    }

    private final Map<String, Feature> features;

    private DataSchema(List<Feature> features) {
        Map<String, Feature> map = new LinkedHashMap<>();
        for (Feature f : features) {
            Preconditions.checkArgument(map.put(f.name(), f) == null, "duplicate feature '" + f.name() + "'");
        }
        this.features = Collections.unmodifiableMap(map);
    }

    /** A schema from explicit features (tests, stored schemas). */
    public static DataSchema of(List<Feature> features) {
        return new DataSchema(features);
    }

    /** The schema of every column of {@code table} except {@code labelColumn} (which may be null). */
    public static DataSchema fromTable(Table table, String labelColumn) throws DataFileException {
        if (labelColumn != null) {
            table.column(labelColumn); // fails with the list of columns when absent
        }
        List<Feature> list = new ArrayList<>();
        for (String name : table.columnNames()) {
            if (name.equals(labelColumn)) {
                continue;
            }
            Column c = table.column(name);
            if (c.isNumeric()) {
                list.add(new Feature(name, true, List.of()));
            } else {
                TreeSet<String> levels = new TreeSet<>();
                for (int i = 0; i < c.size(); i++) {
                    String v = c.text(i);
                    if (v != null) {
                        levels.add(v);
                    }
                }
                list.add(new Feature(name, false, new ArrayList<>(levels)));
            }
        }
        return new DataSchema(list);
    }

    /** Feature names in order. */
    public List<String> names() {
        return List.copyOf(features.keySet());
    }

    /** Number of feature columns (the width of {@link #encode(Table)}). */
    public int width() {
        return features.size();
    }

    /** The feature called {@code name}, or null. */
    public Feature feature(String name) {
        return features.get(name);
    }

    /** The features in order. */
    public List<Feature> features() {
        return List.copyOf(features.values());
    }

    /**
     * Encodes every row of {@code table} as floats in schema order (the input of ONNX models).
     *
     * @throws DataFileException when a feature column is missing or a numeric feature holds text
     */
    public float[][] encode(Table table) throws DataFileException {
        int n = table.rowCount();
        float[][] x = new float[n][width()];
        int j = 0;
        for (Feature f : features.values()) {
            Column c = table.column(f.name());
            if (f.numeric()) {
                if (!c.isNumeric()) {
                    throw new DataFileException(table.problem(firstNonNumeric(c), f.name(),
                            "expected numbers, as in the training data"));
                }
                for (int i = 0; i < n; i++) {
                    x[i][j] = (float) c.number(i);
                }
            } else {
                Map<String, Integer> index = new java.util.HashMap<>();
                for (int k = 0; k < f.levels().size(); k++) {
                    index.put(f.levels().get(k), k);
                }
                for (int i = 0; i < n; i++) {
                    String v = c.text(i);
                    Integer k = v == null ? null : index.get(v);
                    x[i][j] = k == null ? Float.NaN : k;
                }
            }
            j++;
        }
        return x;
    }

    private static int firstNonNumeric(Column c) {
        for (int i = 0; i < c.size(); i++) {
            String t = c.text(i);
            if (t != null) {
                try {
                    Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** A stable fingerprint of the schema (names, kinds, levels), for the audit log. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Feature f : features.values()) {
            sb.append(f.name()).append(f.numeric() ? ":num" : ":cat").append(f.levels()).append('\n');
        }
        return org.rai4j.core.Hashing.sha256(sb.toString());
    }
}
