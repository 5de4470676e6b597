package org.rai4j.text;

import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * A sentence encoder: text → a fixed-length vector. The points of SEAT (May et al. 2019) and of any other
 * association test over sentences. Implementations are deterministic (the same text gives the same vector on the same
 * machine) and thread-safe; see {@link SentenceEncoders} for the bundled all-MiniLM-L6-v2 encoders and user-supplied
 * ONNX ones.
 */
public interface SentenceEncoder {
    /** A short name recorded in outputs, e.g. {@code all-MiniLM-L6-v2}. */
    String name();

    /** The length of every vector this encoder returns. */
    int dimension();

    /**
     * The vector of {@code text} (a fresh array the caller owns).
     *
     * @throws IllegalArgumentException when {@code text} is null
     */
    float[] encode(String text);

    /**
     * The vectors of {@code texts}, in order; equal to encoding each alone (implementations may encode several at
     * once on several threads).
     */
    default List<float[]> encodeAll(List<String> texts) {
        Preconditions.checkNotNull(texts, "texts");
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(encode(t));
        }
        return out;
    }
}
