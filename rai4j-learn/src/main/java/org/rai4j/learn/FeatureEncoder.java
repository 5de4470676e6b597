package org.rai4j.learn;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns table columns into a numeric design matrix, learned from training data: numeric columns are
 * standardised (mean 0, standard deviation 1 on the training rows; missing values become 0, the
 * mean), categorical columns are one-hot encoded over the training levels (a missing or unseen level
 * is all zeros). Immutable and thread-safe once fitted.
 */
public final class FeatureEncoder {
    private final List<Feature> features;
    private final int width;

    private sealed interface Feature permits Numeric, OneHot {}

    private record Numeric(String column, double mean, double sd) implements Feature {}

    private record OneHot(String column, List<String> levels) implements Feature {}

    private FeatureEncoder(List<Feature> features) {
        this.features = List.copyOf(features);
        int w = 0;
        for (Feature f : features) {
            w += f instanceof OneHot o ? o.levels().size() : 1;
        }
        this.width = w;
    }

    /** Learns the encoding of {@code columns} from {@code train}. */
    public static FeatureEncoder fit(Table train, List<String> columns) throws DataFileException {
        Preconditions.checkArgument(!columns.isEmpty(), "need at least one feature column");
        List<Feature> features = new ArrayList<>();
        for (String name : columns) {
            Column c = train.column(name);
            if (c.isNumeric()) {
                double sum = 0;
                double sumSq = 0;
                long n = 0;
                for (int i = 0; i < c.size(); i++) {
                    double v = c.number(i);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        sumSq += v * v;
                        n++;
                    }
                }
                double mean = n == 0 ? 0 : sum / n;
                double var = n == 0 ? 0 : Math.max(0, sumSq / n - mean * mean);
                features.add(new Numeric(name, mean, var > 0 ? Math.sqrt(var) : 1.0));
            } else {
                features.add(new OneHot(name, List.copyOf(c.levels())));
            }
        }
        return new FeatureEncoder(features);
    }

    /** Number of encoded features. */
    public int width() {
        return width;
    }

    /** Names of the encoded features, e.g. {@code age} or {@code purpose=radio/tv}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            if (f instanceof Numeric num) {
                names.add(num.column());
            } else if (f instanceof OneHot o) {
                for (String level : o.levels()) {
                    names.add(o.column() + "=" + level);
                }
            }
        }
        return names;
    }

    /** Encodes every row of {@code table}. */
    public double[][] transform(Table table) throws DataFileException {
        double[][] x = new double[table.rowCount()][width];
        int offset = 0;
        for (Feature f : features) {
            if (f instanceof Numeric num) {
                Column c = table.column(num.column());
                if (!c.isNumeric()) {
                    throw new DataFileException(table.problem(0, num.column(), "expected numbers, as in the training data"));
                }
                for (int i = 0; i < x.length; i++) {
                    double v = c.number(i);
                    x[i][offset] = Double.isNaN(v) ? 0.0 : (v - num.mean()) / num.sd();
                }
                offset++;
            } else if (f instanceof OneHot o) {
                Column c = table.column(o.column());
                for (int i = 0; i < x.length; i++) {
                    String v = c.text(i);
                    int k = v == null ? -1 : o.levels().indexOf(v);
                    if (k >= 0) {
                        x[i][offset + k] = 1.0;
                    }
                }
                offset += o.levels().size();
            }
        }
        return x;
    }
}
