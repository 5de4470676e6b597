package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.TokenExamples;

/**
 * The model trained federatedly: softmax (multinomial logistic) regression when {@code hidden} is empty and
 * {@code embeddingDim} is 0 — the FedProx paper's model on Synthetic data — an MLP with the ReLU
 * {@code hidden} layers, or, when {@code embeddingDim} &gt; 0, the embedding-bag text classifier of
 * rai4j-learn ({@link EmbeddingBagClassifier}: mean of the tokens' embedding rows, then a softmax layer) over
 * {@code features} token ids. Parameters start at 0 for regression, at He-initialised weights (seeded) for the
 * MLP and at N(0, 1/dim) (seeded) for the embedding bag. Immutable.
 *
 * @param features     input dimension; for the embedding bag, the number of token ids (embedding rows)
 * @param classes      number of classes ≥ 2
 * @param hidden       hidden layer widths (empty: regression or embedding bag)
 * @param embeddingDim embedding dimension of the text model, or 0 for a dense model
 */
public record ModelSpec(int features, int classes, int[] hidden, int embeddingDim) {
    public ModelSpec {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkAtLeast(classes, 2, "classes");
        Preconditions.checkAtLeast(embeddingDim, 0, "embedding dimension");
        Preconditions.checkArgument(embeddingDim == 0 || hidden.length == 0,
                "the embedding-bag text model has no hidden layers; drop the hidden layers or the embedding dimension");
        hidden = hidden.clone();
    }

    /** A dense model: softmax regression ({@code hidden} empty) or an MLP. */
    public ModelSpec(int features, int classes, int[] hidden) {
        this(features, classes, hidden, 0);
    }

    /** Softmax regression d → k. */
    public static ModelSpec softmax(int features, int classes) {
        return new ModelSpec(features, classes, new int[0], 0);
    }

    /** The embedding-bag text classifier over {@code vocabulary} token ids with embeddings of width {@code dim}. */
    public static ModelSpec embeddingBag(int vocabulary, int dim, int classes) {
        Preconditions.checkAtLeast(dim, 1, "embedding dimension");
        return new ModelSpec(vocabulary, classes, new int[0], dim);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Whether this is the text model, which reads {@link TokenExamples} (the others read dense rows). */
    public boolean text() {
        return embeddingDim > 0;
    }

    /**
     * A fresh model with the initial parameters, typed for the examples of any kind: it accepts only the kind it
     * was built for ({@link #accepts}); the engine checks that before training.
     */
    @SuppressWarnings("unchecked")
    public GradientModel<Examples> create(long seed) {
        GradientModel<? extends Examples> m = text() ? EmbeddingBagClassifier.create(features, embeddingDim, classes, seed)
                : hidden.length == 0 ? DenseNetwork.softmax(features, classes) : DenseNetwork.mlp(features, hidden, classes, seed);
        return (GradientModel<Examples>) m;
    }

    /** Whether the model reads examples of this kind with this many features (token ids for text) and classes. */
    public boolean accepts(Examples data) {
        return data.classes() == classes && ClientData.width(data) == features && (data instanceof TokenExamples) == text();
    }

    /** "softmax", "mlp:h1,h2…" or "embedding-bag:dim". */
    public String key() {
        if (text()) {
            return "embedding-bag:" + embeddingDim;
        }
        if (hidden.length == 0) {
            return "softmax";
        }
        StringBuilder sb = new StringBuilder("mlp:");
        for (int i = 0; i < hidden.length; i++) {
            sb.append(i == 0 ? "" : ",").append(hidden[i]);
        }
        return sb.toString();
    }
}
