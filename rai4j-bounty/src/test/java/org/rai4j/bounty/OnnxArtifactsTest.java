package org.rai4j.bounty;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.core.Table;
import org.rai4j.onnx.TreeEnsembleOnnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rai4j.bounty.Fixtures.config;
import static org.rai4j.bounty.Fixtures.engine;
import static org.rai4j.bounty.Fixtures.table;

/** ONNX groups and models inside the engine: tree ensembles written with {@link TreeEnsembleOnnx}. */
class OnnxArtifactsTest {
    /** Labels 1 on a &lt; 20; schema features: a (numeric), s (categorical x/y, encoded 0/1). */
    private static final Table HOLDOUT = table("holdout", 100, i -> i < 20);

    /** One tree: a ≤ threshold → class 1, else class 0. */
    private static byte[] below(float threshold, int features, boolean zipMap) {
        TreeEnsembleOnnx.Tree t = new TreeEnsembleOnnx.Tree(List.of(
                new TreeEnsembleOnnx.Branch(0, threshold, 1, 2, false),
                new TreeEnsembleOnnx.Leaf(new float[] {0f, 1f}),
                new TreeEnsembleOnnx.Leaf(new float[] {1f, 0f})));
        return TreeEnsembleOnnx.classifier(features, new long[] {0, 1}, List.of(t), zipMap);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void submit_onnxModelTensorOrZipMap_acceptedWithHandComputedImprovement(boolean zipMap, @TempDir Path dir) throws Exception {
        Path h = dir.resolve("h.onnx");
        Files.write(h, below(19.5f, 2, zipMap));
        BountyEngine e = engine(HOLDOUT, config("0.05", "0", 1, "0"));
        Decision d = e.submit(new Submission("onnx-h", "t", new GroupSpec.Predicate("a < 50"), new ModelSpec.Onnx(h)));
        // On a < 50 the base (0) makes 20 errors, the tree (1 iff a ≤ 19.5) none.
        assertThat(d.accepted()).isTrue();
        assertThat(d.errorReduction()).isEqualTo(20.0);
        assertThat(e.holdoutLoss()).isZero();
        assertThat(BountyEngine.describe(e.pdl().nodes().get(1)).get("model")).isEqualTo("onnx:h.onnx");
    }

    @Test
    void submit_onnxGroup_membershipFromPredictedLabel(@TempDir Path dir) throws Exception {
        Path g = dir.resolve("g.onnx");
        Files.write(g, below(9.5f, 2, false)); // members: a ≤ 9.5 → 10 rows
        BountyEngine e = engine(HOLDOUT, config("0.05", "0", 1, "0"));
        Decision d = e.submit(new Submission("onnx-g", "t", new GroupSpec.Onnx(g), new ModelSpec.Constant("1")));
        assertThat(d.groupSize()).isEqualTo(10);
        assertThat(d.errorReduction()).isEqualTo(10.0);
        assertThat(d.accepted()).isTrue();
    }

    @Test
    void submit_onnxWrongInputWidth_invalidModelNamingWidths(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("wide.onnx");
        Files.write(h, below(19.5f, 5, false));
        BountyEngine e = engine(HOLDOUT, config("0.05", "0", 1, "0"));
        Decision d = e.submit(new Submission("wide", "t", new GroupSpec.Predicate("a < 50"), new ModelSpec.Onnx(h)));
        assertThat(d.reason()).isEqualTo(Reason.INVALID_MODEL);
        assertThat(d.detail()).contains("takes 5 features per row, but the data has 2 feature columns").contains("a, s");
    }

    @Test
    void submit_onnxGarbageFile_invalidModel(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("junk.onnx");
        Files.writeString(h, "this is not a model");
        BountyEngine e = engine(HOLDOUT, config("0.05", "0", 1, "0"));
        Decision d = e.submit(new Submission("junk", "t", new GroupSpec.Predicate("a < 50"), new ModelSpec.Onnx(h)));
        assertThat(d.reason()).isEqualTo(Reason.INVALID_MODEL);
        assertThat(d.detail()).contains("junk.onnx");
    }

    @Test
    void base_onnxModel_usedAsF0(@TempDir Path dir) throws Exception {
        Path f0 = dir.resolve("f0.onnx");
        Files.write(f0, below(9.5f, 2, true)); // right on a ≤ 9.5, wrong on 10…19: 10 errors
        BountyEngine e = new BountyEngine(HOLDOUT, HOLDOUT, Fixtures.artifacts(HOLDOUT), new ModelSpec.Onnx(f0),
                config("0.05", "0", 1, "0"), new ThresholdGuard(), AuditLog.inMemory());
        assertThat(e.holdoutLoss()).isEqualTo(10.0);
    }
}
