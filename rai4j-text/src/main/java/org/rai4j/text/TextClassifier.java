package org.rai4j.text;

import java.util.List;

/**
 * A binary text classifier seen from outside: the probability of the positive class (label 1) for each text.
 * Counterfactual gaps, prediction sensitivity, perturbation evaluation and bias AUCs take one, so the same
 * measurement runs on an in-process model ({@link EmbeddingBagTextClassifier}), an ONNX model or an HTTP endpoint.
 */
public interface TextClassifier {

    /**
     * Scores a batch.
     *
     * @param texts the texts, in order
     * @return P(label = 1 | text) for each text, in [0, 1], in the same order
     */
    double[] scores(List<String> texts);

    /** One text's score; see {@link #scores}. */
    default double score(String text) {
        return scores(List.of(text))[0];
    }

    /** A short name for reports: the model file, the endpoint, the encoder. */
    String name();
}
