package org.rai4j.learn;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns table columns into a numeric design matrix, learned from training data: numeric columns are
 * standardised (mean 0, standard deviation 1 on the training rows; missing values become 0, the
 * mean), categorical columns are one-hot encoded over the training levels (a missing or unseen level
 * is all zeros). Immutable and thread-safe once fitted.
 *
 * <p>Values that would silently break the encoding are errors naming file, line and column, all reported
 * at once: a non-finite spelling ({@code NaN}, {@code Infinity}, {@code inf}, …) in a column whose other
 * values are numbers (it would otherwise turn the column categorical, one feature per distinct number),
 * and numbers with |x| &gt; {@value #MAX_MAGNITUDE} (their squares overflow the standardisation). Leave a
 * cell empty for a missing value.
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

    /** The largest magnitude accepted in a numeric feature column. */
    public static final double MAX_MAGNITUDE = 1e150;

    /** Learns the encoding of {@code columns} from {@code train}. */
    public static FeatureEncoder fit(Table train, List<String> columns) throws DataFileException {
        Preconditions.checkArgument(!columns.isEmpty(), "need at least one feature column");
        checkValues(train, columns);
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

    /**
     * Every non-finite or absurdly large value in the named columns, as one exception listing each with its
     * file, line and column.
     */
    public static void checkValues(Table table, List<String> columns) throws DataFileException {
        List<DataProblem> problems = new ArrayList<>();
        long total = 0;
        for (String name : columns) {
            Column c = table.column(name);
            if (c.isNumeric()) {
                for (int i = 0; i < c.size(); i++) {
                    double v = c.number(i);
                    if (!Double.isNaN(v) && !(Math.abs(v) <= MAX_MAGNITUDE)) {
                        total++;
                        if (problems.size() < DataFileException.MAX_LISTED) {
                            problems.add(table.problem(i, name, "expected a finite number with |x| <= 1e150, got "
                                    + c.text(i) + " (values this large cannot be standardised; rescale the column, "
                                    + "e.g. take its logarithm)"));
                        }
                    }
                }
                continue;
            }
            if (!numbersExceptNonFinite(c)) {
                continue;
            }
            for (int i = 0; i < c.size(); i++) {
                String v = c.text(i);
                if (v != null && isNonFiniteSpelling(v)) {
                    total++;
                    if (problems.size() < DataFileException.MAX_LISTED) {
                        problems.add(table.problem(i, name, "expected a finite number, got '" + v
                                + "' (the column's other values are numbers; leave the cell empty for a missing value)"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(DataProblem::line));
            throw new DataFileException(problems, total);
        }
    }

    /** True when every level is a finite number or a non-finite spelling, with at least one of each. */
    private static boolean numbersExceptNonFinite(Column c) {
        boolean number = false;
        boolean nonFinite = false;
        for (String level : c.levels()) {
            if (isNonFiniteSpelling(level)) {
                nonFinite = true;
            } else {
                try {
                    double v = Double.parseDouble(level.trim());
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                    number = true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return number && nonFinite;
    }

    private static boolean isNonFiniteSpelling(String v) {
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /** Encodes every row of {@code table}. */
    public double[][] transform(Table table) throws DataFileException {
        List<String> columns = new ArrayList<>();
        for (Feature f : features) {
            columns.add(f instanceof Numeric num ? num.column() : ((OneHot) f).column());
        }
        checkValues(table, columns);
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
