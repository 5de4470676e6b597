package org.rai4j.text;

import org.rai4j.core.Preconditions;
import org.rai4j.onnx.OnnxModel;
import org.rai4j.onnx.OnnxModelException;
import org.rai4j.onnx.OnnxOutput;

import java.util.List;

/**
 * A user's ONNX binary classifier over sentence vectors, in-process: each text is encoded by a
 * {@link SentenceEncoder} (e.g. all-MiniLM-L6-v2) and the model — loaded by rai4j-onnx's safe loader (size cap,
 * standard operator domains, no external data) — maps the float vector [N, dim] to class probabilities, e.g. a
 * scikit-learn logistic regression or tree ensemble exported with skl2onnx. The score is P(class 1): column 1 of a
 * probability tensor [N, 2], or the entry of key 1 of a ZipMap. Models that output only labels or more than two
 * classes are refused with a message.
 */
public final class OnnxHeadTextClassifier implements TextClassifier {
    private final SentenceEncoder encoder;
    private final OnnxModel model;

    /**
     * @throws OnnxModelException if the model's input width differs from the encoder's dimension
     */
    public OnnxHeadTextClassifier(SentenceEncoder encoder, OnnxModel model) throws OnnxModelException {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(model, "model");
        model.checkInputWidth(encoder.dimension());
        this.encoder = encoder;
        this.model = model;
    }

    @Override
    public double[] scores(List<String> texts) {
        List<float[]> vectors = encoder.encodeAll(texts);
        OnnxOutput out;
        try {
            out = model.run(vectors.toArray(new float[0][]));
        } catch (OnnxModelException e) {
            throw new TextEndpointException(e.getMessage());
        }
        if (texts.isEmpty()) {
            return new double[0];
        }
        double[] p = out.positiveProbabilities();
        if (p == null) {
            throw new TextEndpointException(model.name() + ": the model gives no probability of class 1; expected a "
                    + "binary classifier with a probability tensor [N, 2] or a ZipMap with keys 0 and 1");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new TextEndpointException(model.name() + ": P(class 1) of text " + (i + 1) + " is " + p[i]
                        + "; expected a probability in [0, 1]");
            }
        }
        return p.clone();
    }

    @Override
    public String name() {
        return model.name() + " on " + encoder.name();
    }
}
