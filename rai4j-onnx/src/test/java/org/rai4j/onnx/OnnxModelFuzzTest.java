package org.rai4j.onnx;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes ONNX loading with arbitrary bytes (the corpus starts from real tree-ensemble models): the
 * load either gives a model that runs on two rows, or fails with {@link OnnxModelException} naming
 * the model; no Java exception of another kind escapes and no input takes longer than the bound.
 * A crash inside ONNX Runtime's native code would end the JVM, and the run with it.
 */
class OnnxModelFuzzTest {
    static final long BOUND_NANOS = 10_000_000_000L;

    @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
    void load_anyBytes_modelOrOnnxModelException(byte[] bytes) {
        long start = System.nanoTime();
        try (OnnxModel model = OnnxModel.load(bytes, "fuzz.onnx", OnnxLimits.DEFAULT)) {
            long width = model.inputWidth();
            if (width > 0 && width <= 64) {
                try {
                    model.run(new float[2][(int) width]);
                } catch (OnnxModelException expected) {
                    assertThat(expected.getMessage()).startsWith("fuzz.onnx");
                }
            }
        } catch (OnnxModelException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.onnx");
        }
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }
}
