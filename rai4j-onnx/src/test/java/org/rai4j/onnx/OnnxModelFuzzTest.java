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
    /**
     * Generous: creating an ONNX Runtime session took up to 30 s on the loaded 2-core machine under the
     * campaign's coverage instrumentation (well under a second unloaded); only hangs come near it.
     */
    static final long BOUND_NANOS = 60_000_000_000L;

    /** Loads ONNX Runtime once before any timed input: its native start-up is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        new OnnxModelFuzzTest().check(new byte[] {0x3a, 0x00});
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void load_anyBytes_modelOrOnnxModelException(byte[] bytes) {
        long start = System.nanoTime();
        check(bytes);
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
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
    }
}
