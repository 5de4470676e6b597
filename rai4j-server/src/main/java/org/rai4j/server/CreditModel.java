package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Table;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.GermanCreditModel;
import org.rai4j.learn.LogisticModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosted German credit model: rai4j-learn's {@link GermanCreditModel} (logistic regression on a seeded
 * split of the bundled data), the same use case as {@code rai4j demo}. Its stored artefact holds the training recipe and the
 * coefficients; on load the encoder is refitted from the same training rows and the coefficients are
 * checked against a retrained model, so a stored version cannot silently drift. Immutable.
 */
final class CreditModel {
    static final String LABEL = GermanCredit.LABEL;
    static final List<String> GROUPS = GermanCredit.GROUPS;

    private final GermanCreditModel use;
    final FeatureEncoder encoder;
    final LogisticModel model;
    final List<String> features;
    final Table train;
    final Table test;
    final double l2;
    final long splitSeed;
    final double testFraction;

    private CreditModel(GermanCreditModel use, FeatureEncoder encoder, LogisticModel model, List<String> features, Table train, Table test,
                        double l2, long splitSeed, double testFraction) {
        this.use = use;
        this.encoder = encoder;
        this.model = model;
        this.features = List.copyOf(features);
        this.train = train;
        this.test = test;
        this.l2 = l2;
        this.splitSeed = splitSeed;
        this.testFraction = testFraction;
    }

    /** Trains on {@code data} (German credit with groups): rai4j-learn's {@link GermanCreditModel}, as {@code rai4j demo}. */
    static CreditModel train(Table data, double testFraction, long splitSeed, double l2) throws DataFileException {
        GermanCreditModel m = GermanCreditModel.train(data, testFraction, splitSeed, l2);
        return new CreditModel(m, m.encoder(), m.model(), m.features(), m.train(), m.test(), l2, splitSeed, testFraction);
    }

    /** Rebuilds the model from its stored artefact; fails when retraining does not reproduce the coefficients. */
    static CreditModel fromArtifact(JsonNode a, Table data) throws DataFileException {
        CreditModel m = train(data, a.get("test_fraction").asDouble(), a.get("split_seed").asLong(), a.get("l2").asDouble());
        double[] stored = new double[a.get("coefficients").size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = a.get("coefficients").get(i).asDouble();
        }
        double[] now = m.model.coefficients();
        boolean same = stored.length == now.length && Math.abs(a.get("intercept").asDouble() - m.model.intercept()) < 1e-9;
        for (int i = 0; same && i < now.length; i++) {
            same = Math.abs(stored[i] - now[i]) < 1e-9;
        }
        if (!same) {
            throw new IllegalStateException("the stored German credit model does not match its retrained coefficients; "
                    + "the bundled data or rai4j-learn changed since it was published");
        }
        return m;
    }

    Map<String, Object> artifact() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "logistic-regression");
        a.put("library", "rai4j-learn LogisticRegression (Newton-Raphson)");
        a.put("data", "German credit (weka-stable 3.8.7 credit-g.arff)");
        a.put("test_fraction", testFraction);
        a.put("split_seed", splitSeed);
        a.put("l2", l2);
        a.put("features", features);
        a.put("encoded_features", encoder.featureNames());
        a.put("intercept", model.intercept());
        double[] c = model.coefficients();
        List<Double> list = new ArrayList<>();
        for (double v : c) {
            list.add(v);
        }
        a.put("coefficients", list);
        return a;
    }

    /** P(good) for every row. */
    double[] scores(Table t) throws DataFileException {
        return use.scores(t);
    }

    /** The rows the audit evaluates: truth, prediction, score and the group columns. */
    Table audited(Table t, String source) throws DataFileException {
        return use.audited(t, source);
    }

    /** The feature columns with their type, for the predict API: numeric or the categorical levels seen in training. */
    Map<String, Object> inputSchema() throws DataFileException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : features) {
            Column c = train.column(f);
            m.put(f, c.isNumeric() ? "number" : c.levels());
        }
        return m;
    }
}
