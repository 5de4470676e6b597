package org.rai4j.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code src/test/resources/org/rai4j/text/minilm-vectors.txt}, the recorded vectors that
 * {@code SentenceEncodersTest} compares against (determinism). Run once, by hand, from the module directory:
 * <pre>
 * mvn -o -q -pl rai4j-text -am test-compile
 * java -cp "rai4j-text/target/classes:rai4j-text/target/test-classes:$(cat cp.txt)" org.rai4j.text.RecordEncoderVectors OUT
 * </pre>
 * Not a test; changes only when the model or the sentence changes.
 */
public final class RecordEncoderVectors {
    /** The fixed sentence. */
    static final String SENTENCE = "The quick brown fox jumps over the lazy dog.";

    private RecordEncoderVectors() {}

    /** Writes the file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# all-MiniLM-L6-v2 sentence vectors of \"").append(SENTENCE).append("\"\n");
        sb.append("# Recorded by org.rai4j.text.RecordEncoderVectors (rai4j-text test sources) with langchain4j-embeddings\n");
        sb.append("# 1.19.0-beta29 (all-minilm-l6-v2 and all-minilm-l6-v2-q jars, which bundle the model and tokenizer) on\n");
        sb.append("# ONNX Runtime ").append(ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion())
                .append(", ").append(System.getProperty("os.arch")).append(", Java ")
                .append(System.getProperty("java.version")).append(".\n");
        sb.append("# One line per encoder: name, then the 384 components (Float.toString).\n");
        for (SentenceEncoder e : new SentenceEncoder[] {SentenceEncoders.miniLm(), SentenceEncoders.miniLmQuantized()}) {
            float[] v = e.encode(SENTENCE);
            sb.append(e.name());
            for (float f : v) {
                sb.append(' ').append(Float.toString(f));
            }
            sb.append('\n');
        }
        Files.writeString(Path.of(args[0]), sb.toString(),
                StandardCharsets.UTF_8);
    }
}
