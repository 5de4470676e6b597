package org.rai4j.learn;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's credit model, as one use case shared by {@code rai4j demo} and the server: an L2-regularised
 * logistic regression (Newton–Raphson, 100 iterations, tolerance 1e-10) on a seeded train/test split
 * ({@link Splits#trainTest}) of German credit, using every attribute except the label and the two group
 * columns, one-hot encoded by a {@link FeatureEncoder} fitted on the training rows. Positive label 1 =
 * {@code good} credit (the favourable decision). Immutable.
 *
 * @param encoder      the encoder fitted on {@link #train}
 * @param model        the fitted coefficients
 * @param features     the raw feature columns, in encoder order
 * @param train        the training rows
 * @param test         the held-out rows
 * @param l2           the L2 penalty
 * @param splitSeed    the seed of the split
 * @param testFraction the held-out share
 */
public record GermanCreditModel(FeatureEncoder encoder, LogisticModel model, List<String> features, Table train,
                                Table test, double l2, long splitSeed, double testFraction) {
    /** The columns of {@link #audited}: truth, prediction and score (then the group columns). */
    public static final String TRUTH = "good_credit";
    /** Predicted label column of {@link #audited}. */
    public static final String PREDICTION = "predicted_good";
    /** Score column of {@link #audited}: P(good). */
    public static final String SCORE = "score";

    /** Copies the feature list. */
    public GermanCreditModel {
        features = List.copyOf(features);
    }

    /**
     * Splits {@code data} (German credit with its group columns, {@link GermanCredit#load()}) and trains.
     *
     * @throws DataFileException when a column is missing or a label is neither good nor bad
     */
    public static GermanCreditModel train(Table data, double testFraction, long splitSeed, double l2) throws DataFileException {
        int[][] split = Splits.trainTest(data.rowCount(), testFraction, splitSeed);
        Table train = data.select(split[0]);
        Table test = data.select(split[1]);
        List<String> features = new ArrayList<>(data.columnNames());
        features.remove(GermanCredit.LABEL);
        features.removeAll(GermanCredit.GROUPS);
        FeatureEncoder encoder = FeatureEncoder.fit(train, features);
        LogisticModel model = new LogisticRegression(l2, 100, 1e-10).fit(encoder.transform(train), labels(train));
        return new GermanCreditModel(encoder, model, features, train, test, l2, splitSeed, testFraction);
    }

    /** P(good) for every row of {@code t}. */
    public double[] scores(Table t) throws DataFileException {
        double[][] x = encoder.transform(t);
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = model.probability(x[i]);
        }
        return s;
    }

    /**
     * The rows an audit evaluates: {@value #TRUTH} (1 = good), {@value #PREDICTION} (score ≥ 0.5),
     * {@value #SCORE}, then the group columns of {@code t}; named {@code source}, with {@code t}'s checksum.
     */
    public Table audited(Table t, String source) throws DataFileException {
        double[] score = scores(t);
        int[] truth = labels(t);
        double[] y = new double[truth.length];
        double[] pred = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            y[i] = truth[i];
            pred[i] = score[i] >= 0.5 ? 1 : 0;
        }
        List<Column> cols = new ArrayList<>(List.of(Column.numeric(TRUTH, y), Column.numeric(PREDICTION, pred),
                Column.numeric(SCORE, score)));
        for (String g : GermanCredit.GROUPS) {
            cols.add(t.column(g));
        }
        return new Table(source, t.sha256(), cols, null);
    }

    /** Share of rows of an {@link #audited} table whose prediction equals the truth. */
    public static double accuracy(Table audited) throws DataFileException {
        Column y = audited.column(TRUTH);
        Column p = audited.column(PREDICTION);
        int correct = 0;
        for (int i = 0; i < audited.rowCount(); i++) {
            correct += y.number(i) == p.number(i) ? 1 : 0;
        }
        return (double) correct / audited.rowCount();
    }

    /**
     * The label column as 1 (good) / 0 (bad).
     *
     * @throws DataFileException naming the row when a value is neither good nor bad
     */
    public static int[] labels(Table t) throws DataFileException {
        Column c = t.column(GermanCredit.LABEL);
        int[] y = new int[t.rowCount()];
        for (int i = 0; i < y.length; i++) {
            String v = c.text(i);
            if (!"good".equals(v) && !"bad".equals(v)) {
                throw new DataFileException(t.problem(i, GermanCredit.LABEL, "expected good or bad, got '" + v + "'"));
            }
            y[i] = "good".equals(v) ? 1 : 0;
        }
        return y;
    }
}
