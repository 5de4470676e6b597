package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

/**
 * The bundled all-MiniLM-L6-v2 encoders (float32 and int8) and the user-supplied ONNX path. Each model is loaded once
 * for the class (about 1 s each); the whole class encodes a few dozen short sentences.
 */
class SentenceEncodersTest {
    private static SentenceEncoder full;
    private static SentenceEncoder quantized;

    /** Paraphrase pairs with a sentence unrelated to both (written for this test). */
    private static final String[][] TRIPLES = {
        {"A man is playing a guitar.", "Someone is playing the guitar.", "The stock market fell sharply today."},
        {"The cat is sleeping on the sofa.", "A cat naps on the couch.", "Interest rates will rise next year."},
        {"She bought fresh bread at the bakery.", "She got a new loaf from the baker.", "The train to Berlin is late."},
        {"It is raining heavily outside.", "There is a downpour outside.", "He solved the equation quickly."},
        {"The children are playing football.", "Kids are playing soccer.", "The printer is out of ink."},
    };

    @BeforeAll
    static void load() {
        full = SentenceEncoders.miniLm();
        quantized = SentenceEncoders.miniLmQuantized();
    }

    private static Map<String, float[]> recorded() throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (InputStream in = SentenceEncodersTest.class.getResourceAsStream("minilm-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                float[] v = new float[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Float.parseFloat(f[i]);
                }
                out.put(f[0], v);
            }
        }
        return out;
    }

    @Test
    void encode_fixedSentence_equalsRecordedVectorTo1e5() throws IOException {
        Map<String, float[]> rec = recorded();
        assertThat(rec).containsOnlyKeys("all-MiniLM-L6-v2", "all-MiniLM-L6-v2-q");
        for (SentenceEncoder e : List.of(full, quantized)) {
            float[] expected = rec.get(e.name());
            float[] got = e.encode(RecordEncoderVectors.SENTENCE);
            assertThat(got).hasSize(384);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Math.abs(got[i] - expected[i])).as("%s component %d", e.name(), i).isLessThanOrEqualTo(1e-5f);
            }
            // and again in the same JVM: bit-for-bit
            assertThat(e.encode(RecordEncoderVectors.SENTENCE)).containsExactly(got);
        }
    }

    @Test
    void encode_anySentence_unitLength384() {
        for (SentenceEncoder e : List.of(full, quantized)) {
            assertThat(e.dimension()).isEqualTo(384);
            for (String[] t : TRIPLES) {
                for (String s : t) {
                    assertThat(norm(e.encode(s))).as("%s: %s", e.name(), s).isBetween(1 - 1e-5, 1 + 1e-5);
                }
            }
        }
    }

    /**
     * Semantic property, independent of the recorded vector: a paraphrase is closer than an unrelated sentence, for
     * every triple and both encoders. A broken encoder (e.g. a constant or a hash of the characters) fails it.
     */
    @Test
    void encode_paraphrase_closerThanUnrelatedSentence() {
        for (SentenceEncoder e : List.of(full, quantized)) {
            for (String[] t : TRIPLES) {
                float[] a = e.encode(t[0]);
                double para = cos(a, e.encode(t[1]));
                double unrelated = cos(a, e.encode(t[2]));
                assertThat(para).as("%s: '%s' vs paraphrase %.3f, unrelated %.3f", e.name(), t[0], para, unrelated)
                        .isGreaterThan(unrelated + 0.2);
            }
        }
    }

    /** The int8 model approximates the float32 one: same sentence, cosine above 0.95. */
    @Test
    void encode_quantizedModel_closeToFloatModel() {
        for (String[] t : TRIPLES) {
            for (String s : t) {
                assertThat(cos(full.encode(s), quantized.encode(s))).as(s).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void encodeAll_severalTexts_equalsEncodingEachAlone() {
        List<String> texts = new ArrayList<>();
        for (String[] t : TRIPLES) {
            texts.addAll(List.of(t));
        }
        List<float[]> all = quantized.encodeAll(texts);
        assertThat(all).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(all.get(i)).containsExactly(quantized.encode(texts.get(i)));
        }
        assertThat(quantized.encodeAll(List.of())).isEmpty();
    }

    /** The user-supplied path: the quantised model's own files, copied out of its jar, give the same vectors. */
    @Test
    void onnx_userSuppliedFiles_equalBundledModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("encoder.onnx");
        Path tokenizer = dir.resolve("tokenizer.json");
        copyResource("/all-minilm-l6-v2-q.onnx", model);
        copyResource("/all-minilm-l6-v2-q-tokenizer.json", tokenizer);
        SentenceEncoder user = SentenceEncoders.onnx(model, tokenizer, SentencePooling.MEAN);
        assertThat(user.name()).isEqualTo("encoder.onnx");
        assertThat(user.encode(RecordEncoderVectors.SENTENCE)).containsExactly(quantized.encode(RecordEncoderVectors.SENTENCE));
        SentenceEncoder cls = SentenceEncoders.onnx(model, tokenizer, SentencePooling.CLS);
        assertThat(cos(cls.encode(RecordEncoderVectors.SENTENCE), user.encode(RecordEncoderVectors.SENTENCE))).isLessThan(0.999);
    }

    @Test
    void onnx_missingOrBadFile_namesTheFile(@TempDir Path dir) throws Exception {
        Path tokenizer = dir.resolve("tokenizer.json");
        copyResource("/all-minilm-l6-v2-q-tokenizer.json", tokenizer);
        Path missing = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> SentenceEncoders.onnx(missing, tokenizer, SentencePooling.MEAN))
                .isInstanceOf(DataFileException.class).hasMessageContaining("nope.onnx").hasMessageContaining("no such file");
        Path notOnnx = dir.resolve("text.onnx");
        Files.writeString(notOnnx, "this is not an ONNX model\n");
        assertThatThrownBy(() -> SentenceEncoders.onnx(notOnnx, tokenizer, SentencePooling.MEAN))
                .isInstanceOf(DataFileException.class).hasMessageContaining("text.onnx")
                .hasMessageContaining("cannot load as an ONNX sentence encoder");
        assertThatThrownBy(() -> full.encode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = SentenceEncodersTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return Math.sqrt(s);
    }

    static double cos(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
        }
        return d / (norm(a) * norm(b));
    }
}
