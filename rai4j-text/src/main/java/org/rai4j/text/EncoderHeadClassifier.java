package org.rai4j.text;

import java.util.List;
import org.rai4j.core.Preconditions;
import org.rai4j.learn.LogisticModel;
import org.rai4j.learn.LogisticRegression;

/**
 * A binary text classifier made of a frozen sentence encoder and a logistic head on its vectors:
 * {@code P(1 | text) = σ(b + w·encode(text))}, the head fitted by L2-penalised logistic regression
 * ({@link LogisticRegression}, Newton–Raphson, deterministic). The usual "classifier on MiniLM features" (with
 * {@link SentenceEncoders#miniLmQuantized()}); wrap the encoder in a {@link CachingEncoder} when many heads score the
 * same sentences. Immutable; thread-safe if the encoder is.
 */
public final class EncoderHeadClassifier implements TextClassifier {
    private final SentenceEncoder encoder;
    private final LogisticModel head;

    private EncoderHeadClassifier(SentenceEncoder encoder, LogisticModel head) {
        this.encoder = encoder;
        this.head = head;
    }

    /**
     * Encodes {@code texts} and fits the head on {@code labels}.
     *
     * @param labels one label (0 or 1) per text
     * @param fitter the logistic regression (its L2 penalty keeps the head finite on separable data)
     */
    public static EncoderHeadClassifier train(SentenceEncoder encoder, List<String> texts, int[] labels,
                                              LogisticRegression fitter) {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(fitter, "fitter");
        Preconditions.checkArgument(texts.size() == labels.length,
                "need one label per text: " + labels.length + " for " + texts.size());
        return new EncoderHeadClassifier(encoder, fitter.fit(features(encoder.encodeAll(texts)), labels));
    }

    @Override
    public double[] scores(List<String> texts) {
        double[][] x = features(encoder.encodeAll(texts));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = head.probability(x[i]);
        }
        return out;
    }

    /** The fitted head. */
    public LogisticModel head() {
        return head;
    }

    @Override
    public String name() {
        return "logistic head on " + encoder.name();
    }

    private static double[][] features(List<float[]> vs) {
        double[][] x = new double[vs.size()][];
        for (int i = 0; i < x.length; i++) {
            float[] v = vs.get(i);
            x[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                x[i][j] = v[j];
            }
        }
        return x;
    }
}
