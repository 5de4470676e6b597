package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rai4j.onnx.OnnxLimits;
import org.rai4j.onnx.OnnxModel;
import org.rai4j.onnx.OnnxModelException;
import org.rai4j.onnx.TreeEnsembleOnnx;

class OnnxHeadTextClassifierTest {
    /** A deterministic 2-d "encoder": [number of words, 1 if the text has a female pronoun]. */
    private static final SentenceEncoder TOY = new SentenceEncoder() {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] encode(String text) {
            List<String> w = List.of(text.toLowerCase(Locale.ROOT).split("[^a-z]+"));
            return new float[] {w.size(), w.contains("she") || w.contains("her") ? 1f : 0f};
        }
    };

    /** x1 <= 0.5 (no female pronoun) → P(1) = 0.2; else P(1) = 0.9: a model that penalises female pronouns. */
    private static byte[] model(boolean zipMap) {
        TreeEnsembleOnnx.Tree t = new TreeEnsembleOnnx.Tree(List.of(
                new TreeEnsembleOnnx.Branch(1, 0.5f, 1, 2, false),
                new TreeEnsembleOnnx.Leaf(new float[] {0.8f, 0.2f}),
                new TreeEnsembleOnnx.Leaf(new float[] {0.1f, 0.9f})));
        return TreeEnsembleOnnx.classifier(2, new long[] {0, 1}, List.of(t), zipMap);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void scores_areTheModelsProbabilityOfClass1_andTheCounterfactualGapFollows(boolean zipMap) throws Exception {
        try (OnnxModel m = OnnxModel.load(model(zipMap), "head.onnx", OnnxLimits.DEFAULT)) {
            OnnxHeadTextClassifier c = new OnnxHeadTextClassifier(TOY, m);
            assertThat(c.scores(List.of("He ate.", "She ate.", "The sky is blue.", "I gave her a book.")))
                    .containsExactly(new double[] {0.2, 0.9, 0.2, 0.9}, within(1e-6));
            assertThat(c.name()).isEqualTo("head.onnx on toy");
            CounterfactualGap.Result r = CounterfactualGap.measure(List.of("He ate.", "She ate.", "No people here."),
                    c::score, GenderSwap.english(), 0.95, 100, 1);
            assertThat(r.gap()).isCloseTo(0.7, within(1e-6));
            assertThat(r.evaluated()).isEqualTo(2);
        }
    }

    @Test
    void widthMismatch_isRefusedWithTheWidths() throws Exception {
        byte[] threeWide = TreeEnsembleOnnx.classifier(3, new long[] {0, 1}, List.of(new TreeEnsembleOnnx.Tree(List.of(
                new TreeEnsembleOnnx.Leaf(new float[] {0.5f, 0.5f})))), false);
        try (OnnxModel m = OnnxModel.load(threeWide, "wide.onnx", OnnxLimits.DEFAULT)) {
            assertThatThrownBy(() -> new OnnxHeadTextClassifier(TOY, m)).isInstanceOf(OnnxModelException.class)
                    .hasMessageContaining("wide.onnx").hasMessageContaining("3").hasMessageContaining("2");
        }
    }
}
