package org.rai4j.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.onnx.internal.ProtoWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxModelTest {
    /** Tree 1 (weight 1/2): x0 <= 0.5 → P(1) = 0; else x1 <= 2 (or missing) → P(1) = 1; else P(1) = 0. */
    private static TreeEnsembleOnnx.Tree tree1() {
        return new TreeEnsembleOnnx.Tree(List.of(
                new TreeEnsembleOnnx.Branch(0, 0.5f, 1, 2, false),
                new TreeEnsembleOnnx.Leaf(new float[] {0.5f, 0f}),
                new TreeEnsembleOnnx.Branch(1, 2f, 3, 4, true),
                new TreeEnsembleOnnx.Leaf(new float[] {0f, 0.5f}),
                new TreeEnsembleOnnx.Leaf(new float[] {0.5f, 0f})));
    }

    /** Tree 2 (weight 1/2): x2 <= 10 → P(1) = 0.7, else P(1) = 0.2. */
    private static TreeEnsembleOnnx.Tree tree2() {
        return new TreeEnsembleOnnx.Tree(List.of(
                new TreeEnsembleOnnx.Branch(2, 10f, 1, 2, false),
                new TreeEnsembleOnnx.Leaf(new float[] {0.15f, 0.35f}),
                new TreeEnsembleOnnx.Leaf(new float[] {0.4f, 0.1f})));
    }

    /** The ensemble computed by hand: averaged P(1) over both trees, class 1 iff P(1) > 1/2 (no ties occur). */
    private static long expected(float[] x) {
        double p1 = 0;
        if (x[0] > 0.5f && (Float.isNaN(x[1]) || x[1] <= 2f)) {
            p1 += 0.5;
        }
        p1 += x[2] <= 10f ? 0.35 : 0.1;
        return p1 > 0.5 ? 1 : 0;
    }

    private static float[][] randomRows(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) r.nextDouble(-1, 2);
            x[i][1] = r.nextInt(10) == 0 ? Float.NaN : (float) r.nextDouble(0, 4);
            x[i][2] = (float) r.nextDouble(0, 20);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void run_treeEnsembleTensorOrZipMap_labelsMatchHandComputation(boolean zipMap) throws Exception {
        byte[] bytes = TreeEnsembleOnnx.classifier(3, new long[] {0, 1}, List.of(tree1(), tree2()), zipMap);
        float[][] x = randomRows(7, 500);
        try (OnnxModel model = OnnxModel.load(bytes, "ensemble.onnx", OnnxLimits.DEFAULT)) {
            assertThat(model.inputWidth()).isEqualTo(3);
            OnnxOutput out = model.run(x);
            assertThat(out.labels()).hasSize(500);
            for (int i = 0; i < x.length; i++) {
                assertThat(out.labels()[i]).as("row %d", i).isEqualTo(Long.toString(expected(x[i])));
                assertThat(out.positiveProbabilities()[i]).as("P(1) of row %d", i)
                        .isCloseTo(expectedP1(x[i]), org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    /** Averaged P(1) of the two trees, by hand. */
    private static double expectedP1(float[] x) {
        double p1 = 0;
        if (x[0] > 0.5f && (Float.isNaN(x[1]) || x[1] <= 2f)) {
            p1 += 0.5;
        }
        return p1 + (x[2] <= 10f ? 0.35 : 0.1);
    }

    @Test
    void run_moreRowsThanOneChunk_allRowsLabelled() throws Exception {
        byte[] bytes = TreeEnsembleOnnx.classifier(3, new long[] {0, 1}, List.of(tree1(), tree2()), false);
        float[][] x = randomRows(11, 70_000);
        try (OnnxModel model = OnnxModel.load(bytes, "ensemble.onnx", OnnxLimits.DEFAULT)) {
            String[] labels = model.run(x).labels();
            for (int i = 0; i < x.length; i += 997) {
                assertThat(labels[i]).isEqualTo(Long.toString(expected(x[i])));
            }
            assertThat(labels[69_999]).isEqualTo(Long.toString(expected(x[69_999])));
        }
    }

    @Test
    void checkInputWidth_wrongWidth_namesBothWidths() throws Exception {
        byte[] bytes = TreeEnsembleOnnx.classifier(3, new long[] {0, 1}, List.of(tree1()), false);
        try (OnnxModel model = OnnxModel.load(bytes, "m.onnx", OnnxLimits.DEFAULT)) {
            model.checkInputWidth(3);
            assertThatThrownBy(() -> model.checkInputWidth(5))
                    .isInstanceOf(OnnxModelException.class)
                    .hasMessageContaining("takes 3 features per row, but the data has 5");
        }
    }

    @Test
    void load_fileOverSizeLimit_rejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.onnx");
        Files.write(f, TreeEnsembleOnnx.classifier(3, new long[] {0, 1}, List.of(tree1()), false));
        OnnxLimits tiny = new OnnxLimits(100, OnnxLimits.DEFAULT.allowedDomains());
        assertThatThrownBy(() -> OnnxModel.load(f, tiny))
                .isInstanceOf(OnnxModelException.class)
                .hasMessageContaining("at most 100 are accepted");
        try (OnnxModel ok = OnnxModel.load(f, OnnxLimits.DEFAULT)) {
            assertThat(ok.sha256()).hasSize(64);
        }
    }

    @Test
    void load_missingFile_saysItDoesNotExist(@TempDir Path dir) {
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("nope.onnx"), OnnxLimits.DEFAULT))
                .hasMessageContaining("does not exist");
    }

    private static byte[] identityModel(String nodeDomain, String opsetDomain, boolean externalInitializer) {
        ProtoWriter node = new ProtoWriter().string(1, "X").string(2, "Y").string(4, "Identity").string(7, nodeDomain);
        ProtoWriter tensorType = new ProtoWriter().message(1, new ProtoWriter().varint(1, 1)
                .message(2, new ProtoWriter().message(1, new ProtoWriter().string(2, "N")).message(1, new ProtoWriter().varint(1, 2))));
        ProtoWriter graph = new ProtoWriter().message(1, node).string(2, "g")
                .message(11, new ProtoWriter().string(1, "X").message(2, tensorType))
                .message(12, new ProtoWriter().string(1, "Y").message(2, tensorType));
        if (externalInitializer) {
            graph.message(5, new ProtoWriter().varint(1, 1).varint(2, 1).string(8, "w").varint(14, 1));
        }
        return new ProtoWriter().varint(1, 8).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 17))
                .message(8, new ProtoWriter().string(1, opsetDomain).varint(2, 1))
                .toByteArray();
    }

    @Test
    void load_customOpDomain_rejectedBeforeOnnxRuntime() {
        assertThatThrownBy(() -> OnnxModel.load(identityModel("com.example.custom", "ai.onnx.ml", false), "evil.onnx", OnnxLimits.DEFAULT))
                .isInstanceOf(OnnxModelException.class)
                .hasMessageContaining("operator 'Identity' uses the custom domain 'com.example.custom'");
        assertThatThrownBy(() -> OnnxModel.load(identityModel("", "com.microsoft", false), "evil.onnx", OnnxLimits.DEFAULT))
                .hasMessageContaining("operator set import uses the custom domain 'com.microsoft'");
    }

    @Test
    void load_externalDataTensor_rejected() {
        assertThatThrownBy(() -> OnnxModel.load(identityModel("", "ai.onnx.ml", true), "ext.onnx", OnnxLimits.DEFAULT))
                .hasMessageContaining("external data");
    }

    @Test
    void run_regressionStyleFloatOutput_givesValues() throws Exception {
        // Identity over [N, 2] is not one value per row; a [N, 1] input is: the values come back.
        ProtoWriter tensorType = new ProtoWriter().message(1, new ProtoWriter().varint(1, 1)
                .message(2, new ProtoWriter().message(1, new ProtoWriter().string(2, "N")).message(1, new ProtoWriter().varint(1, 1))));
        ProtoWriter graph = new ProtoWriter().message(1, new ProtoWriter().string(1, "X").string(2, "Y").string(4, "Identity"))
                .string(2, "g").message(11, new ProtoWriter().string(1, "X").message(2, tensorType))
                .message(12, new ProtoWriter().string(1, "Y").message(2, tensorType));
        byte[] bytes = new ProtoWriter().varint(1, 8).message(7, graph).message(8, new ProtoWriter().string(1, "").varint(2, 17)).toByteArray();
        try (OnnxModel model = OnnxModel.load(bytes, "id.onnx", OnnxLimits.DEFAULT)) {
            OnnxOutput out = model.run(new float[][] {{1.5f}, {-2f}});
            assertThat(out.values()).containsExactly(1.5, -2.0);
            assertThat(out.labels()).isNull();
        }
    }

    @Test
    void load_garbageBytes_notWellFormed() {
        assertThatThrownBy(() -> OnnxModel.load(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01}, "junk.onnx",
                new OnnxLimits(1000, Set.of(""))))
                .isInstanceOf(OnnxModelException.class)
                .hasMessageContaining("junk.onnx");
    }
}
